package org.hospital.server.security;

import java.time.Clock;
import java.time.Instant;
import org.hospital.proto.common.v1.FieldViolationCode;
import org.hospital.server.audit.AuditAction;
import org.hospital.server.audit.AuditEvent;
import org.hospital.server.audit.AuditOutcome;
import org.hospital.server.audit.AuditTrail;
import org.hospital.server.errors.DomainException;
import org.hospital.server.errors.Violations;
import org.hospital.server.persistence.Database;

/**
 * A user replacing their own password. The current one is checked (a workstation left signed in must not let
 * a passer-by take the account), the new one must meet the policy and differ from the current one (else a
 * password an administrator set would stay in use). The user's other sessions end; this one stays.
 */
final class PasswordChanges {

  static final String CURRENT = "current_password";
  static final String NEW = "new_password";

  private final Database db;
  private final StaffAccountRepository accounts;
  private final PasswordHasher hasher;
  private final PasswordPolicy policy;
  private final AuditTrail audit;
  private final Clock clock;

  PasswordChanges(Database db, PasswordHasher hasher, PasswordPolicy policy, AuditTrail audit, Clock clock) {
    this.db = db;
    this.accounts = new StaffAccountRepository(db);
    this.hasher = hasher;
    this.policy = policy;
    this.audit = audit;
    this.clock = clock;
  }

  void change(CurrentUser user, String sessionToken, String current, String next) {
    Violations v = new Violations();
    if (current.isEmpty()) {
      v.add(CURRENT, FieldViolationCode.REQUIRED);
    }
    policy.check(user.username(), next, NEW, v);
    if (!next.isEmpty() && next.equals(current)) {
      v.add(NEW, FieldViolationCode.DUPLICATE);
    }
    v.throwIfAny();
    StaffAccount seen = accounts.findById(user.staffId()).orElseThrow(DomainException::sessionExpired);
    if (!hasher.verify(current, seen.passwordHash())) {
      audit.record(AuditEvent.by(user, AuditAction.PASSWORD_CHANGED, AuditEvent.NO_PATIENT, "current password wrong",
          AuditOutcome.FAILURE));
      throw wrongCurrent();
    }
    String hash = hasher.hash(next);
    String keep = SessionTokens.hash(sessionToken);
    db.runInTransaction(em -> {
      StaffAccount a = StaffAccountRepository.lockForUpdate(em, user.staffId());
      // changed by someone else while we were hashing: our check of the current password is worthless
      if (!a.passwordHash().equals(seen.passwordHash())) {
        throw wrongCurrent();
      }
      Instant now = clock.instant();
      a.setOwnPassword(hash, now);
      int ended = SessionRepository.endAllOf(em, a.id(), SessionEndReason.PASSWORD_CHANGED, now, keep).size();
      audit.recordWithin(em, AuditEvent.by(user, AuditAction.PASSWORD_CHANGED, AuditEvent.NO_PATIENT,
          "other sessions ended " + ended, AuditOutcome.SUCCESS));
    });
  }

  private static DomainException wrongCurrent() {
    return new Violations().add(CURRENT, FieldViolationCode.DOES_NOT_MATCH).toException();
  }
}
