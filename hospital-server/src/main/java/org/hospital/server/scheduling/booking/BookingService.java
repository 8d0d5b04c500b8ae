package org.hospital.server.scheduling.booking;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import org.hospital.server.persistence.UniqueViolation;
import org.hospital.server.audit.AuditAction;
import org.hospital.server.audit.AuditEvent;
import org.hospital.server.audit.AuditOutcome;
import org.hospital.server.errors.DomainException;
import org.hospital.server.security.CurrentUser;
import org.hospital.server.security.Privilege;
import org.hospital.server.scheduling.appointments.AppointmentReads;
import org.hospital.server.scheduling.appointments.AppointmentRow;
import org.hospital.server.scheduling.appointments.AppointmentStatus;
import org.hospital.server.scheduling.appointments.AppointmentStore;
import org.hospital.server.scheduling.appointments.Directory;
import org.hospital.server.scheduling.appointments.NewAppointment;
import org.hospital.server.scheduling.appointments.SeriesPlace;
import org.hospital.server.scheduling.appointments.Transitions;
import org.hospital.server.scheduling.feed.ScheduleEventType;
import org.hospital.server.scheduling.hours.ScheduleCalendar;
import org.hospital.server.scheduling.hours.Slot;
import org.hospital.server.scheduling.waitlist.WaitListStore;
import org.hospital.server.scheduling.writes.IdempotentWrites;
import org.hospital.server.scheduling.writes.SlotTaken;
import org.hospital.server.scheduling.writes.Tx;

/**
 * Booking and rescheduling. A slot is held by the database (unique clinician, slot start, overbook number),
 * not by a check-then-insert here: of two concurrent bookings of one slot exactly one commits.
 */
public final class BookingService {

  private final ScheduleCalendar calendar;
  private final IdempotentWrites writes;
  private final Clock clock;

  public BookingService(ScheduleCalendar calendar, IdempotentWrites writes, Clock clock) {
    this.calendar = calendar;
    this.writes = writes;
    this.clock = clock;
  }

  public AppointmentRow book(BookCommand cmd, CurrentUser user) {
    requireOverbookPrivilege(cmd.overbook(), user);
    return writes.run(cmd.idempotencyKey(), "BOOK", cmd.fingerprint(), user, (tx, claim) -> {
      long id = AppointmentStore.nextId(tx.connection());
      claim.claim(id);
      Directory.Clinician clinician = Directory.requireParties(tx.connection(), cmd.clinicianId(), "clinician_id",
          cmd.patientId(), "patient_id");
      Slot slot = bookableSlot(tx, clinician.id(), cmd.start());
      int seq = overbookSeq(tx.connection(), slot, cmd.overbook());
      insertHolding(tx, new NewAppointment(id, clinician.id(), clinician.departmentId(), cmd.patientId(),
          slot.start(), slot.end(), AppointmentStatus.BOOKED, cmd.visitType(), reason(tx.connection(), cmd), false, seq,
          seq > 0 ? cmd.overbookReason() : null, 0, SeriesPlace.NONE), user);
      AppointmentRow row = AppointmentReads.find(tx.connection(), id).orElseThrow();
      tx.changed(ScheduleEventType.APPOINTMENT_BOOKED, row);
      tx.audit(AuditEvent.by(user, seq > 0 ? AuditAction.APPOINTMENT_OVERBOOKED : AuditAction.APPOINTMENT_BOOKED,
          row.patientId(), detail(row) + (seq > 0 ? " overbook=" + seq : ""), AuditOutcome.SUCCESS));
      return row;
    });
  }

  public AppointmentRow reschedule(RescheduleCommand cmd, CurrentUser user) {
    requireOverbookPrivilege(cmd.overbook(), user);
    return writes.run(cmd.idempotencyKey(), "RESCHEDULE", cmd.fingerprint(), user, (tx, claim) -> {
      long id = AppointmentStore.nextId(tx.connection());
      claim.claim(id);
      AppointmentRow old = Transitions.lockCurrent(tx.connection(), cmd.appointmentId(), cmd.expectedVersion());
      if (old.status() != AppointmentStatus.BOOKED) {
        throw DomainException.invalidTransition(old.status().name());
      }
      long clinicianId = cmd.newClinicianId() == 0 ? old.clinicianId() : cmd.newClinicianId();
      Directory.Clinician clinician = Directory.requireParties(tx.connection(), clinicianId, "new_clinician_id",
          old.patientId(), "appointment_id");
      Slot slot = bookableSlot(tx, clinician.id(), cmd.newStart());
      // The old appointment lets go of its slot first, so that moving within a held slot's clinician works.
      AppointmentStore.changeStatus(tx.connection(), old.id(), AppointmentStatus.RESCHEDULED, tx.now(), user.displayName());
      int seq = overbookSeq(tx.connection(), slot, cmd.overbook());
      insertHolding(tx, new NewAppointment(id, clinician.id(), clinician.departmentId(), old.patientId(),
          slot.start(), slot.end(), AppointmentStatus.BOOKED, old.visitType(), old.reason(), false, seq,
          seq > 0 ? cmd.overbookReason() : null, old.id(), old.series()), user);
      AppointmentStore.pointToReplacement(tx.connection(), old.id(), id);
      AppointmentRow moved = AppointmentReads.find(tx.connection(), old.id()).orElseThrow();
      AppointmentRow row = AppointmentReads.find(tx.connection(), id).orElseThrow();
      tx.changed(ScheduleEventType.APPOINTMENT_MOVED, moved);
      tx.changed(ScheduleEventType.APPOINTMENT_MOVED, row);
      tx.audit(AuditEvent.by(user, AuditAction.APPOINTMENT_RESCHEDULED, row.patientId(),
          "from=" + old.id() + " " + detail(row) + (seq > 0 ? " overbook=" + seq : ""), AuditOutcome.SUCCESS));
      return row;
    });
  }

  /**
   * The reason given, else the wait-list entry's: a desk that may not read clinical text books off the list
   * with an empty reason, and the patient's reason must not be lost on the way.
   */
  private static String reason(Connection c, BookCommand cmd) throws SQLException {
    if (cmd.reason() != null || cmd.waitListEntryId() == 0) {
      return cmd.reason();
    }
    return WaitListStore.requireForPatient(c, cmd.waitListEntryId(), cmd.patientId(), "wait_list_entry_id").reason();
  }

  private static void requireOverbookPrivilege(boolean overbook, CurrentUser user) {
    if (overbook && !user.holds(Privilege.OVERBOOK)) {
      throw DomainException.permissionDenied();
    }
  }

  private Slot bookableSlot(Tx tx, long clinicianId, Instant start) throws SQLException {
    if (start.isBefore(clock.instant())) {
      // The request was valid when checked; the slot began while it waited.
      throw DomainException.outsideWorkingHours();
    }
    return calendar.slotAt(tx.connection(), clinicianId, start).orElseThrow(DomainException::outsideWorkingHours);
  }

  /** 0 for a normal booking of a free slot; the next overbook number for an overbook. */
  public static int overbookSeq(Connection c, Slot slot, boolean overbook) throws SQLException {
    int highest = AppointmentReads.highestOverbookSeq(c, slot.clinicianId(), slot.start());
    if (overbook) {
      return highest + 1;
    }
    if (highest >= 0 || sessionFull(c, slot)) {
      throw new SlotTaken(slot.clinicianId(), slot.start());
    }
    return 0;
  }

  /**
   * For sessions with a booking cap: locks the clinician's row, so that concurrent bookings of the same
   * clinician count the session one after the other, and counts its held slots.
   */
  private static boolean sessionFull(Connection c, Slot slot) throws SQLException {
    if (slot.sessionCap() <= 0) {
      return false;
    }
    try (PreparedStatement ps = c.prepareStatement("SELECT staff_id FROM clinician WHERE staff_id = ? FOR UPDATE")) {
      ps.setLong(1, slot.clinicianId());
      ps.executeQuery().close();
    }
    return AppointmentReads.heldSlots(c, slot.clinicianId(), slot.sessionStart(), slot.sessionEnd()).stream()
        .distinct().count() >= slot.sessionCap();
  }

  public static void insertHolding(Tx tx, NewAppointment a, CurrentUser user) throws SQLException {
    try {
      AppointmentStore.insert(tx.connection(), a, tx.now(), user.displayName());
    } catch (SQLException e) {
      if (UniqueViolation.in(e)) {
        throw new SlotTaken(a.clinicianId(), a.start());
      }
      throw e;
    }
  }

  public static String detail(AppointmentRow a) {
    return "appointment=" + a.id() + " clinician=" + a.clinicianId() + " start=" + a.start() + " status="
        + a.status() + (a.series().inSeries() ? " series=" + a.series().seriesId() + " " + a.series().position()
        + "/" + a.series().count() : "");
  }
}
