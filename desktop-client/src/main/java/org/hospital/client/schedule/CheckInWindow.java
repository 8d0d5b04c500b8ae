package org.hospital.client.schedule;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

/**
 * The server's check-in rule, so that the desk can disable Check in before the server would refuse it: the
 * appointment's own hospital day, from {@code opensBefore} its start (not before the day begins) to the day's
 * end. The server decides by its own clock; this guess uses the workstation's, so near the edges the server's
 * answer (the same words) is what counts.
 */
public record CheckInWindow(Duration opensBefore, ZoneId zone) {

  /** Why check-in is not possible now: {@code closed} when the day is over (a no-show), else not yet open. */
  public record Refusal(Instant start, Instant opensAt, boolean closed) {}

  public Instant opensAt(Instant start) {
    Instant dayStart = start.atZone(zone).toLocalDate().atStartOfDay(zone).toInstant();
    Instant early = start.minus(opensBefore);
    return early.isAfter(dayStart) ? early : dayStart;
  }

  public Optional<Refusal> refusal(Instant start, Instant now) {
    Instant opens = opensAt(start);
    Instant closes = start.atZone(zone).toLocalDate().plusDays(1).atStartOfDay(zone).toInstant();
    if (now.isBefore(opens)) {
      return Optional.of(new Refusal(start, opens, false));
    }
    if (!now.isBefore(closes)) {
      return Optional.of(new Refusal(start, opens, true));
    }
    return Optional.empty();
  }
}
