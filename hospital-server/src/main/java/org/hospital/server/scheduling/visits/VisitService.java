package org.hospital.server.scheduling.visits;

import java.sql.SQLException;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hospital.server.audit.AuditAction;
import org.hospital.server.billing.ChargeCapture;
import org.hospital.server.audit.AuditEvent;
import org.hospital.server.audit.AuditOutcome;
import org.hospital.server.errors.DomainException;
import org.hospital.server.idempotency.IdempotencyKeys;
import org.hospital.server.security.CurrentUser;
import org.hospital.server.security.Role;
import org.hospital.server.scheduling.appointments.AppointmentReads;
import org.hospital.server.scheduling.appointments.AppointmentRow;
import org.hospital.server.scheduling.appointments.AppointmentStatus;
import org.hospital.server.scheduling.appointments.AppointmentStore;
import org.hospital.server.scheduling.appointments.Directory;
import org.hospital.server.scheduling.appointments.NewAppointment;
import org.hospital.server.scheduling.appointments.SeriesPlace;
import org.hospital.server.scheduling.appointments.Transitions;
import org.hospital.server.scheduling.booking.BookingService;
import org.hospital.server.scheduling.feed.ScheduleEventType;
import org.hospital.server.scheduling.writes.IdempotentWrites;
import org.hospital.server.scheduling.writes.ScheduleWriter;
import org.hospital.server.scheduling.writes.Tx;

/** The day of an appointment: check-in (or walk-in), the consultation queue, completion, no-show, cancel. */
public final class VisitService {

  /** How long a walk-in's visit is expected to take; it holds no slot, so this only draws it in day views. */
  static final Duration WALK_IN_LENGTH = Duration.ofMinutes(15);
  /** Who may make each move of UpdateAppointmentStatus; any other target is an invalid transition. */
  private static final Map<AppointmentStatus, Set<Role>> UPDATABLE_BY = Map.of(
      AppointmentStatus.NO_SHOW, EnumSet.of(Role.RECEPTION, Role.ADMIN),
      AppointmentStatus.IN_CONSULTATION, EnumSet.of(Role.DOCTOR, Role.NURSE),
      AppointmentStatus.COMPLETED, EnumSet.of(Role.DOCTOR, Role.NURSE));
  private static final int QUEUE_PEEK = 5;

  private final ScheduleWriter writer;
  private final IdempotentWrites writes;
  private final CheckInWindow window;
  private final ChargeCapture charges;

  public VisitService(ScheduleWriter writer, IdempotentWrites writes, CheckInWindow window, ChargeCapture charges) {
    this.writer = writer;
    this.writes = writes;
    this.window = window;
    this.charges = charges;
  }

  public AppointmentRow checkIn(String key, long appointmentId, CurrentUser user) {
    String fingerprint = IdempotencyKeys.fingerprint("check-in", appointmentId);
    return writes.run(key, "CHECK_IN", fingerprint, user, (tx, claim) -> {
      claim.claim(appointmentId);
      AppointmentRow a = AppointmentStore.lock(tx.connection(), appointmentId).orElseThrow(DomainException::notFound);
      if (a.status() != AppointmentStatus.BOOKED) {
        throw DomainException.invalidTransition(a.status().name());
      }
      // by the server's clock, not the workstation's: a desk with a wrong clock cannot open the window
      window.require(a.start(), tx.now());
      return move(tx, a, AppointmentStatus.CHECKED_IN, ScheduleEventType.PATIENT_CHECKED_IN,
          AuditAction.APPOINTMENT_CHECKED_IN, user);
    });
  }

  public AppointmentRow walkIn(String key, WalkInCommand cmd, CurrentUser user) {
    String fingerprint = IdempotencyKeys.fingerprint("walk-in", cmd);
    return writes.run(key, "CHECK_IN", fingerprint, user, (tx, claim) -> {
      long id = AppointmentStore.nextId(tx.connection());
      claim.claim(id);
      Directory.Clinician clinician = Directory.requireParties(tx.connection(), cmd.clinicianId(), "walk_in.clinician_id",
          cmd.patientId(), "walk_in.patient_id");
      AppointmentStore.insert(tx.connection(), new NewAppointment(id, clinician.id(), clinician.departmentId(),
          cmd.patientId(), tx.now(), tx.now().plus(WALK_IN_LENGTH), AppointmentStatus.CHECKED_IN, cmd.visitType(),
          cmd.reason(), true, 0, null, 0, SeriesPlace.NONE), tx.now(), user.displayName());
      AppointmentRow row = AppointmentReads.find(tx.connection(), id).orElseThrow();
      tx.changed(ScheduleEventType.PATIENT_CHECKED_IN, row);
      tx.audit(AuditEvent.by(user, AuditAction.APPOINTMENT_CHECKED_IN, row.patientId(),
          "walk-in " + BookingService.detail(row), AuditOutcome.SUCCESS));
      return row;
    });
  }

  public AppointmentRow cancel(long appointmentId, long expectedVersion, String reason, CurrentUser user) {
    return writer.write(tx -> {
      AppointmentRow a = Transitions.lockCurrent(tx.connection(), appointmentId, expectedVersion);
      if (!a.status().cancellable()) {
        throw DomainException.invalidTransition(a.status().name());
      }
      return cancelLocked(tx, a, reason, user);
    });
  }

  /** Cancels an appointment the caller has locked and checked; one event and one audit entry. */
  public static AppointmentRow cancelLocked(Tx tx, AppointmentRow a, String reason, CurrentUser user)
      throws SQLException {
    AppointmentStore.cancel(tx.connection(), a.id(), reason, tx.now(), user.displayName());
    AppointmentRow row = AppointmentReads.find(tx.connection(), a.id()).orElseThrow();
    tx.changed(ScheduleEventType.APPOINTMENT_CANCELLED, row);
    tx.audit(AuditEvent.by(user, AuditAction.APPOINTMENT_CANCELLED, row.patientId(),
        BookingService.detail(row), AuditOutcome.SUCCESS));
    return row;
  }

  /**
   * BOOKED to NO_SHOW (front desk), CHECKED_IN to IN_CONSULTATION and IN_CONSULTATION to COMPLETED (doctors
   * and nurses). Anything else is INVALID_TRANSITION.
   */
  public AppointmentRow updateStatus(long appointmentId, long expectedVersion, AppointmentStatus next,
      CurrentUser user) {
    if (UPDATABLE_BY.containsKey(next) && user.roles().stream().noneMatch(UPDATABLE_BY.get(next)::contains)) {
      throw DomainException.permissionDenied();
    }
    return writer.write(tx -> {
      AppointmentRow a = Transitions.lockCurrent(tx.connection(), appointmentId, expectedVersion);
      if (!a.status().canBeUpdatedTo(next)) {
        throw DomainException.invalidTransition(a.status().name());
      }
      AppointmentRow moved = move(tx, a, next, ScheduleEventType.APPOINTMENT_STATUS_CHANGED,
          AuditAction.APPOINTMENT_STATUS_CHANGED, user);
      if (next == AppointmentStatus.COMPLETED) {
        // the consultation's charge commits with its completion, or neither does
        charges.consultationCompleted(tx.connection(), tx::audit, user, tx.now(), moved.id(), moved.patientId(),
            moved.visitType().name());
      }
      return moved;
    });
  }

  /**
   * The longest-waiting checked-in patient of the clinician goes in. Candidates are locked one by one and
   * re-read: a patient another caller took meanwhile is no longer CHECKED_IN and is skipped, so two calls
   * never take the same patient.
   */
  public AppointmentRow callNext(long clinicianId, String coveringReason, CurrentUser user) {
    return writer.write(tx -> {
      Directory.requireClinician(tx.connection(), clinicianId, "clinician_id");
      while (true) {
        var queue = AppointmentReads.queue(tx.connection(), clinicianId, QUEUE_PEEK);
        if (queue.isEmpty()) {
          throw DomainException.notFound();
        }
        for (long id : queue) {
          Optional<AppointmentRow> a = AppointmentStore.lock(tx.connection(), id);
          if (a.isPresent() && a.get().status() == AppointmentStatus.CHECKED_IN) {
            AppointmentRow called = move(tx, a.get(), AppointmentStatus.IN_CONSULTATION,
                ScheduleEventType.APPOINTMENT_STATUS_CHANGED, AuditAction.APPOINTMENT_STATUS_CHANGED, user);
            if (coveringReason != null) {
              tx.audit(AuditEvent.by(user, AuditAction.QUEUE_COVERED, called.patientId(), "appointment="
                  + called.id() + " clinician=" + clinicianId + " reason=" + coveringReason, AuditOutcome.SUCCESS));
            }
            return called;
          }
        }
      }
    });
  }

  private static AppointmentRow move(Tx tx, AppointmentRow a, AppointmentStatus next, ScheduleEventType type,
      AuditAction action, CurrentUser user) throws SQLException {
    AppointmentStore.changeStatus(tx.connection(), a.id(), next, tx.now(), user.displayName());
    AppointmentRow row = AppointmentReads.find(tx.connection(), a.id()).orElseThrow();
    tx.changed(type, row);
    tx.audit(AuditEvent.by(user, action, row.patientId(), BookingService.detail(row) + " from=" + a.status(),
        AuditOutcome.SUCCESS));
    return row;
  }
}
