package org.hospital.client.schedule.hours;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.hospital.proto.scheduling.v1.AddScheduleExceptionRequest;
import org.hospital.proto.scheduling.v1.AddScheduleExceptionResponse;
import org.hospital.proto.scheduling.v1.Appointment;
import org.hospital.proto.scheduling.v1.GetClinicianScheduleResponse;
import org.hospital.proto.scheduling.v1.ScheduleExceptionEntry;
import org.hospital.proto.scheduling.v1.TemplateSession;

/** Answers from what the test sets, and records every call as one line of text. */
final class FakeClinicHoursGateway implements ClinicHoursGateway {

  final List<String> calls = new ArrayList<>();
  final List<TemplateSession> sessions = new ArrayList<>();
  final List<ScheduleExceptionEntry> exceptions = new ArrayList<>();
  final List<Appointment> offSchedule = new ArrayList<>();
  List<TemplateSession> sentSessions = List.of();
  AddScheduleExceptionRequest sentException;
  /** Thrown by the next write, then cleared. */
  RuntimeException nextFailure;

  @Override
  public GetClinicianScheduleResponse schedule(long clinicianId, LocalDate asOf) {
    calls.add("schedule " + clinicianId + " " + asOf);
    failIfScripted();
    return GetClinicianScheduleResponse.newBuilder().addAllSessions(sessions).addAllExceptions(exceptions)
        .addAllOffSchedule(offSchedule).build();
  }

  @Override
  public List<Appointment> setWeeklyTemplate(long clinicianId, LocalDate effectiveFrom,
      List<TemplateSession> sent) {
    calls.add("setWeeklyTemplate " + clinicianId + " " + effectiveFrom + " " + sent.size());
    failIfScripted();
    sentSessions = sent;
    return offSchedule;
  }

  @Override
  public AddScheduleExceptionResponse addException(AddScheduleExceptionRequest request) {
    calls.add("addException " + request.getKind());
    failIfScripted();
    sentException = request;
    ScheduleExceptionEntry entry = ScheduleExceptionEntry.newBuilder().setId(77).setKind(request.getKind())
        .setStart(request.getStart()).setEnd(request.getEnd()).setNote(request.getNote()).build();
    exceptions.add(entry);
    return AddScheduleExceptionResponse.newBuilder().setException(entry).addAllOffSchedule(offSchedule).build();
  }

  @Override
  public List<Appointment> removeException(long exceptionId) {
    calls.add("removeException " + exceptionId);
    failIfScripted();
    exceptions.removeIf(e -> e.getId() == exceptionId);
    return offSchedule;
  }

  private void failIfScripted() {
    RuntimeException failure = nextFailure;
    nextFailure = null;
    if (failure != null) {
      throw failure;
    }
  }

  static TemplateSession session(int weekday, String start, String end, int slot) {
    return TemplateSession.newBuilder().setWeekday(weekday).setStartTime(start).setEndTime(end)
        .setSlotMinutes(slot).build();
  }
}
