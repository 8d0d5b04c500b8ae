package org.hospital.server.security;

import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import org.hospital.server.audit.AuditAction;
import org.hospital.server.audit.AuditEvent;
import org.hospital.server.audit.AuditOutcome;
import org.hospital.server.audit.AuditTrail;
import org.hospital.server.errors.DomainException;
import org.hospital.server.errors.Violations;
import org.hospital.server.persistence.Database;

/**
 * What administrators do to staff accounts. Each change runs in one transaction on the locked account row,
 * checks the version the administrator saw, and writes its audit entry in the same transaction. Who may call
 * this is the permission table's business ({@link Privilege#MANAGE_STAFF}); this class only refuses changes
 * that would shut administrators out of their own account.
 */
final class StaffAdministration {

  static final String NEW_PASSWORD = "new_password";
  static final String INITIAL_PASSWORD = "initial_password";

  private final Database db;
  private final StaffAccounts accounts;
  private final StaffAccountRepository repository;
  private final SessionRepository sessions;
  private final PasswordHasher hasher;
  private final PasswordPolicy policy;
  private final AuditTrail audit;
  private final Clock clock;

  StaffAdministration(Database db, StaffAccounts accounts, PasswordHasher hasher, PasswordPolicy policy,
      AuditTrail audit, Clock clock) {
    this.db = db;
    this.accounts = accounts;
    this.repository = new StaffAccountRepository(db);
    this.sessions = new SessionRepository(db);
    this.hasher = hasher;
    this.policy = policy;
    this.audit = audit;
    this.clock = clock;
  }

  List<StaffListing> list() {
    Map<Long, Instant> lastSignIns = sessions.lastSignIns();
    Map<Long, Integer> open = sessions.openCounts();
    return repository.all().stream()
        .sorted(Comparator.comparing(StaffAccount::username))
        .map(a -> new StaffListing(a, Optional.ofNullable(lastSignIns.get(a.id())), open.getOrDefault(a.id(), 0)))
        .toList();
  }

  StaffListing create(CurrentUser admin, String username, String displayName, String password, Set<Role> roles) {
    StaffAccount account = accounts.createWithPasswordToChange(username, displayName, password, roles,
        INITIAL_PASSWORD, em -> audit.recordWithin(em, AuditEvent.by(admin, AuditAction.STAFF_ACCOUNT_CREATED,
            AuditEvent.NO_PATIENT, username + " " + rolesText(roles), AuditOutcome.SUCCESS)));
    return listing(account.id());
  }

  StaffListing updateRoles(CurrentUser admin, long staffId, long version, Set<Role> roles) {
    if (admin.staffId() == staffId && !roles.contains(Role.ADMIN)) {
      throw DomainException.ownAccount();
    }
    return change(staffId, version, (em, a) -> {
      String before = rolesText(a.roles());
      a.setRoles(roles, admin.username(), clock.instant());
      record(em, admin, AuditAction.STAFF_ROLES_CHANGED, a.username() + " " + before + " -> " + rolesText(roles));
    });
  }

  StaffListing resetPassword(CurrentUser admin, long staffId, long version, String password) {
    if (admin.staffId() == staffId) {
      throw DomainException.ownAccount();
    }
    StaffAccount seen = repository.findById(staffId).orElseThrow(DomainException::notFound);
    Violations v = new Violations();
    policy.check(seen.username(), password, NEW_PASSWORD, v);
    v.throwIfAny();
    // The slow hash runs before the transaction, so the row stays locked only for the write.
    String hash = hasher.hash(password);
    return change(staffId, version, (em, a) -> {
      Instant now = clock.instant();
      a.setPasswordByAdministrator(hash, admin.username(), now);
      int ended = SessionRepository.endAllOf(em, a.id(), SessionEndReason.ENDED_BY_ADMIN, now, null).size();
      record(em, admin, AuditAction.STAFF_PASSWORD_RESET, a.username() + " sessions ended " + ended);
    });
  }

  /**
   * Turns the account's two-step sign-in off and forgets its recovery codes (a lost phone), and ends its
   * sessions; where the policy requires two steps, the user sets them up again at the next sign-in.
   */
  StaffListing resetTwoFactor(CurrentUser admin, long staffId, long version) {
    if (admin.staffId() == staffId) {
      throw DomainException.ownAccount();
    }
    return change(staffId, version, (em, a) -> {
      Instant now = clock.instant();
      a.resetTwoFactor(admin.username(), now);
      RecoveryCodes.forget(em, a.id());
      int ended = SessionRepository.endAllOf(em, a.id(), SessionEndReason.ENDED_BY_ADMIN, now, null).size();
      record(em, admin, AuditAction.TWO_FACTOR_RESET, a.username() + " sessions ended " + ended);
    });
  }

  StaffListing setLocked(CurrentUser admin, long staffId, long version, boolean locked) {
    if (admin.staffId() == staffId) {
      throw DomainException.ownAccount();
    }
    return change(staffId, version, (em, a) -> {
      Instant now = clock.instant();
      a.setEnabled(!locked, admin.username(), now);
      String detail = a.username();
      if (locked) {
        int ended = SessionRepository.endAllOf(em, a.id(), SessionEndReason.ACCOUNT_DISABLED, now, null).size();
        detail += " sessions ended " + ended;
      }
      record(em, admin, locked ? AuditAction.STAFF_ACCOUNT_LOCKED : AuditAction.STAFF_ACCOUNT_UNLOCKED, detail);
    });
  }

  /** Ends the account's open sessions; how many there were. Their live streams notice and end. */
  int endSessions(CurrentUser admin, long staffId) {
    if (admin.staffId() == staffId) {
      throw DomainException.ownAccount();
    }
    return db.inTransaction(em -> {
      StaffAccount a = StaffAccountRepository.lockForUpdate(em, staffId);
      if (a == null) {
        throw DomainException.notFound();
      }
      int ended = SessionRepository.endAllOf(em, staffId, SessionEndReason.ENDED_BY_ADMIN, clock.instant(), null)
          .size();
      record(em, admin, AuditAction.STAFF_SESSIONS_ENDED, a.username() + " " + ended);
      return ended;
    });
  }

  private StaffListing change(long staffId, long version, BiConsumer<EntityManager, StaffAccount> work) {
    db.runInTransaction(em -> {
      StaffAccount a = StaffAccountRepository.lockForUpdate(em, staffId);
      if (a == null) {
        throw DomainException.notFound();
      }
      if (a.version() != version) {
        throw DomainException.stale(a.updatedBy(), a.updatedAt(), a.version());
      }
      work.accept(em, a);
    });
    return listing(staffId);
  }

  private StaffListing listing(long staffId) {
    StaffAccount a = repository.findById(staffId).orElseThrow(DomainException::notFound);
    return new StaffListing(a, Optional.ofNullable(sessions.lastSignIns().get(staffId)),
        sessions.openCounts().getOrDefault(staffId, 0));
  }

  private void record(EntityManager em, CurrentUser admin, AuditAction action, String detail) {
    audit.recordWithin(em, AuditEvent.by(admin, action, AuditEvent.NO_PATIENT, detail, AuditOutcome.SUCCESS));
  }

  private static String rolesText(Set<Role> roles) {
    return roles.stream().map(Enum::name).sorted().reduce((x, y) -> x + "," + y).orElse("");
  }
}
