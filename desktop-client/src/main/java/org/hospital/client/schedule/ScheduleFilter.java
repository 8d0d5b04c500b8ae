package org.hospital.client.schedule;

import java.time.LocalDate;
import java.util.List;
import org.hospital.proto.scheduling.v1.SubscribeScheduleRequest;

/** Which appointments a live schedule follows: of these departments or clinicians, on these days. */
public record ScheduleFilter(List<Long> departmentIds, List<Long> clinicianIds, LocalDate from, LocalDate to) {

  public ScheduleFilter {
    departmentIds = List.copyOf(departmentIds);
    clinicianIds = List.copyOf(clinicianIds);
  }

  public static ScheduleFilter department(long departmentId, LocalDate day) {
    return new ScheduleFilter(List.of(departmentId), List.of(), day, day);
  }

  public static ScheduleFilter clinician(long clinicianId, LocalDate from, LocalDate to) {
    return new ScheduleFilter(List.of(), List.of(clinicianId), from, to);
  }

  SubscribeScheduleRequest toRequest(long afterSequence) {
    return SubscribeScheduleRequest.newBuilder().addAllDepartmentIds(departmentIds).addAllClinicianIds(clinicianIds)
        .setFrom(GrpcScheduleGateway.date(from)).setTo(GrpcScheduleGateway.date(to))
        .setAfterSequence(afterSequence).build();
  }
}
