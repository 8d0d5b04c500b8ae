package org.hospital.server.scheduling.hours;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * Turns a clinician's weekly templates and exceptions into the slots of some days, in the hospital's zone.
 * Pure: no database, so the rules can be read (and tested) on their own.
 */
final class SlotCalculator {

  private final ZoneId zone;

  SlotCalculator(ZoneId zone) {
    this.zone = zone;
  }

  /** Slots starting on the days {@code from}..{@code to} (inclusive), earliest first, without duplicates. */
  List<Slot> slots(long clinicianId, List<WeeklyTemplate> templates, List<ScheduleException> exceptions,
      LocalDate from, LocalDate to) {
    TreeMap<Instant, Slot> byStart = new TreeMap<>();
    for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
      for (WeeklyTemplate t : templates) {
        if (t.appliesOn(d)) {
          Instant sessionStart = at(d, t.start());
          Instant sessionEnd = at(d, t.end());
          cut(byStart, clinicianId, sessionStart, sessionEnd, t.slotMinutes(), t.maxAppointments());
        }
      }
    }
    Instant windowStart = at(from, LocalTime.MIN);
    Instant windowEnd = at(to.plusDays(1), LocalTime.MIN);
    for (ScheduleException e : exceptions) {
      if (e.kind() == ScheduleException.Kind.EXTRA_SESSION && e.overlaps(windowStart, windowEnd)) {
        cut(byStart, clinicianId, e.start(), e.end(), e.slotMinutes(), 0);
      }
    }
    byStart.headMap(windowStart).clear();
    byStart.tailMap(windowEnd).clear();
    List<Slot> out = new ArrayList<>();
    for (Slot s : byStart.values()) {
      boolean removed = exceptions.stream().anyMatch(e -> e.kind() != ScheduleException.Kind.EXTRA_SESSION
          && e.overlaps(s.start(), s.end()));
      if (!removed) {
        out.add(s);
      }
    }
    return out;
  }

  private static void cut(TreeMap<Instant, Slot> into, long clinicianId, Instant sessionStart, Instant sessionEnd,
      int minutes, int cap) {
    Duration length = Duration.ofMinutes(minutes);
    for (Instant s = sessionStart; !s.plus(length).isAfter(sessionEnd); s = s.plus(length)) {
      into.putIfAbsent(s, new Slot(clinicianId, s, s.plus(length), sessionStart, sessionEnd, cap));
    }
  }

  private Instant at(LocalDate date, LocalTime time) {
    // A time that does not exist (clocks going forward) moves to the first one after the gap.
    return date.atTime(time).atZone(zone).toInstant();
  }

  LocalDate dateOf(Instant instant) {
    return instant.atZone(zone).toLocalDate();
  }

  ZoneId zone() {
    return zone;
  }
}
