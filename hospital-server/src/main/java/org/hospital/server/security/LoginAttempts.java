package org.hospital.server.security;

import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.hospital.server.audit.AuditAction;
import org.hospital.server.audit.AuditEvent;
import org.hospital.server.audit.AuditOutcome;
import org.hospital.server.audit.AuditTrail;
import org.hospital.server.errors.DomainException;
import org.hospital.server.persistence.Database;

/**
 * One login attempt: the throttle, the password check, the new session, and the audit entry. An attempt the
 * throttle delays is refused before anything else is looked at, so it costs no hash and answers alike for any
 * name. Otherwise the slow hash runs outside any transaction, and the decision is taken on the locked account
 * row and locked throttle rows, so concurrent attempts on any server instance are counted one after the
 * other. Refusals are committed (the counts must survive) and only then thrown. An unknown name is checked
 * against a dummy hash and counted like a wrong password, so that neither the answer nor its time tells
 * which names exist.
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
  private final SignInThrottles throttles;
  private final SessionTokens tokens = new SessionTokens();
  private final String dummyHash;
  private final OneTimeCodes codes;
  private final TwoFactorPolicy policy;

  LoginAttempts(Database db, StaffAccountRepository accounts, PasswordHasher hasher, AuditTrail audit, Clock clock,
      SignInThrottles throttles, OneTimeCodes codes, TwoFactorPolicy policy) {
    this.codes = codes;
    this.policy = policy;
    this.db = db;
    this.accounts = accounts;
    this.hasher = hasher;
    this.audit = audit;
    this.clock = clock;
    this.throttles = throttles;
    // Checked against when there is no real hash to check, so that a refusal costs what a real check costs
    // and response times do not tell which usernames exist.
    this.dummyHash = hasher.hash(new SessionTokens().newToken());
  }

  Opened attempt(String username, String password, String workstation, String peer) {
    return attempt(username, password, "", workstation, peer);
  }

  /**
   * With the second step for an account that has two-step sign-in: without {@code oneTimeCode} the right
   * password is answered with SECOND_FACTOR_REQUIRED (not counted as a failure); a wrong code counts like a
   * wrong password.
   */
  Opened attempt(String username, String password, String oneTimeCode, String workstation, String peer) {
    // The RPC layer validates lengths; callers inside the server are cut short rather than failing.
    String name = actor(username);
    String shortPeer = cut(peer, COLUMN_MAX);
    String shortWorkstation = cut(workstation, COLUMN_MAX);
    String source = Sources.describe(shortPeer, shortWorkstation);
    Optional<Instant> delayed = throttles.blocked(name, shortPeer, clock.instant());
    if (delayed.isPresent()) {
      audit.record(failure(name, "", source, LoginFailure.THROTTLED + " until " + delayed.get()));
      throw DomainException.signInThrottled(delayed.get());
    }
    Optional<StaffAccount> found = accounts.findByUsername(name);
    if (found.isEmpty()) {
      hasher.verify(password, dummyHash);
      throttles.prepareFailure(name, shortPeer, shortWorkstation);
      db.runInTransaction(em -> {
        throttles.recordFailure(em, name, shortPeer, shortWorkstation, "", source);
        audit.recordWithin(em, failure(name, "", source, LoginFailure.UNKNOWN_USER.name()));
      });
      throw DomainException.badCredentials();
    }
    StaffAccount seen = found.get();
    boolean matches = hasher.verify(password, seen.passwordHash());
    if (!matches || (seen.twoFactorEnabled() && !oneTimeCode.isBlank())) {
      throttles.prepareFailure(name, shortPeer, shortWorkstation);
    }
    Outcome outcome = db.inTransaction(em -> decide(em, seen, matches, oneTimeCode, shortPeer, shortWorkstation,
        source));
    return switch (outcome) {
      case Success s -> s.opened();
      case Refusal r -> throw r.error();
    };
  }

  private Outcome decide(EntityManager em, StaffAccount seen, boolean matches, String oneTimeCode, String peer,
      String workstation, String source) {
    StaffAccount account = StaffAccountRepository.lockForUpdate(em, seen.id());
    Instant now = clock.instant();
    String roles = rolesText(account);
    // A password changed while we were hashing makes our check worthless.
    if (!matches || !account.passwordHash().equals(seen.passwordHash())) {
      throttles.recordFailure(em, account.username(), peer, workstation, roles, source);
      audit.recordWithin(em, failure(account.username(), roles, source, LoginFailure.BAD_PASSWORD.name()));
      return new Refusal(DomainException.badCredentials());
    }
    if (!account.enabled()) {
      // Only the right password learns that the account is disabled.
      audit.recordWithin(em, failure(account.username(), roles, source, LoginFailure.DISABLED.name()));
      return new Refusal(DomainException.accountDisabled());
    }
    if (account.twoFactorEnabled()) {
      Optional<Refusal> refused = secondStep(em, account, oneTimeCode, peer, workstation, roles, source, now);
      if (refused.isPresent()) {
        return refused.get();
      }
    }
    throttles.recordSuccess(em, account.username(), peer);
    String token = tokens.newToken();
    StaffSession session = StaffSession.open(SessionTokens.hash(token), account.id(), peer, workstation, now);
    SessionRepository.insert(em, session);
    CurrentUser user = SessionService.toUser(account, session, peer, policy);
    audit.recordWithin(em, new AuditEvent(user.username(), roles, AuditAction.LOGIN, AuditEvent.NO_PATIENT,
        "session " + session.id(), source, AuditOutcome.SUCCESS));
    return new Success(new Opened(token, user));
  }

  /**
   * The one-time code of an account with two-step sign-in, or one of its recovery codes; empty when it lets
   * the user in. A code is used up: the step it belongs to (or the recovery code) is written with the session.
   */
  private Optional<Refusal> secondStep(EntityManager em, StaffAccount account, String code, String peer,
      String workstation, String roles, String source, Instant now) {
    if (code.isBlank()) {
      audit.recordWithin(em, failure(account.username(), roles, source, LoginFailure.SECOND_FACTOR_REQUIRED.name()));
      return Optional.of(new Refusal(DomainException.secondFactorRequired()));
    }
    if (RecoveryCodes.looksLikeRecoveryCode(code)) {
      if (RecoveryCodes.use(em, account.id(), code, now)) {
        audit.recordWithin(em, new AuditEvent(account.username(), roles, AuditAction.RECOVERY_CODE_USED,
            AuditEvent.NO_PATIENT, RecoveryCodes.unused(em, account.id()) + " left", source, AuditOutcome.SUCCESS));
        return Optional.empty();
      }
    } else {
      java.util.OptionalLong step = codes.matchingStoredStep(account.twoFactorSecret(), account.id(), code, now,
          account.twoFactorLastStep());
      if (step.isPresent()) {
        em.createNativeQuery("UPDATE staff_account SET two_factor_last_step = ? WHERE id = ?")
            .setParameter(1, step.getAsLong()).setParameter(2, account.id()).executeUpdate();
        return Optional.empty();
      }
    }
    throttles.recordFailure(em, account.username(), peer, workstation, roles, source);
    audit.recordWithin(em, failure(account.username(), roles, source, LoginFailure.WRONG_ONE_TIME_CODE.name()));
    return Optional.of(new Refusal(DomainException.wrongOneTimeCode()));
  }

  /** A name as the audit log and the throttles keep it: at most the actor column's length. */
  static String actor(String username) {
    return cut(username, ACTOR_MAX);
  }

  private static AuditEvent failure(String username, String roles, String source, String detail) {
    return new AuditEvent(actor(username), roles, AuditAction.LOGIN, AuditEvent.NO_PATIENT, detail, source,
        AuditOutcome.FAILURE);
  }

  private static String cut(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max);
  }

  private static String rolesText(StaffAccount account) {
    return account.roles().stream().map(Enum::name).sorted().reduce((a, b) -> a + "," + b).orElse("");
  }
}
