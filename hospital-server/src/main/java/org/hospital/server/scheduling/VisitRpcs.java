package org.hospital.server.scheduling;

import org.hospital.proto.common.v1.FieldViolationCode;
import org.hospital.proto.scheduling.v1.CallNextPatientRequest;
import org.hospital.proto.scheduling.v1.CallNextPatientResponse;
import org.hospital.proto.scheduling.v1.CheckInRequest;
import org.hospital.proto.scheduling.v1.CheckInResponse;
import org.hospital.proto.scheduling.v1.UpdateAppointmentStatusRequest;
import org.hospital.proto.scheduling.v1.UpdateAppointmentStatusResponse;
import org.hospital.server.errors.Violations;
import org.hospital.server.security.CurrentUser;

/** The RPCs of a visit's day: check-in (booked or walk-in), status changes, calling the next patient. */
final class VisitRpcs {

  private final VisitService visits;

  VisitRpcs(VisitService visits) {
    this.visits = visits;
  }

  CheckInResponse checkIn(CheckInRequest r) {
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

  UpdateAppointmentStatusResponse updateStatus(UpdateAppointmentStatusRequest r) {
    Violations v = new Violations();
    long id = SchedulingRequestValidator.id(v, "appointment_id", r.getAppointmentId());
    long version = SchedulingRequestValidator.id(v, "expected_version", r.getExpectedVersion());
    AppointmentStatus status = SchedulingRequestValidator.status(v, "status", r.getStatusValue());
    v.throwIfAny();
    AppointmentRow a = visits.updateStatus(id, version, status, CurrentUser.get());
    return UpdateAppointmentStatusResponse.newBuilder().setAppointment(AppointmentMapper.toProto(a)).build();
  }

  CallNextPatientResponse callNext(CallNextPatientRequest r) {
    if (r.getClinicianId() < 0) {
      new Violations().add("clinician_id", FieldViolationCode.OUT_OF_RANGE).throwIfAny();
    }
    CurrentUser user = CurrentUser.get();
    // No clinician named: the caller is calling their own next patient.
    long clinicianId = r.getClinicianId() == 0 ? user.staffId() : r.getClinicianId();
    AppointmentRow a = visits.callNext(clinicianId, user);
    return CallNextPatientResponse.newBuilder().setAppointment(AppointmentMapper.toProto(a)).build();
  }
}
