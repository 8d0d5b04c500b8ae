package org.hospital.client.schedule.hours;

import java.time.LocalDate;
import java.util.List;
import org.hospital.client.connection.ServerConnection;
import org.hospital.client.patients.PatientText;
import org.hospital.proto.scheduling.v1.AddScheduleExceptionRequest;
import org.hospital.proto.scheduling.v1.AddScheduleExceptionResponse;
import org.hospital.proto.scheduling.v1.Appointment;
import org.hospital.proto.scheduling.v1.GetClinicianScheduleRequest;
import org.hospital.proto.scheduling.v1.GetClinicianScheduleResponse;
import org.hospital.proto.scheduling.v1.RemoveScheduleExceptionRequest;
import org.hospital.proto.scheduling.v1.SchedulingServiceGrpc;
import org.hospital.proto.scheduling.v1.SetWeeklyTemplateRequest;
import org.hospital.proto.scheduling.v1.TemplateSession;

/** {@link ClinicHoursGateway} over the SchedulingService; the channel adds the session and the deadline. */
public final class GrpcClinicHoursGateway implements ClinicHoursGateway {

  private final ServerConnection connection;

  public GrpcClinicHoursGateway(ServerConnection connection) {
    this.connection = connection;
  }

  @Override
  public GetClinicianScheduleResponse schedule(long clinicianId, LocalDate asOf) {
    return blocking().getClinicianSchedule(GetClinicianScheduleRequest.newBuilder().setClinicianId(clinicianId)
        .setAsOf(PatientText.toProto(asOf)).build());
  }

  @Override
  public List<Appointment> setWeeklyTemplate(long clinicianId, LocalDate effectiveFrom,
      List<TemplateSession> sessions) {
    return blocking().setWeeklyTemplate(SetWeeklyTemplateRequest.newBuilder().setClinicianId(clinicianId)
        .setEffectiveFrom(PatientText.toProto(effectiveFrom)).addAllSessions(sessions).build()).getOffScheduleList();
  }

  @Override
  public AddScheduleExceptionResponse addException(AddScheduleExceptionRequest request) {
    return blocking().addScheduleException(request);
  }

  @Override
  public List<Appointment> removeException(long exceptionId) {
    return blocking().removeScheduleException(RemoveScheduleExceptionRequest.newBuilder().setId(exceptionId)
        .build()).getOffScheduleList();
  }

  private SchedulingServiceGrpc.SchedulingServiceBlockingStub blocking() {
    return SchedulingServiceGrpc.newBlockingStub(connection.channel());
  }
}
