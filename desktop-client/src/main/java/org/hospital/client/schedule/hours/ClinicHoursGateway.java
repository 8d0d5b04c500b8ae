package org.hospital.client.schedule.hours;

import java.time.LocalDate;
import java.util.List;
import org.hospital.proto.scheduling.v1.AddScheduleExceptionRequest;
import org.hospital.proto.scheduling.v1.AddScheduleExceptionResponse;
import org.hospital.proto.scheduling.v1.Appointment;
import org.hospital.proto.scheduling.v1.GetClinicianScheduleResponse;
import org.hospital.proto.scheduling.v1.TemplateSession;

/**
 * The schedule editing calls (weekly template, exceptions). They block: run them through the TaskRunner.
 * Each write answers with the clinician's booked appointments that are off schedule afterwards.
 */
public interface ClinicHoursGateway {

  /** The template valid on {@code asOf}, the exceptions not yet ended, and the off-schedule appointments. */
  GetClinicianScheduleResponse schedule(long clinicianId, LocalDate asOf);

  List<Appointment> setWeeklyTemplate(long clinicianId, LocalDate effectiveFrom, List<TemplateSession> sessions);

  AddScheduleExceptionResponse addException(AddScheduleExceptionRequest request);

  List<Appointment> removeException(long exceptionId);
}
