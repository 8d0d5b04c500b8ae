package org.hospital.server.security;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.hospital.server.persistence.DbTime;

/** The failed sign-ins one throttle has counted in its current one-day window. */
@Entity
@Table(name = "sign_in_throttle")
public class SignInThrottle {

  /** What a throttle counts. */
  public enum Scope { NAME_AT_ADDRESS, ADDRESS }

  @Id
  @Column(name = "throttle_key") private String key;
  @Enumerated(EnumType.STRING)
  @Column(name = "scope", updatable = false) private Scope scope;
  @Column(name = "username", updatable = false) private String username;
  @Column(name = "address", updatable = false) private String address;
  @Column(name = "last_workstation") private String lastWorkstation;
  @Column(name = "failures") private int failures;
  @Column(name = "window_start") private OffsetDateTime windowStart;
  @Column(name = "last_failure_at") private OffsetDateTime lastFailureAt;
  @Column(name = "blocked_until") private OffsetDateTime blockedUntil;

  @Version
  @Column(name = "version")
  private long version;

  protected SignInThrottle() {}

  /** "name:<username>@<address>" or "address:<address>". */
  static String key(Scope scope, String username, String address) {
    return scope == Scope.ADDRESS ? "address:" + address : "name:" + username + "@" + address;
  }

  /** A throttle before its first failure is counted (see {@link #fail}). */
  static SignInThrottle empty(Scope scope, String username, String address, String workstation, Instant now) {
    SignInThrottle t = new SignInThrottle();
    t.scope = scope;
    t.username = scope == Scope.ADDRESS ? null : username;
    t.address = address;
    t.key = key(scope, username, address);
    t.lastWorkstation = workstation;
    t.failures = 0;
    t.windowStart = DbTime.toDb(now);
    t.lastFailureAt = DbTime.toDb(now);
    return t;
  }

  /** Counts one more failure; a window older than a day starts again. Returns the block it now imposes. */
  Optional<Instant> fail(ThrottlePolicy policy, String workstation, Instant now) {
    if (!windowStart.toInstant().plus(ThrottlePolicy.WINDOW).isAfter(now)) {
      failures = 0;
      windowStart = DbTime.toDb(now);
    }
    failures++;
    lastWorkstation = workstation;
    lastFailureAt = DbTime.toDb(now);
    return block(policy);
  }

  /** Sets {@code blocked_until} from the count; returns it. */
  Optional<Instant> block(ThrottlePolicy policy) {
    Optional<Instant> until = policy.blockedUntil(failures, windowStart.toInstant(), lastFailureAt.toInstant());
    blockedUntil = until.map(DbTime::toDb).orElse(null);
    return until;
  }

  /** The instant before which attempts are refused unchecked, if that is later than {@code now}. */
  Optional<Instant> blockedAt(Instant now) {
    return Optional.ofNullable(blockedUntil).map(OffsetDateTime::toInstant).filter(until -> until.isAfter(now));
  }

  public String key() {
    return key;
  }

  public Scope scope() {
    return scope;
  }

  public String username() {
    return username;
  }

  public String address() {
    return address;
  }

  public String lastWorkstation() {
    return lastWorkstation;
  }

  public int failures() {
    return failures;
  }

  public Instant windowStart() {
    return windowStart.toInstant();
  }

  public Instant lastFailureAt() {
    return lastFailureAt.toInstant();
  }

  public Optional<Instant> blockedUntil() {
    return Optional.ofNullable(blockedUntil).map(OffsetDateTime::toInstant);
  }
}
