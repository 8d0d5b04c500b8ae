package org.hospital.server.scheduling;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.hospital.server.scheduling.appointments.AppointmentStatus;
import org.hospital.server.scheduling.appointments.AppointmentStore;
import org.hospital.server.scheduling.appointments.NewAppointment;
import org.hospital.server.scheduling.appointments.SeriesPlace;
import org.hospital.server.scheduling.appointments.VisitType;
import org.hospital.server.scheduling.hours.TemplateStore;
import org.hospital.server.scheduling.hours.WeeklyTemplate;
import org.hospital.server.scheduling.waitlist.WaitListStore;

/**
 * Writes a starting schedule through scheduling's own stores, so that seeded rows are exactly what the
 * services would write: weekly hours, appointments moved through their states at given times, wait-list
 * entries. For demo data; it records no events and no audit entries (nobody did these things), and runs in
 * the caller's transaction on {@code c}.
 */
public final class SchedulingSeed {

  private final Connection c;
  private final String by;

  public SchedulingSeed(Connection c, String by) {
    this.c = c;
    this.by = by;
  }

  /** The clinician's regular week from {@code validFrom} on. */
  public void weeklyHours(long clinicianId, List<WeeklyTemplate> sessions, LocalDate validFrom)
      throws SQLException {
    TemplateStore.replaceFrom(c, clinicianId, validFrom, sessions);
  }

  /** A booked appointment holding its slot, made at {@code bookedAt}; returns its id. */
  public long booked(long clinicianId, long departmentId, long patientId, Instant start, Instant end,
      VisitType visitType, String reason, Instant bookedAt) throws SQLException {
    long id = AppointmentStore.nextId(c);
    AppointmentStore.insert(c, new NewAppointment(id, clinicianId, departmentId, patientId, start, end,
        AppointmentStatus.BOOKED, visitType, reason, false, 0, null, 0, SeriesPlace.NONE), bookedAt, by);
    return id;
  }

  /** Moves an appointment to {@code status} at {@code at} (which stamps check-in, consultation, completion). */
  public void moved(long appointmentId, AppointmentStatus status, Instant at) throws SQLException {
    AppointmentStore.changeStatus(c, appointmentId, status, at, by);
  }

  /** An open wait-list entry, for a clinician or (clinicianId 0) anyone in the department; returns its id. */
  public long waiting(long patientId, long clinicianId, long departmentId, LocalDate earliest, LocalDate latest,
      VisitType visitType, String reason, Instant addedAt) throws SQLException {
    return WaitListStore.insert(c, patientId, clinicianId, departmentId, earliest, latest, visitType, reason, by,
        addedAt);
  }
}
