package org.hospital.server.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.hospital.server.audit.AuditAction;
import org.hospital.server.audit.AuditEvent;
import org.hospital.server.audit.AuditOutcome;
import org.hospital.server.audit.AuditTrail;
import org.hospital.server.errors.DomainException;
import org.hospital.server.persistence.Database;

/**
 * Sessions of signed-in staff: opened by {@link #login}, checked on every call by {@link #resolve}, closed by
 * {@link #logout} or after {@code idleTimeout} without a call. The database row is the truth, so any server
 * instance sharing the database honours a logout or expiry made by another.
 */
public final class SessionService {

  /** Last-seen is written at most this often per session; idleness is still computed to the instant. */
  public static final Duration LAST_SEEN_WRITE_INTERVAL = Duration.ofSeconds(30);

  private final Database db;
  private final SessionRepository sessions;
  private final StaffAccountRepository accounts;
  private final LoginAttempts attempts;
  private final AuditTrail audit;
  private final Clock clock;
  private final Duration idleTimeout;
  private final LastSeenCache lastSeen;
  private final TwoFactorPolicy policy;

  public SessionService(Database db, PasswordHasher hasher, AuditTrail audit, Clock clock, Duration idleTimeout,
      SignInThrottles throttles) {
    this(db, hasher, audit, clock, idleTimeout, throttles, new OneTimeCodes("Hospital"), TwoFactorPolicy.NONE);
  }

  SessionService(Database db, PasswordHasher hasher, AuditTrail audit, Clock clock, Duration idleTimeout,
      SignInThrottles throttles, OneTimeCodes codes, TwoFactorPolicy policy) {
    if (idleTimeout.isNegative() || idleTimeout.isZero()) {
      throw new IllegalArgumentException("idle timeout must be positive");
    }
    this.db = db;
    this.sessions = new SessionRepository(db);
    this.accounts = new StaffAccountRepository(db);
    this.policy = policy;
    this.attempts = new LoginAttempts(db, accounts, hasher, audit, clock, throttles, codes, policy);
    this.audit = audit;
    this.clock = clock;
    this.idleTimeout = idleTimeout;
    this.lastSeen = new LastSeenCache(idleTimeout);
  }

  public Duration idleTimeout() {
    return idleTimeout;
  }

  /**
   * Checks the credentials and opens a session. Fails with {@link DomainException#badCredentials()} (unknown
   * user or wrong password, indistinguishable), {@link DomainException#signInThrottled} (after repeated
   * failures from {@code peer}, not checked) or {@link DomainException#accountDisabled()} (right password).
   * Usernames are compared in lower case.
   */
  public LoginResult login(String username, String password, String workstation, String peer) {
    return login(username, password, "", workstation, peer);
  }

  /** With the one-time code (or a recovery code) of an account that signs in in two steps. */
  public LoginResult login(String username, String password, String oneTimeCode, String workstation, String peer) {
    String name = username.toLowerCase(Locale.ROOT);
    LoginAttempts.Opened opened = attempts.attempt(name, password, oneTimeCode, workstation, peer);
    return new LoginResult(opened.token(), opened.user(), idleTimeout);
  }

  /**
   * The user behind a token, keeping the session alive. Fails with {@link DomainException#sessionExpired()}
   * when the token is unknown, the session ended, or it has been idle longer than the timeout (it is then
   * ended and the expiry audited). The user's source is the address recorded at login.
   */
  public CurrentUser resolve(String token) {
    return resolve(token, null);
  }

  /**
   * Like {@link #resolve(String)}, with the address of the call being served as the user's source (a
   * workstation's address can change during a session; the audit log wants where each call came from).
   */
  public CurrentUser resolve(String token, String callPeer) {
    if (!SessionTokens.wellFormed(token)) {
      throw DomainException.sessionExpired();
    }
    String hash = SessionTokens.hash(token);
    // Two rounds at most: the second only when another instance touched the session while we ended it.
    for (int round = 0; round < 2; round++) {
      Optional<CurrentUser> user = resolveOnce(hash, callPeer);
      if (user.isPresent()) {
        return user.get();
      }
    }
    throw DomainException.sessionExpired();
  }

  /**
   * Whether the token's session is still open, without counting this as activity: for long-lived calls
   * (live streams) that must end with the session but must not keep it alive.
   */
  public boolean stillOpen(String token) {
    if (!SessionTokens.wellFormed(token)) {
      return false;
    }
    Optional<StaffSession> session = sessions.findByTokenHash(SessionTokens.hash(token));
    if (session.isEmpty() || session.get().ended()) {
      return false;
    }
    Optional<StaffAccount> account = accounts.findById(session.get().staffId());
    if (account.isEmpty() || !account.get().enabled()) {
      return false;
    }
    Instant lastActivity = lastSeen.lastActivity(session.get().id(), session.get().lastSeenAt());
    return Duration.between(lastActivity, clock.instant()).compareTo(idleTimeout) <= 0;
  }

  /** Whether the account signs in in two steps. */
  public boolean twoFactorEnabled(long staffId) {
    return accounts.findById(staffId).map(StaffAccount::twoFactorEnabled).orElse(false);
  }

  /** Ends the token's session. Idempotent: an unknown or already ended session is left as it is. */
  public void logout(String token) {
    if (!SessionTokens.wellFormed(token)) {
      return;
    }
    end(SessionTokens.hash(token), SessionEndReason.LOGOUT, AuditAction.LOGOUT, clock.instant());
  }

  /** Empty when the session was touched by someone else while we tried to end it as idle: look again. */
  private Optional<CurrentUser> resolveOnce(String hash, String callPeer) {
    Instant now = clock.instant();
    StaffSession session = sessions.findByTokenHash(hash).orElseThrow(DomainException::sessionExpired);
    if (session.ended()) {
      lastSeen.forget(session.id());
      throw DomainException.sessionExpired();
    }
    StaffAccount account = accounts.findById(session.staffId()).orElseThrow(DomainException::sessionExpired);
    CurrentUser user = toUser(account, session, callPeer == null ? session.peer() : callPeer, policy);
    if (!account.enabled()) {
      end(hash, SessionEndReason.ACCOUNT_DISABLED, AuditAction.SESSION_EXPIRED, now);
      throw DomainException.sessionExpired();
    }
    Instant lastActivity = lastSeen.lastActivity(session.id(), session.lastSeenAt());
    if (Duration.between(lastActivity, now).compareTo(idleTimeout) > 0) {
      if (!endAsIdle(session, user, now)) {
        return Optional.empty();
      }
      lastSeen.forget(session.id());
      throw DomainException.sessionExpired();
    }
    lastSeen.touch(session.id(), now);
    if (Duration.between(session.lastSeenAt(), now).compareTo(LAST_SEEN_WRITE_INTERVAL) >= 0) {
      sessions.touch(session.id(), now);
    }
    return Optional.of(user);
  }

  /** Ends the session as idle if the database agrees; false when another instance has just seen it active. */
  private boolean endAsIdle(StaffSession session, CurrentUser user, Instant now) {
    Instant cutoff = now.minus(idleTimeout);
    return db.inTransaction(em -> {
      if (!SessionRepository.endIfIdle(em, session.id(), cutoff, now)) {
        return false;
      }
      audit.recordWithin(em, new AuditEvent(user.username(), user.rolesText(), AuditAction.SESSION_EXPIRED,
          AuditEvent.NO_PATIENT, "session " + session.id() + " " + SessionEndReason.IDLE, user.source(),
          AuditOutcome.SUCCESS));
      return true;
    });
  }

  /** Ends the session if still open, with its audit entry in the same transaction. */
  private void end(String hash, SessionEndReason reason, AuditAction action, Instant now) {
    Optional<Long> ended = db.inTransaction(em -> SessionRepository.findOpenByTokenHash(em, hash)
        .filter(s -> SessionRepository.end(em, s.id(), reason, now))
        .map(s -> {
          StaffAccount account = em.find(StaffAccount.class, s.staffId());
          CurrentUser user = toUser(account, s, s.peer(), policy);
          audit.recordWithin(em, new AuditEvent(user.username(), user.rolesText(), action, AuditEvent.NO_PATIENT,
              "session " + s.id() + " " + reason, user.source(), AuditOutcome.SUCCESS));
          return s.id();
        }));
    ended.ifPresent(lastSeen::forget);
  }

  static CurrentUser toUser(StaffAccount account, StaffSession session, String peer, TwoFactorPolicy policy) {
    return new CurrentUser(account.id(), account.username(), account.displayName(), account.roles(),
        Sources.describe(peer, session.workstation()), account.passwordMustChange(),
        policy.setupRequired(account));
  }
}
