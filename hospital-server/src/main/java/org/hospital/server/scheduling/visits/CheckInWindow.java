package org.hospital.server.scheduling.visits;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.hospital.server.errors.DomainException;

/**
 * When a booked appointment may be checked in: on its own hospital day, from {@code opensBefore} its start
 * (but not before the day begins) until the day ends. Earlier, the patient has come on the wrong day or far too
 * early; later, the patient did not come that day and is a no-show, which the desk records as such.
 */
public record CheckInWindow(ZoneId zone, Duration opensBefore) {

  public static final String NOT_YET = "NOT_YET";
  public static final String CLOSED = "CLOSED";

  public Instant opensAt(Instant start) {
    Instant dayStart = start.atZone(zone).toLocalDate().atStartOfDay(zone).toInstant();
    Instant early = start.minus(opensBefore);
    return early.isAfter(dayStart) ? early : dayStart;
  }

  public Instant closesAt(Instant start) {
    LocalDate day = start.atZone(zone).toLocalDate();
    return day.plusDays(1).atStartOfDay(zone).toInstant();
  }

  /** Throws FAILED_PRECONDITION (OUTSIDE_CHECK_IN_WINDOW) when {@code now} is outside the window of {@code start}. */
  public void require(Instant start, Instant now) {
    Instant opens = opensAt(start);
    if (now.isBefore(opens)) {
      throw DomainException.outsideCheckInWindow(start, opens, NOT_YET);
    }
    if (!now.isBefore(closesAt(start))) {
      throw DomainException.outsideCheckInWindow(start, opens, CLOSED);
    }
  }
}
