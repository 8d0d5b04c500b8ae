package org.hospital.server.scheduling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.hospital.proto.scheduling.v1.AddScheduleExceptionRequest;
import org.hospital.proto.scheduling.v1.AddScheduleExceptionResponse;
import org.hospital.proto.scheduling.v1.Appointment;
import org.hospital.proto.scheduling.v1.RemoveScheduleExceptionRequest;
import org.hospital.proto.scheduling.v1.RescheduleAppointmentRequest;
import org.hospital.proto.scheduling.v1.ScheduleEvent;
import org.hospital.proto.scheduling.v1.ScheduleEventType;
import org.hospital.proto.scheduling.v1.ScheduleExceptionKind;
import org.hospital.proto.scheduling.v1.SetWeeklyTemplateRequest;
import org.hospital.proto.scheduling.v1.SubscribeScheduleRequest;
import org.hospital.proto.scheduling.v1.TemplateSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A schedule edit that takes a booked appointment's time away (leave, changed hours) marks it "clinician
 * unavailable" in the same transaction, and every subscriber is told (CLINICIAN_UNAVAILABLE); undoing the edit
 * clears the mark (CLINICIAN_AVAILABLE_AGAIN). Appointments are never moved or cancelled by it.
 */
@ParameterizedClass
@MethodSource("org.hospital.server.testing.TestDatabases#kinds")
class ClinicianUnavailableTest {

  @Parameter
  String kind;

  private static ScheduleHospital h;
  private static List<Long> patients;

  @BeforeParameterizedClassInvocation
  static void start(String kind) {
    h = ScheduleHospital.start(kind);
    patients = h.patients;
  }

  @AfterParameterizedClassInvocation
  static void stop() {
    h.close();
  }

  private static Appointment book(long clinician, int patient, Instant start) {
    return h.as("reception").bookAppointment(h.booking(clinician, patients.get(patient), start).build())
        .getAppointment();
  }

  private static Subscription watch(long clinician, LocalDate from, LocalDate to) {
    return Subscription.open(h.asyncAs("reception"), SubscribeScheduleRequest.newBuilder().addClinicianIds(clinician)
        .setFrom(ScheduleHospital.date(from)).setTo(ScheduleHospital.date(to)).build());
  }

  private static List<ScheduleEvent> eventsOf(Subscription sub, long appointmentId) {
    return sub.events().stream().filter(e -> e.getAppointment().getId() == appointmentId).toList();
  }

  private static long latest() {
    return h.count("SELECT last_seq FROM schedule_sequence");
  }

  @Test
  void leaveMarksTheBookingsItTakesAndEverySubscriberIsToldAndRemovingItClearsTheMark() throws Exception {
    long kowalski = h.clinicianId("Dr. Marta Kowalski");
    LocalDate day = h.freeWeekday(9);
    LocalDate nextDay = h.freeWeekday(10).equals(day) ? h.freeWeekday(11) : h.freeWeekday(10);
    Appointment onLeaveDay = book(kowalski, 0, h.at(day, 9, 0));
    Appointment otherDay = book(kowalski, 1, h.at(nextDay, 9, 0));
    Subscription sub = watch(kowalski, day, nextDay.plusDays(2));
    sub.awaitUpdates(1);

    AddScheduleExceptionResponse leave = h.as("admin").addScheduleException(AddScheduleExceptionRequest.newBuilder()
        .setClinicianId(kowalski).setKind(ScheduleExceptionKind.LEAVE).setStart(ScheduleHospital.ts(h.at(day, 0, 0)))
        .setEnd(ScheduleHospital.ts(h.at(day.plusDays(1), 0, 0))).setNote("Course").build());
    assertEquals(List.of(onLeaveDay.getId()), leave.getOffScheduleList().stream().map(Appointment::getId).toList());
    assertTrue(leave.getOffSchedule(0).getClinicianUnavailable(), "the answer already carries the mark");

    sub.awaitSequence(latest());
    List<ScheduleEvent> told = eventsOf(sub, onLeaveDay.getId());
    assertEquals(1, told.size(), told.toString());
    assertEquals(ScheduleEventType.CLINICIAN_UNAVAILABLE, told.getFirst().getType());
    assertTrue(told.getFirst().getAppointment().getClinicianUnavailable());
    assertEquals(onLeaveDay.getVersion() + 1, told.getFirst().getAppointment().getVersion());
    assertEquals(onLeaveDay.getStatus(), told.getFirst().getAppointment().getStatus(), "still booked");
    assertEquals(List.of(), eventsOf(sub, otherDay.getId()), "a booking the leave does not touch is not changed");

    // a desk that connects now sees the mark in its snapshot
    Subscription late = watch(kowalski, day, day);
    late.awaitUpdates(1);
    assertTrue(late.view().get(onLeaveDay.getId()).getClinicianUnavailable());
    late.cancel();

    h.as("admin").removeScheduleException(RemoveScheduleExceptionRequest.newBuilder()
        .setId(leave.getException().getId()).build());
    sub.awaitSequence(latest());
    told = eventsOf(sub, onLeaveDay.getId());
    assertEquals(2, told.size(), told.toString());
    assertEquals(ScheduleEventType.CLINICIAN_AVAILABLE_AGAIN, told.getLast().getType());
    assertFalse(told.getLast().getAppointment().getClinicianUnavailable());
    assertFalse(sub.view().get(onLeaveDay.getId()).getClinicianUnavailable());
    sub.cancel();
  }

  @Test
  void changedHoursMarkTheBookingsOutsideThemAndRebookingLeavesTheMarkBehind() throws Exception {
    long silva = h.clinicianId("Dr. Lucas Silva");
    LocalDate day = h.freeWeekday(12);
    Appointment early = book(silva, 2, h.at(day, 8, 0));
    Appointment late = book(silva, 3, h.at(day, 11, 0));
    Subscription sub = watch(silva, day, day);
    sub.awaitUpdates(1);

    h.as("admin").setWeeklyTemplate(SetWeeklyTemplateRequest.newBuilder().setClinicianId(silva)
        .setEffectiveFrom(ScheduleHospital.date(day)).addSessions(TemplateSession.newBuilder()
            .setWeekday(day.getDayOfWeek().getValue()).setStartTime("08:00").setEndTime("10:00").setSlotMinutes(30))
        .build());
    sub.awaitSequence(latest());
    assertTrue(sub.view().get(late.getId()).getClinicianUnavailable());
    assertFalse(sub.view().get(early.getId()).getClinicianUnavailable());
    assertEquals(ScheduleEventType.CLINICIAN_UNAVAILABLE, eventsOf(sub, late.getId()).getLast().getType());

    Appointment marked = sub.view().get(late.getId());
    Appointment moved = h.as("reception").rescheduleAppointment(RescheduleAppointmentRequest.newBuilder()
        .setIdempotencyKey(ScheduleHospital.key()).setAppointmentId(marked.getId())
        .setExpectedVersion(marked.getVersion()).setNewStart(ScheduleHospital.ts(h.at(day, 9, 30))).build())
        .getAppointment();
    assertFalse(moved.getClinicianUnavailable(), "the new time is on the schedule");
    sub.cancel();
  }
}
