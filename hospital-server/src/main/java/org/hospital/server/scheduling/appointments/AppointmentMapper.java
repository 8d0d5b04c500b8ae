package org.hospital.server.scheduling.appointments;

import static org.hospital.server.errors.ProtoDates.timestamp;

import org.hospital.proto.scheduling.v1.Appointment;

/** Appointments and their enums between the domain and the wire. */
public final class AppointmentMapper {

  private AppointmentMapper() {}

  public static Appointment toProto(AppointmentRow a) {
    Appointment.Builder b = Appointment.newBuilder()
        .setId(a.id())
        .setClinicianId(a.clinicianId())
        .setDepartmentId(a.departmentId())
        .setPatientId(a.patientId())
        .setPatientName(a.patientName())
        .setPatientMrn(a.patientMrn())
        .setStart(timestamp(a.start()))
        .setEnd(timestamp(a.end()))
        .setStatus(org.hospital.proto.scheduling.v1.AppointmentStatus.valueOf(a.status().name()))
        .setVisitType(org.hospital.proto.scheduling.v1.VisitType.valueOf(a.visitType().name()))
        .setWalkIn(a.walkIn())
        .setOverbooked(a.overbooked())
        .setRescheduledFromId(a.rescheduledFromId())
        .setRescheduledToId(a.rescheduledToId())
        .setVersion(a.version())
        .setSeriesId(a.series().seriesId())
        .setSeriesPosition(a.series().position())
        .setSeriesCount(a.series().count())
        .setClinicianUnavailable(a.clinicianUnavailable());
    if (a.reason() != null) {
      b.setReason(a.reason());
    }
    if (a.overbookReason() != null) {
      b.setOverbookReason(a.overbookReason());
    }
    if (a.checkedInAt() != null) {
      b.setCheckedInAt(timestamp(a.checkedInAt()));
    }
    if (a.consultationStartedAt() != null) {
      b.setConsultationStartedAt(timestamp(a.consultationStartedAt()));
    }
    if (a.completedAt() != null) {
      b.setCompletedAt(timestamp(a.completedAt()));
    }
    if (a.cancelReason() != null) {
      b.setCancelReason(a.cancelReason());
    }
    if (a.cancelledBy() != null) {
      b.setCancelledBy(a.cancelledBy());
    }
    return b.build();
  }

  /** The domain visit type of a wire value, or null for UNSPECIFIED and values this server does not know. */
  public static VisitType visitType(int wireValue) {
    var v = org.hospital.proto.scheduling.v1.VisitType.forNumber(wireValue);
    if (v == null || v == org.hospital.proto.scheduling.v1.VisitType.VISIT_TYPE_UNSPECIFIED) {
      return null;
    }
    return VisitType.valueOf(v.name());
  }

  /** The domain status of a wire value, or null for UNSPECIFIED and unknown values. */
  public static AppointmentStatus status(int wireValue) {
    var s = org.hospital.proto.scheduling.v1.AppointmentStatus.forNumber(wireValue);
    if (s == null || s == org.hospital.proto.scheduling.v1.AppointmentStatus.APPOINTMENT_STATUS_UNSPECIFIED) {
      return null;
    }
    return AppointmentStatus.valueOf(s.name());
  }
}
