package org.hospital.client.live;

import java.time.Duration;

/**
 * Waiting times between reconnection attempts: short at first (a server restart takes seconds), doubling up to
 * a ceiling so that a hundred workstations do not hammer a server that is down.
 */
public final class Backoff {

  private final Duration initial;
  private final Duration max;
  private Duration next;

  public Backoff(Duration initial, Duration max) {
    this.initial = initial;
    this.max = max;
    this.next = initial;
  }

  public static Backoff standard() {
    return new Backoff(Duration.ofMillis(500), Duration.ofSeconds(5));
  }

  public Duration next() {
    Duration now = next;
    Duration doubled = next.multipliedBy(2);
    next = doubled.compareTo(max) > 0 ? max : doubled;
    return now;
  }

  public void reset() {
    next = initial;
  }
}
