package org.hospital.server.security;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * How one kind of throttle answers failures within a day: the first {@code free} cost nothing, each further
 * one delays the next check by twice as long as the one before (1 s, 2 s, 4 s ... up to {@code maxDelay}),
 * and at {@code dailyCap} no attempt is checked until the day's window ends. Growing delays slow a guesser to
 * a few attempts an hour while a user who mistypes three times waits a second (NIST SP 800-63B 5.2.2).
 */
record ThrottlePolicy(int free, int dailyCap, Duration maxDelay) {

  static final Duration WINDOW = Duration.ofDays(1);

  ThrottlePolicy {
    if (free < 1 || dailyCap <= free || maxDelay.isNegative() || maxDelay.isZero()) {
      throw new IllegalArgumentException("throttle needs 1 <= free < daily cap and a positive delay");
    }
  }

  /** Until when attempts are refused unchecked after the {@code failures}-th failure of the window. */
  Optional<Instant> blockedUntil(int failures, Instant windowStart, Instant lastFailure) {
    if (failures >= dailyCap) {
      return Optional.of(windowStart.plus(WINDOW));
    }
    if (failures < free) {
      return Optional.empty();
    }
    int doublings = Math.min(failures - free, 30);
    Duration delay = Duration.ofSeconds(1L << doublings);
    return Optional.of(lastFailure.plus(delay.compareTo(maxDelay) > 0 ? maxDelay : delay));
  }

  boolean capped(int failures) {
    return failures >= dailyCap;
  }
}
