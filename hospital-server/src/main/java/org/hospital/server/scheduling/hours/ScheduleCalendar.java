package org.hospital.server.scheduling.hours;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hospital.server.scheduling.appointments.AppointmentReads;

/** A clinician's slots, from the stored templates and exceptions, and which of them are free. */
public final class ScheduleCalendar {

  private final SlotCalculator calculator;

  public ScheduleCalendar(ZoneId zone) {
    this.calculator = new SlotCalculator(zone);
  }

  public ZoneId zone() {
    return calculator.zone();
  }

  public LocalDate dateOf(Instant instant) {
    return calculator.dateOf(instant);
  }

  Instant startOfDay(LocalDate date) {
    return date.atStartOfDay(zone()).toInstant();
  }

  List<Slot> slots(Connection c, long clinicianId, LocalDate from, LocalDate to) throws SQLException {
    List<ScheduleException> exceptions = TemplateStore.exceptions(c, clinicianId, startOfDay(from.minusDays(1)),
        startOfDay(to.plusDays(2))).stream().map(TemplateStore.StoredException::exception).toList();
    return calculator.slots(clinicianId, TemplateStore.templates(c, clinicianId), exceptions, from, to);
  }

  /** The clinician's slot starting exactly at {@code start}, if there is one. */
  public Optional<Slot> slotAt(Connection c, long clinicianId, Instant start) throws SQLException {
    LocalDate day = dateOf(start);
    return slots(c, clinicianId, day, day).stream().filter(s -> s.start().equals(start)).findFirst();
  }

  /** Every slot of the clinician on those days, with whether it is free. */
  public List<FreeSlot> withAvailability(Connection c, long clinicianId, LocalDate from, LocalDate to)
      throws SQLException {
    List<Slot> slots = slots(c, clinicianId, from, to);
    if (slots.isEmpty()) {
      return List.of();
    }
    Collection<Instant> held = new HashSet<>(AppointmentReads.heldSlots(c, clinicianId, slots.get(0).sessionStart(),
        slots.get(slots.size() - 1).end()));
    Map<Instant, Integer> heldPerSession = new HashMap<>();
    for (Slot s : slots) {
      if (held.contains(s.start())) {
        heldPerSession.merge(s.sessionStart(), 1, Integer::sum);
      }
    }
    List<FreeSlot> out = new ArrayList<>(slots.size());
    for (Slot s : slots) {
      boolean sessionFull = s.sessionCap() > 0 && heldPerSession.getOrDefault(s.sessionStart(), 0) >= s.sessionCap();
      out.add(new FreeSlot(s, !held.contains(s.start()) && !sessionFull));
    }
    return out;
  }

  /** The earliest free slots of these clinicians after {@code notBefore}, on the days given, at most {@code max}. */
  public List<Slot> freeSlots(Connection c, List<Long> clinicianIds, LocalDate from, LocalDate to, Instant notBefore,
      int max) throws SQLException {
    List<Slot> free = new ArrayList<>();
    for (long id : clinicianIds) {
      for (FreeSlot f : withAvailability(c, id, from, to)) {
        if (f.free() && !f.slot().start().isBefore(notBefore)) {
          free.add(f.slot());
        }
      }
    }
    free.sort(Comparator.comparing(Slot::start).thenComparingLong(Slot::clinicianId));
    return free.size() > max ? List.copyOf(free.subList(0, max)) : free;
  }
}
