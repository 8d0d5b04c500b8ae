package org.hospital.server.security;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.hospital.server.audit.AuditAction;
import org.hospital.server.audit.AuditEvent;
import org.hospital.server.audit.AuditOutcome;
import org.hospital.server.audit.AuditTrail;
import org.hospital.server.config.SignInLimits;
import org.hospital.server.persistence.Database;
import org.hospital.server.persistence.DbTime;
import org.hospital.server.security.SignInThrottle.Scope;

/**
 * Failed sign-ins counted per (name as typed, caller's address) and per address. A name's failures at one
 * address never delay that name at another, so a stranger cannot keep a doctor out of every workstation; a
 * guesser at one address is slowed for every name it tries. Names need not exist: a throttle answers alike
 * for an account and for a name nobody has.
 */
public final class SignInThrottles {

  /** The listing's length: enough for an incident, bounded for the screen. */
  static final int LIST_MAX = 500;

  private final Database db;
  private final AuditTrail audit;
  private final Clock clock;
  private final ThrottlePolicy perName;
  private final ThrottlePolicy perAddress;

  public SignInThrottles(Database db, AuditTrail audit, Clock clock, ThrottlePolicy perName,
      ThrottlePolicy perAddress) {
    this.db = db;
    this.audit = audit;
    this.clock = clock;
    this.perName = perName;
    this.perAddress = perAddress;
  }

  /** Throttles under the configured limits. */
  public static SignInThrottles configured(Database db, AuditTrail audit, Clock clock, SignInLimits limits) {
    return new SignInThrottles(db, audit, clock,
        new ThrottlePolicy(limits.nameFree(), limits.nameDailyCap(), limits.maxDelay()),
        new ThrottlePolicy(limits.addressFree(), limits.addressDailyCap(), limits.maxDelay()));
  }

  /** Until when an attempt of this name from this address is refused unchecked, if it is now. */
  Optional<Instant> blocked(String username, String address, Instant now) {
    return db.read(em -> later(
        find(em, SignInThrottle.key(Scope.NAME_AT_ADDRESS, username, address)).flatMap(t -> t.blockedAt(now)),
        find(em, SignInThrottle.key(Scope.ADDRESS, username, address)).flatMap(t -> t.blockedAt(now))));
  }

  /**
   * Makes sure both throttle rows of a failing attempt exist, each in its own short transaction, so that
   * {@link #recordFailure} only ever updates locked rows: two first failures at once cannot both insert.
   */
  void prepareFailure(String username, String address, String workstation) {
    Instant now = clock.instant();
    for (Scope scope : Scope.values()) {
      ensure(SignInThrottle.empty(scope, username, address, workstation, now));
    }
  }

  /**
   * Counts a failure on both throttles within the caller's transaction (after {@link #prepareFailure}), and
   * audits each block it starts. Returns when the next attempt of this name from this address is checked.
   */
  Optional<Instant> recordFailure(EntityManager em, String username, String address, String workstation,
      String actorRoles, String source) {
    Instant now = clock.instant();
    Optional<Instant> byName = fail(em, Scope.NAME_AT_ADDRESS, username, address, workstation, now, actorRoles,
        source);
    Optional<Instant> byAddress = fail(em, Scope.ADDRESS, username, address, workstation, now, actorRoles, source);
    return later(byName, byAddress);
  }

  /** A successful sign-in forgets the name's failures at that address; the address's own count stays. */
  void recordSuccess(EntityManager em, String username, String address) {
    SignInThrottle t = em.find(SignInThrottle.class, SignInThrottle.key(Scope.NAME_AT_ADDRESS, username, address));
    if (t != null) {
      em.remove(t);
    }
  }

  /** The throttles holding failures in their current window, newest failure first. */
  public List<SignInThrottle> current() {
    Instant windowOpenSince = clock.instant().minus(ThrottlePolicy.WINDOW);
    return db.read(em -> em.createQuery("select t from SignInThrottle t where t.failures > 0 and t.windowStart > :since"
            + " order by t.lastFailureAt desc, t.key", SignInThrottle.class)
        .setParameter("since", DbTime.toDb(windowOpenSince))
        .setMaxResults(LIST_MAX)
        .getResultList());
  }

  Instant now() {
    return clock.instant();
  }

  /** Whether this throttle's daily cap is reached. */
  public boolean capped(SignInThrottle t) {
    return policy(t.scope()).capped(t.failures());
  }

  /** An administrator forgets a throttle; audited with what it held. False when it was already gone. */
  public boolean clear(String key, CurrentUser admin) {
    return db.inTransaction(em -> {
      SignInThrottle t = em.find(SignInThrottle.class, key, LockModeType.PESSIMISTIC_WRITE);
      if (t == null) {
        return false;
      }
      em.remove(t);
      audit.recordWithin(em, new AuditEvent(admin.username(), admin.rolesText(),
          AuditAction.SIGN_IN_THROTTLE_CLEARED, AuditEvent.NO_PATIENT,
          key + " after " + t.failures() + " failures", admin.source(), AuditOutcome.SUCCESS));
      return true;
    });
  }

  private ThrottlePolicy policy(Scope scope) {
    return scope == Scope.ADDRESS ? perAddress : perName;
  }

  private Optional<Instant> fail(EntityManager em, Scope scope, String username, String address,
      String workstation, Instant now, String actorRoles, String source) {
    ThrottlePolicy policy = policy(scope);
    String key = SignInThrottle.key(scope, username, address);
    SignInThrottle t = em.find(SignInThrottle.class, key, LockModeType.PESSIMISTIC_WRITE);
    if (t == null) {
      // removed by a success or an administrator since prepareFailure: this failure starts it again
      t = SignInThrottle.empty(scope, username, address, workstation, now);
      em.persist(t);
    }
    boolean wasBlocking = t.blockedAt(now).isPresent();
    Optional<Instant> until = t.fail(policy, workstation, now);
    if (until.isPresent() && !wasBlocking) {
      audit.recordWithin(em, new AuditEvent(LoginAttempts.actor(username), actorRoles, AuditAction.SIGN_IN_THROTTLED,
          AuditEvent.NO_PATIENT, key + " after " + t.failures() + " failures, until " + until.get()
          + (policy.capped(t.failures()) ? " (daily cap)" : ""), source, AuditOutcome.FAILURE));
    }
    return until;
  }

  private void ensure(SignInThrottle fresh) {
    try {
      db.runInTransaction(em -> {
        if (em.find(SignInThrottle.class, fresh.key()) == null) {
          em.persist(fresh);
          em.flush();
        }
      });
    } catch (PersistenceException raced) {
      // another attempt inserted it between our look and our insert: it exists, which is all we need
      if (db.read(em -> em.find(SignInThrottle.class, fresh.key())) == null) {
        throw raced;
      }
    }
  }

  private static Optional<SignInThrottle> find(EntityManager em, String key) {
    return Optional.ofNullable(em.find(SignInThrottle.class, key));
  }

  private static Optional<Instant> later(Optional<Instant> a, Optional<Instant> b) {
    if (a.isEmpty()) {
      return b;
    }
    if (b.isEmpty()) {
      return a;
    }
    return Optional.of(a.get().isAfter(b.get()) ? a.get() : b.get());
  }
}
