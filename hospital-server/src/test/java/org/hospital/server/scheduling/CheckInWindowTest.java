package org.hospital.server.scheduling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.time.Instant;
import java.time.LocalDate;
import org.hospital.proto.scheduling.v1.Appointment;
import org.hospital.proto.scheduling.v1.AppointmentStatus;
import org.hospital.proto.scheduling.v1.CheckInRequest;
import org.hospital.proto.scheduling.v1.ListCliniciansRequest;
import org.hospital.proto.scheduling.v1.UpdateAppointmentStatusRequest;
import org.hospital.server.testing.Errors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Check-in is for the appointment's own hospital day, from two hours before its start (the default) to the end
 * of the day, by the server's clock, which the tests move instead of waiting.
 */
@ParameterizedClass
@MethodSource("org.hospital.server.testing.TestDatabases#kinds")
class CheckInWindowTest {

  @Parameter
  String kind;

  private static ScheduleHospital h;
  private static long drOkafor;

  @BeforeParameterizedClassInvocation
  static void start(String kind) {
    h = ScheduleHospital.start(kind);
    drOkafor = h.clinicianId("Dr. Amara Okafor");
  }

  @AfterParameterizedClassInvocation
  static void stop() {
    h.close();
  }

  @AfterEach
  void clockBack() {
    h.resetClock();
  }

  private Appointment checkIn(Appointment a) {
    return h.as("reception").checkIn(CheckInRequest.newBuilder().setIdempotencyKey(ScheduleHospital.key())
        .setAppointmentId(a.getId()).build()).getAppointment();
  }

  /** The refusal, after checking that it changed nothing: no event, no audit entry, the same appointment. */
  private StatusRuntimeException refused(Appointment a) {
    h.token("reception"); // signed in before counting: the sign-in has its own audit entry
    long events = h.count("SELECT last_seq FROM schedule_sequence");
    long audit = h.count("SELECT COUNT(*) FROM audit_entry");
    StatusRuntimeException e = assertThrows(StatusRuntimeException.class, () -> checkIn(a));
    assertEquals(Status.Code.FAILED_PRECONDITION, e.getStatus().getCode());
    assertEquals("OUTSIDE_CHECK_IN_WINDOW", Errors.info(e).getReason());
    assertEquals(Instant.ofEpochSecond(a.getStart().getSeconds()).toString(),
        Errors.info(e).getMetadataOrThrow("appointment_start"));
    assertEquals(events, h.count("SELECT last_seq FROM schedule_sequence"), "no schedule event");
    assertEquals(audit, h.count("SELECT COUNT(*) FROM audit_entry"), "no audit entry");
    assertEquals(1, h.count("SELECT COUNT(*) FROM appointment WHERE id = " + a.getId()
        + " AND status = 'BOOKED' AND version = 1 AND checked_in_at IS NULL"), "the appointment as it was");
    return e;
  }

  @Test
  void theDeskIsToldTheWindow() {
    assertEquals(120, h.as("reception").listClinicians(ListCliniciansRequest.getDefaultInstance())
        .getCheckInOpensMinutesBefore());
  }

  @Test
  void twoDaysEarlyIsRefusedAndChangesNothing() {
    LocalDate day = h.freeWeekday(10);
    Appointment a = h.book(drOkafor, 0, h.at(day, 9, 30));
    h.clockAt(h.at(day.minusDays(2), 9, 30));
    StatusRuntimeException e = refused(a);
    assertEquals("NOT_YET", Errors.info(e).getMetadataOrThrow("window"));
    assertEquals(h.at(day, 7, 30).toString(), Errors.info(e).getMetadataOrThrow("opens_at"));
  }

  @Test
  void theSameDayOpensTwoHoursBeforeTheStart() {
    LocalDate day = h.freeWeekday(10);
    Appointment a = h.book(drOkafor, 1, h.at(day, 10, 0));
    h.clockAt(h.at(day, 7, 50));
    assertEquals("NOT_YET", Errors.info(refused(a)).getMetadataOrThrow("window"));
    h.clockAt(h.at(day, 8, 10));
    Appointment in = checkIn(a);
    assertEquals(AppointmentStatus.CHECKED_IN, in.getStatus());
  }

  @Test
  void aLateArrivalTheSameDayIsStillACheckIn() {
    LocalDate day = h.freeWeekday(10);
    Appointment a = h.book(drOkafor, 2, h.at(day, 10, 30));
    h.clockAt(h.at(day, 23, 30));
    assertEquals(AppointmentStatus.CHECKED_IN, checkIn(a).getStatus());
  }

  @Test
  void afterTheEndOfTheDayItIsANoShow() {
    LocalDate day = h.freeWeekday(11);
    Appointment a = h.book(drOkafor, 3, h.at(day, 11, 0));
    h.clockAt(h.at(day.plusDays(1), 0, 10));
    StatusRuntimeException e = refused(a);
    assertEquals("CLOSED", Errors.info(e).getMetadataOrThrow("window"));
    Appointment noShow = h.as("reception").updateAppointmentStatus(UpdateAppointmentStatusRequest.newBuilder()
        .setAppointmentId(a.getId()).setExpectedVersion(a.getVersion()).setStatus(AppointmentStatus.NO_SHOW)
        .build()).getAppointment();
    assertEquals(AppointmentStatus.NO_SHOW, noShow.getStatus());
  }
}
