package org.hospital.server.scheduling.visits;

import org.hospital.proto.common.v1.FieldViolationCode;
import org.hospital.proto.scheduling.v1.CallNextPatientRequest;
import org.hospital.proto.scheduling.v1.CallNextPatientResponse;
import org.hospital.proto.scheduling.v1.CheckInRequest;
import org.hospital.proto.scheduling.v1.CheckInResponse;
import org.hospital.proto.scheduling.v1.UpdateAppointmentStatusRequest;
import org.hospital.proto.scheduling.v1.UpdateAppointmentStatusResponse;
import org.hospital.server.errors.DomainException;
import org.hospital.server.errors.Violations;
import org.hospital.server.security.CurrentUser;
import org.hospital.server.security.Privilege;
import org.hospital.server.security.Role;
import org.hospital.server.scheduling.SchedulingCommands;
import org.hospital.server.scheduling.SchedulingRequestValidator;
import org.hospital.server.scheduling.appointments.AppointmentMapper;
import org.hospital.server.scheduling.appointments.AppointmentRow;
import org.hospital.server.scheduling.appointments.AppointmentStatus;

/** The RPCs of a visit's day: check-in (booked or walk-in), status changes, calling the next patient. */
public final class VisitRpcs {

  private final VisitService visits;

  public VisitRpcs(VisitService visits) {
    this.visits = visits;
  }

  public CheckInResponse checkIn(CheckInRequest r) {
    Violations v = new Violations();
    String key = SchedulingRequestValidator.idempotencyKey(v, "idempotency_key", r.getIdempotencyKey());
    AppointmentRow a;
    switch (r.getTargetCase()) {
      case APPOINTMENT_ID -> {
        long id = SchedulingRequestValidator.id(v, "appointment_id", r.getAppointmentId());
        v.throwIfAny();
        a = visits.checkIn(key, id, CurrentUser.get());
      }
      case WALK_IN -> {
        WalkInCommand cmd = SchedulingCommands.walkIn(v, r.getWalkIn());
        v.throwIfAny();
        a = visits.walkIn(key, cmd, CurrentUser.get());
      }
      default -> {
        // Neither target set: a violation is now certain, so this always throws.
        v.add("appointment_id", FieldViolationCode.REQUIRED).throwIfAny();
        throw new IllegalStateException("unreachable");
      }
    }
    return CheckInResponse.newBuilder().setAppointment(AppointmentMapper.toProto(a)).build();
  }

  public UpdateAppointmentStatusResponse updateStatus(UpdateAppointmentStatusRequest r) {
    Violations v = new Violations();
    long id = SchedulingRequestValidator.id(v, "appointment_id", r.getAppointmentId());
    long version = SchedulingRequestValidator.id(v, "expected_version", r.getExpectedVersion());
    AppointmentStatus status = SchedulingRequestValidator.status(v, "status", r.getStatusValue());
    v.throwIfAny();
    AppointmentRow a = visits.updateStatus(id, version, status, CurrentUser.get());
    return UpdateAppointmentStatusResponse.newBuilder().setAppointment(AppointmentMapper.toProto(a)).build();
  }

  public CallNextPatientResponse callNext(CallNextPatientRequest r) {
    if (r.getClinicianId() < 0) {
      new Violations().add("clinician_id", FieldViolationCode.OUT_OF_RANGE).throwIfAny();
    }
    CurrentUser user = CurrentUser.get();
    // No clinician named: the caller is calling their own next patient.
    long clinicianId = r.getClinicianId() == 0 ? user.staffId() : r.getClinicianId();
    String coveringReason = coveringReason(r, clinicianId, user);
    AppointmentRow a = visits.callNext(clinicianId, coveringReason, user);
    return CallNextPatientResponse.newBuilder().setAppointment(AppointmentMapper.toProto(a)).build();
  }

  /**
   * Null when the caller may take from this queue as a matter of course: their own, or any queue for a nurse
   * (nurses run the clinic's queues for the clinicians). A doctor taking from a colleague's queue is covering
   * for them, which needs the privilege, the flag and a reason, so that it is never done by a slip of the
   * mouse and the audit says why.
   */
  private static String coveringReason(CallNextPatientRequest r, long clinicianId, CurrentUser user) {
    if (clinicianId == user.staffId() || user.has(Role.NURSE)) {
      return null;
    }
    if (!user.holds(Privilege.COVER_CLINICIAN_QUEUE)) {
      throw DomainException.permissionDenied();
    }
    if (!r.getCovering()) {
      throw DomainException.permissionDenied("covering");
    }
    Violations v = new Violations();
    String reason = SchedulingRequestValidator.requiredText(v, "covering_reason", r.getCoveringReason(),
        SchedulingRequestValidator.REASON_MAX);
    v.throwIfAny();
    return reason;
  }
}
