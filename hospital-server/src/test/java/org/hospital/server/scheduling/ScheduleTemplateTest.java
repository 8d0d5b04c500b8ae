package org.hospital.server.scheduling;

import static org.hospital.server.scheduling.AppointmentLifecycleTest.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.hospital.proto.scheduling.v1.AddScheduleExceptionRequest;
import org.hospital.proto.scheduling.v1.Appointment;
import org.hospital.proto.scheduling.v1.AppointmentStatus;
import org.hospital.proto.scheduling.v1.GetClinicianScheduleRequest;
import org.hospital.proto.scheduling.v1.GetClinicianScheduleResponse;
import org.hospital.proto.scheduling.v1.RemoveScheduleExceptionRequest;
import org.hospital.proto.scheduling.v1.RemoveScheduleExceptionResponse;
import org.hospital.proto.scheduling.v1.ScheduleExceptionEntry;
import org.hospital.proto.scheduling.v1.ScheduleExceptionKind;
import org.hospital.proto.scheduling.v1.SetWeeklyTemplateRequest;
import org.hospital.proto.scheduling.v1.SetWeeklyTemplateResponse;
import org.hospital.proto.scheduling.v1.Slot;
import org.hospital.proto.scheduling.v1.TemplateSession;
import org.hospital.server.testing.Errors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/** Changing schedules: future slots change, appointments never vanish but are listed as off schedule. */
@ParameterizedClass
@MethodSource("org.hospital.server.testing.TestDatabases#kinds")
class ScheduleTemplateTest {

  /** The database kind of this run ("h2" or "postgresql"); the server is started per kind. */
  @Parameter
  String kind;

  private static ScheduleHospital h;

  @BeforeParameterizedClassInvocation
  static void start(String kind) {
    h = ScheduleHospital.start(kind);
  }

  @AfterParameterizedClassInvocation
  static void stop() {
    h.close();
  }

  private static List<Instant> slotStarts(long clinician, LocalDate day) {
    return h.slots(clinician, day).stream().map(Slot::getStart).map(t -> Instant.ofEpochSecond(t.getSeconds()))
        .toList();
  }

  private static TemplateSession session(int weekday, String from, String to, int minutes) {
    return TemplateSession.newBuilder().setWeekday(weekday).setStartTime(from).setEndTime(to)
        .setSlotMinutes(minutes).build();
  }

  @Test
  void aNewTemplateChangesFutureSlotsAndListsTheAppointmentsItLeavesOffSchedule() {
    long silva = h.clinicianId("Dr. Lucas Silva");
    LocalDate day = h.freeWeekday(9);
    Appointment stays = h.book(silva, 0, h.at(day, 8, 0));
    Appointment leftOff = h.book(silva, 1, h.at(day, 10, 20));

    SetWeeklyTemplateResponse r = h.as("admin").setWeeklyTemplate(SetWeeklyTemplateRequest.newBuilder()
        .setClinicianId(silva).setEffectiveFrom(ScheduleHospital.date(day))
        .addSessions(session(day.getDayOfWeek().getValue(), "08:00", "10:00", 30)).build());

    assertEquals(List.of(leftOff.getId()), r.getOffScheduleList().stream().map(Appointment::getId).toList());
    assertEquals(AppointmentStatus.BOOKED, r.getOffSchedule(0).getStatus());
    assertEquals(List.of(h.at(day, 8, 0), h.at(day, 8, 30), h.at(day, 9, 0), h.at(day, 9, 30)),
        slotStarts(silva, day));
    assertEquals(24, slotStarts(silva, day.minusDays(7)).size(), "the week before keeps the old template");
    assertEquals(List.of(), slotStarts(silva, day.plusDays(1).getDayOfWeek() == DayOfWeek.SATURDAY
        ? day.plusDays(3) : day.plusDays(1)), "other weekdays have no sessions in the new template");
    expect(Status.Code.FAILED_PRECONDITION, "OUTSIDE_WORKING_HOURS", () -> h.book(silva, 2, h.at(day, 10, 20)));
    // the front desk sees the same list later, and the appointment still on a slot is not in it
    assertEquals(List.of(leftOff.getId()), h.as("reception").getClinicianSchedule(GetClinicianScheduleRequest
        .newBuilder().setClinicianId(silva).build()).getOffScheduleList().stream().map(Appointment::getId)
        .filter(id -> id == leftOff.getId() || id == stays.getId()).toList());
  }

  @Test
  void leaveTakesSlotsAwayAndExtraSessionsAddSome() {
    long osei = h.clinicianId("Dr. Abena Osei");
    LocalDate day = h.freeWeekday(10);
    Appointment booked = h.book(osei, 3, h.at(day, 9, 0));
    var leave = h.as("admin").addScheduleException(AddScheduleExceptionRequest.newBuilder().setClinicianId(osei)
        .setKind(ScheduleExceptionKind.LEAVE).setStart(ScheduleHospital.ts(h.at(day, 0, 0)))
        .setEnd(ScheduleHospital.ts(h.at(day.plusDays(1), 0, 0))).setNote("Conference").build());
    assertEquals(List.of(booked.getId()), leave.getOffScheduleList().stream().map(Appointment::getId).toList());
    assertEquals(List.of(), slotStarts(osei, day));

    LocalDate saturday = day;
    while (saturday.getDayOfWeek() != DayOfWeek.SATURDAY) {
      saturday = saturday.plusDays(1);
    }
    h.as("admin").addScheduleException(AddScheduleExceptionRequest.newBuilder().setClinicianId(osei)
        .setKind(ScheduleExceptionKind.EXTRA_SESSION).setStart(ScheduleHospital.ts(h.at(saturday, 9, 0)))
        .setEnd(ScheduleHospital.ts(h.at(saturday, 10, 0))).setSlotMinutes(30).build());
    assertEquals(List.of(h.at(saturday, 9, 0), h.at(saturday, 9, 30)), slotStarts(osei, saturday));
    h.book(osei, 4, h.at(saturday, 9, 30));

    GetClinicianScheduleResponse overview = h.as("reception").getClinicianSchedule(GetClinicianScheduleRequest
        .newBuilder().setClinicianId(osei).build());
    assertEquals(2, overview.getExceptionsCount());
    assertEquals("Conference", overview.getExceptions(0).getNote());
    assertEquals(List.of(booked.getId()), overview.getOffScheduleList().stream().map(Appointment::getId).toList());
    assertEquals(10, overview.getSessionsCount(), "the demo week: Monday to Friday, two sessions each");
  }

  @Test
  void onlyAdministratorsEditSchedulesAndBadTemplatesChangeNothing() {
    long novak = h.clinicianId("Dr. Petra Novak");
    LocalDate day = h.freeWeekday(12);
    long templates = h.count("SELECT COUNT(*) FROM schedule_template");
    SetWeeklyTemplateRequest good = SetWeeklyTemplateRequest.newBuilder().setClinicianId(novak)
        .setEffectiveFrom(ScheduleHospital.date(day)).addSessions(session(1, "08:00", "12:00", 20)).build();
    expect(Status.Code.PERMISSION_DENIED, "PERMISSION_DENIED", () -> h.as("reception").setWeeklyTemplate(good));
    expect(Status.Code.PERMISSION_DENIED, "PERMISSION_DENIED", () -> h.as("doctor").addScheduleException(
        AddScheduleExceptionRequest.getDefaultInstance()));

    StatusRuntimeException overlap = expect(Status.Code.INVALID_ARGUMENT, "VALIDATION_FAILED",
        () -> h.as("admin").setWeeklyTemplate(good.toBuilder().addSessions(session(1, "11:00", "13:00", 20))
            .addSessions(session(9, "25:00", "07:00", 2)).setEffectiveFrom(ScheduleHospital.date(
                LocalDate.now(h.zone))).build()));
    var violations = Errors.violations(overlap);
    assertEquals("OUT_OF_RANGE", violations.get("sessions[1].start_time"));
    assertEquals("OUT_OF_RANGE", violations.get("sessions[2].weekday"));
    assertEquals("INVALID_FORMAT", violations.get("sessions[2].start_time"));
    assertEquals("OUT_OF_RANGE", violations.get("sessions[2].slot_minutes"));
    assertEquals("IN_PAST", violations.get("effective_from"));
    StatusRuntimeException unknown = expect(Status.Code.INVALID_ARGUMENT, "VALIDATION_FAILED",
        () -> h.as("admin").setWeeklyTemplate(good.toBuilder().setClinicianId(987654).build()));
    assertEquals("UNKNOWN_ID", Errors.violations(unknown).get("clinician_id"));
    StatusRuntimeException backwards = expect(Status.Code.INVALID_ARGUMENT, "VALIDATION_FAILED",
        () -> h.as("admin").addScheduleException(AddScheduleExceptionRequest.newBuilder().setClinicianId(novak)
            .setKind(ScheduleExceptionKind.BLOCKED).setStart(ScheduleHospital.ts(h.at(day, 10, 0)))
            .setEnd(ScheduleHospital.ts(h.at(day, 9, 0))).build()));
    assertEquals("OUT_OF_RANGE", Errors.violations(backwards).get("end"));
    assertEquals(templates, h.count("SELECT COUNT(*) FROM schedule_template"));
    assertEquals(0, h.count("SELECT COUNT(*) FROM schedule_exception WHERE clinician_id = " + novak));
  }

  private static AddScheduleExceptionRequest.Builder exception(long clinician, ScheduleExceptionKind kind,
      Instant start, Instant end) {
    return AddScheduleExceptionRequest.newBuilder().setClinicianId(clinician).setKind(kind)
        .setStart(ScheduleHospital.ts(start)).setEnd(ScheduleHospital.ts(end));
  }

  @Test
  void removingLeaveEnteredByMistakeBringsTheSlotsBackAndTheAppointmentOnSchedule() {
    long tanaka = h.clinicianId("Dr. Hiro Tanaka");
    LocalDate day = h.freeWeekday(11);
    int slotsBefore = slotStarts(tanaka, day).size();
    Appointment booked = h.book(tanaka, 5, h.at(day, 9, 0));
    ScheduleExceptionEntry leave = h.as("admin").addScheduleException(exception(tanaka,
        ScheduleExceptionKind.LEAVE, h.at(day, 0, 0), h.at(day.plusDays(1), 0, 0)).setNote("Wrong day").build())
        .getException();
    assertEquals(List.of(), slotStarts(tanaka, day));
    long audited = h.count("SELECT COUNT(*) FROM audit_entry WHERE action = 'SCHEDULE_CHANGED'"
        + " AND detail LIKE '%removed LEAVE id=" + leave.getId() + " %'");
    assertEquals(0, audited);

    expect(Status.Code.PERMISSION_DENIED, "PERMISSION_DENIED", () -> h.as("reception").removeScheduleException(
        RemoveScheduleExceptionRequest.newBuilder().setId(leave.getId()).build()));
    RemoveScheduleExceptionResponse r = h.as("admin").removeScheduleException(
        RemoveScheduleExceptionRequest.newBuilder().setId(leave.getId()).build());

    assertFalse(r.getOffScheduleList().stream().anyMatch(a -> a.getId() == booked.getId()),
        "the appointment is on a slot again");
    assertEquals(slotsBefore, slotStarts(tanaka, day).size());
    assertEquals(0, h.count("SELECT COUNT(*) FROM schedule_exception WHERE id = " + leave.getId()));
    assertEquals(1, h.count("SELECT COUNT(*) FROM audit_entry WHERE action = 'SCHEDULE_CHANGED'"
        + " AND detail LIKE '%removed LEAVE id=" + leave.getId() + " %'"));
    assertTrue(h.as("admin").getClinicianSchedule(GetClinicianScheduleRequest.newBuilder().setClinicianId(tanaka)
        .build()).getExceptionsList().stream().noneMatch(e -> e.getId() == leave.getId()));
    // a second click (or another administrator) finds nothing left to remove
    expect(Status.Code.NOT_FOUND, "NOT_FOUND", () -> h.as("admin").removeScheduleException(
        RemoveScheduleExceptionRequest.newBuilder().setId(leave.getId()).build()));
  }

  @Test
  void removingAnExtraSessionListsItsBookingsAsOffScheduleAndEndedExceptionsStay() {
    long haddad = h.clinicianId("Dr. Samir Haddad");
    LocalDate saturday = h.freeWeekday(13);
    while (saturday.getDayOfWeek() != DayOfWeek.SATURDAY) {
      saturday = saturday.plusDays(1);
    }
    ScheduleExceptionEntry extra = h.as("admin").addScheduleException(exception(haddad,
        ScheduleExceptionKind.EXTRA_SESSION, h.at(saturday, 9, 0), h.at(saturday, 10, 0)).setSlotMinutes(30)
        .build()).getException();
    Appointment booked = h.book(haddad, 6, h.at(saturday, 9, 30));

    RemoveScheduleExceptionResponse r = h.as("admin").removeScheduleException(
        RemoveScheduleExceptionRequest.newBuilder().setId(extra.getId()).build());
    assertTrue(r.getOffScheduleList().stream().anyMatch(a -> a.getId() == booked.getId()),
        "the booking is listed for rebooking, not cancelled");
    assertEquals(List.of(), slotStarts(haddad, saturday));
    assertEquals(1, h.count("SELECT COUNT(*) FROM appointment WHERE id = " + booked.getId()
        + " AND status = 'BOOKED'"));

    ScheduleExceptionEntry blocked = h.as("admin").addScheduleException(exception(haddad,
        ScheduleExceptionKind.BLOCKED, h.at(saturday.plusDays(2), 9, 0), h.at(saturday.plusDays(2), 10, 0))
        .build()).getException();
    // the block as if it had happened last week: past days keep their history
    Instant lastWeek = Instant.now().minus(java.time.Duration.ofDays(7));
    h.execute("UPDATE schedule_exception SET starts_at = TIMESTAMP WITH TIME ZONE '" + lastWeek.minusSeconds(3600)
        + "', ends_at = TIMESTAMP WITH TIME ZONE '" + lastWeek + "' WHERE id = " + blocked.getId());
    StatusRuntimeException ended = expect(Status.Code.FAILED_PRECONDITION, "INVALID_TRANSITION",
        () -> h.as("admin").removeScheduleException(RemoveScheduleExceptionRequest.newBuilder()
            .setId(blocked.getId()).build()));
    assertEquals("ENDED", Errors.info(ended).getMetadataMap().get("current_status"));
    assertEquals(1, h.count("SELECT COUNT(*) FROM schedule_exception WHERE id = " + blocked.getId()));

    StatusRuntimeException missing = expect(Status.Code.INVALID_ARGUMENT, "VALIDATION_FAILED",
        () -> h.as("admin").removeScheduleException(RemoveScheduleExceptionRequest.getDefaultInstance()));
    assertEquals("REQUIRED", Errors.violations(missing).get("id"));
  }
}
