package org.hospital.server.security;

import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.hospital.server.audit.AuditAction;
import org.hospital.server.audit.AuditEvent;
import org.hospital.server.audit.AuditOutcome;
import org.hospital.server.audit.AuditTrail;
import org.hospital.server.errors.DomainException;
import org.hospital.server.persistence.Database;

/**
 * One login attempt: the password check, the failure counter and lock, the new session, and the audit entry.
 * The slow hash runs outside any transaction; the decision is then taken on the locked account row, so
 * concurrent attempts on any server instance are counted one after the other. Refusals are committed (the
 * counter must survive) and only then thrown.
 */
final class LoginAttempts {

  /** The audit log's actor column holds 64 characters; session peers and workstations hold 100. */
  private static final int ACTOR_MAX = 64;
  private static final int COLUMN_MAX = 100;

  record Opened(String token, CurrentUser user) {
    @Override
    public String toString() {
      return "Opened[user=" + user.username() + "]";
    }
  }

  private sealed interface Outcome permits Success, Refusal {}

  private record Success(Opened opened) implements Outcome {}

  private record Refusal(DomainException error) implements Outcome {}

  private final Database db;
  private final StaffAccountRepository accounts;
  private final PasswordHasher hasher;
  private final AuditTrail audit;
  private final Clock clock;
  private final int threshold;
  private final Duration lockDuration;
  private final SessionTokens tokens = new SessionTokens();
  private final String dummyHash;

  LoginAttempts(Database db, StaffAccountRepository accounts, PasswordHasher hasher, AuditTrail audit, Clock clock,
      int threshold, Duration lockDuration) {
    this.db = db;
    this.accounts = accounts;
    this.hasher = hasher;
    this.audit = audit;
    this.clock = clock;
    this.threshold = threshold;
    this.lockDuration = lockDuration;
    // Checked against when there is no real hash to check, so that a refusal costs what a real check costs
    // and response times do not tell which usernames exist.
    this.dummyHash = hasher.hash(new SessionTokens().newToken());
  }

  Opened attempt(String username, String password, String workstation, String peer) {
    // The RPC layer validates lengths; callers inside the server are cut short rather than failing.
    String shortPeer = cut(peer, COLUMN_MAX);
    String shortWorkstation = cut(workstation, COLUMN_MAX);
    String source = Sources.describe(shortPeer, shortWorkstation);
    Optional<StaffAccount> found = accounts.findByUsername(username);
    if (found.isEmpty()) {
      hasher.verify(password, dummyHash);
      audit.record(failure(username, "", source, LoginFailure.UNKNOWN_USER));
      throw DomainException.badCredentials();
    }
    StaffAccount seen = found.get();
    Optional<Instant> locked = seen.lockedAt(clock.instant());
    if (locked.isPresent()) {
      // The password is not even checked while locked: a guesser learns nothing from the lock period.
      hasher.verify(password, dummyHash);
      audit.record(failure(username, rolesText(seen), source, LoginFailure.LOCKED));
      throw DomainException.accountLocked(locked.get());
    }
    boolean matches = hasher.verify(password, seen.passwordHash());
    Outcome outcome = db.inTransaction(em -> decide(em, seen, matches, shortPeer, shortWorkstation, source));
    return switch (outcome) {
      case Success s -> s.opened();
      case Refusal r -> throw r.error();
    };
  }

  private Outcome decide(EntityManager em, StaffAccount seen, boolean matches, String peer, String workstation,
      String source) {
    StaffAccount account = StaffAccountRepository.lockForUpdate(em, seen.id());
    Instant now = clock.instant();
    String roles = rolesText(account);
    Optional<Instant> locked = account.lockedAt(now);
    if (locked.isPresent()) {
      // locked by a concurrent attempt while we were hashing
      audit.recordWithin(em, failure(account.username(), roles, source, LoginFailure.LOCKED));
      return new Refusal(DomainException.accountLocked(locked.get()));
    }
    // A password changed while we were hashing makes our check worthless.
    if (!matches || !account.passwordHash().equals(seen.passwordHash())) {
      Optional<Instant> lockedNow = account.recordFailure(now, threshold, lockDuration);
      audit.recordWithin(em, new AuditEvent(account.username(), roles, AuditAction.LOGIN, AuditEvent.NO_PATIENT,
          LoginFailure.BAD_PASSWORD + lockedNow.map(until -> ", locked until " + until).orElse(""), source,
          AuditOutcome.FAILURE));
      return new Refusal(lockedNow.map(DomainException::accountLocked).orElseGet(DomainException::badCredentials));
    }
    if (!account.enabled()) {
      audit.recordWithin(em, failure(account.username(), roles, source, LoginFailure.DISABLED));
      return new Refusal(DomainException.accountDisabled());
    }
    account.recordSuccess();
    String token = tokens.newToken();
    StaffSession session = StaffSession.open(SessionTokens.hash(token), account.id(), peer, workstation, now);
    SessionRepository.insert(em, session);
    CurrentUser user = SessionService.toUser(account, session, peer);
    audit.recordWithin(em, new AuditEvent(user.username(), roles, AuditAction.LOGIN, AuditEvent.NO_PATIENT,
        "session " + session.id(), source, AuditOutcome.SUCCESS));
    return new Success(new Opened(token, user));
  }

  private static AuditEvent failure(String username, String roles, String source, LoginFailure reason) {
    String actor = cut(username, ACTOR_MAX);
    return new AuditEvent(actor, roles, AuditAction.LOGIN, AuditEvent.NO_PATIENT, reason.name(), source,
        AuditOutcome.FAILURE);
  }

  private static String cut(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max);
  }

  private static String rolesText(StaffAccount account) {
    return account.roles().stream().map(Enum::name).sorted().reduce((a, b) -> a + "," + b).orElse("");
  }
}
