package org.hospital.server.scheduling.hours;

import java.time.Clock;
import java.time.LocalDate;
import org.hospital.proto.scheduling.v1.AddScheduleExceptionRequest;
import org.hospital.proto.scheduling.v1.AddScheduleExceptionResponse;
import org.hospital.proto.scheduling.v1.GetClinicianScheduleRequest;
import org.hospital.proto.scheduling.v1.GetClinicianScheduleResponse;
import org.hospital.proto.scheduling.v1.RemoveScheduleExceptionRequest;
import org.hospital.proto.scheduling.v1.RemoveScheduleExceptionResponse;
import org.hospital.proto.scheduling.v1.SetWeeklyTemplateRequest;
import org.hospital.proto.scheduling.v1.SetWeeklyTemplateResponse;
import org.hospital.server.errors.Violations;
import org.hospital.server.security.CurrentUser;
import org.hospital.server.scheduling.SchedulingRequestValidator;
import org.hospital.server.scheduling.appointments.AppointmentMapper;

/**
 * The RPCs that read and edit a clinician's hours: the weekly template and its exceptions. Each edit answers
 * with the appointments it left outside the hours, so the desk can rebook them.
 */
public final class ClinicHoursRpcs {

  private final ScheduleTemplateService templates;
  private final TemplateRequests requests;
  private final ScheduleQueryService queries;
  private final Clock clock;

  public ClinicHoursRpcs(ScheduleTemplateService templates, ScheduleQueryService queries, Clock clock) {
    this.templates = templates;
    this.requests = new TemplateRequests(clock, queries.zone());
    this.queries = queries;
    this.clock = clock;
  }

  public GetClinicianScheduleResponse getClinicianSchedule(GetClinicianScheduleRequest r) {
    Violations v = new Violations();
    long clinician = SchedulingRequestValidator.id(v, "clinician_id", r.getClinicianId());
    LocalDate asOf = SchedulingRequestValidator.date(v, "as_of", r.getAsOf(),
        LocalDate.now(clock.withZone(queries.zone())));
    v.throwIfAny();
    ScheduleTemplateService.Overview o = templates.overview(clinician, asOf, CurrentUser.get());
    GetClinicianScheduleResponse.Builder out = GetClinicianScheduleResponse.newBuilder();
    o.sessions().forEach(t -> out.addSessions(TemplateRequests.toProto(t)));
    o.exceptions().forEach(e -> out.addExceptions(TemplateRequests.toProto(e)));
    o.offSchedule().forEach(a -> out.addOffSchedule(AppointmentMapper.toProto(a)));
    return out.build();
  }

  public SetWeeklyTemplateResponse setWeeklyTemplate(SetWeeklyTemplateRequest r) {
    TemplateRequests.TemplateChange change = requests.templateChange(r);
    SetWeeklyTemplateResponse.Builder out = SetWeeklyTemplateResponse.newBuilder();
    templates.setWeeklyTemplate(change.clinicianId(), change.from(), change.sessions(), CurrentUser.get())
        .forEach(a -> out.addOffSchedule(AppointmentMapper.toProto(a)));
    return out.build();
  }

  public AddScheduleExceptionResponse addException(AddScheduleExceptionRequest r) {
    TemplateRequests.NewException e = requests.exception(r);
    ScheduleTemplateService.AddedException added = templates.addException(e.exception(), e.note(),
        CurrentUser.get());
    AddScheduleExceptionResponse.Builder out = AddScheduleExceptionResponse.newBuilder()
        .setException(TemplateRequests.toProto(added.exception()));
    added.offSchedule().forEach(a -> out.addOffSchedule(AppointmentMapper.toProto(a)));
    return out.build();
  }

  public RemoveScheduleExceptionResponse removeException(RemoveScheduleExceptionRequest r) {
    Violations v = new Violations();
    long id = SchedulingRequestValidator.id(v, "id", r.getId());
    v.throwIfAny();
    RemoveScheduleExceptionResponse.Builder out = RemoveScheduleExceptionResponse.newBuilder();
    templates.removeException(id, CurrentUser.get())
        .forEach(a -> out.addOffSchedule(AppointmentMapper.toProto(a)));
    return out.build();
  }
}
