package org.hospital.server.scheduling.hours;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.hospital.server.scheduling.appointments.AppointmentReads;
import org.hospital.server.scheduling.appointments.AppointmentRow;
import org.hospital.server.scheduling.appointments.AppointmentStore;
import org.hospital.server.scheduling.feed.ScheduleEventType;
import org.hospital.server.scheduling.writes.Tx;

/**
 * Booked appointments, from today on, whose start is not a slot of their clinician's schedule any more (after
 * leave, blocked time or changed hours). Schedule edits never move or cancel them; they mark them
 * ({@code clinician_unavailable}, with a CLINICIAN_UNAVAILABLE event) so every desk sees which patients to
 * rebook, and clear the mark when the schedule covers them again.
 */
final class OffScheduleBookings {

  private final ScheduleCalendar calendar;
  private final Clock clock;

  OffScheduleBookings(ScheduleCalendar calendar, Clock clock) {
    this.calendar = calendar;
    this.clock = clock;
  }

  /** The clinician's booked appointments from today on that are off the schedule, earliest first. */
  List<AppointmentRow> list(Connection c, long clinicianId) throws SQLException {
    List<AppointmentRow> off = new ArrayList<>();
    Map<LocalDate, Set<Instant>> slotsByDay = new HashMap<>();
    for (AppointmentRow a : bookedFromToday(c, clinicianId)) {
      if (isOff(c, clinicianId, a, slotsByDay)) {
        off.add(a);
      }
    }
    return off;
  }

  /**
   * Brings every mark of the clinician's booked appointments in line with the schedule as it now is; call
   * inside a schedule edit's transaction, after the change and under the clinician's lock. Each change of mark
   * is a schedule event of that transaction.
   */
  void mark(Tx tx, long clinicianId, String by) throws SQLException {
    Map<LocalDate, Set<Instant>> slotsByDay = new HashMap<>();
    for (AppointmentRow a : bookedFromToday(tx.connection(), clinicianId)) {
      boolean off = isOff(tx.connection(), clinicianId, a, slotsByDay);
      if (off != a.clinicianUnavailable()) {
        AppointmentStore.markClinicianUnavailable(tx.connection(), a.id(), off, tx.now(), by);
        tx.changed(off ? ScheduleEventType.CLINICIAN_UNAVAILABLE : ScheduleEventType.CLINICIAN_AVAILABLE_AGAIN,
            AppointmentReads.find(tx.connection(), a.id()).orElseThrow());
      }
    }
  }

  private List<AppointmentRow> bookedFromToday(Connection c, long clinicianId) throws SQLException {
    LocalDate today = calendar.dateOf(clock.instant());
    return AppointmentReads.bookedFrom(c, clinicianId, calendar.startOfDay(today));
  }

  private boolean isOff(Connection c, long clinicianId, AppointmentRow a, Map<LocalDate, Set<Instant>> slotsByDay)
      throws SQLException {
    LocalDate day = calendar.dateOf(a.start());
    Set<Instant> starts = slotsByDay.get(day);
    if (starts == null) {
      starts = calendar.slots(c, clinicianId, day, day).stream().map(Slot::start).collect(Collectors.toSet());
      slotsByDay.put(day, starts);
    }
    return !starts.contains(a.start());
  }
}
