package org.hospital.server.scheduling.hours;

import java.time.Instant;

/** A departure from the regular week: leave or blocked time removes slots, an extra session adds them. */
public record ScheduleException(long clinicianId, Kind kind, Instant start, Instant end, int slotMinutes) {

  public enum Kind { LEAVE, BLOCKED, EXTRA_SESSION }

  boolean overlaps(Instant from, Instant to) {
    return start.isBefore(to) && from.isBefore(end);
  }
}
