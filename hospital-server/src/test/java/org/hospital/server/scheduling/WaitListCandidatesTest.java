package org.hospital.server.scheduling;

import static org.hospital.server.scheduling.AppointmentLifecycleTest.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.hospital.proto.scheduling.v1.AddToWaitListRequest;
import org.hospital.proto.scheduling.v1.Appointment;
import org.hospital.proto.scheduling.v1.CancelAppointmentRequest;
import org.hospital.proto.scheduling.v1.FindWaitListCandidatesRequest;
import org.hospital.proto.scheduling.v1.FindWaitListCandidatesResponse;
import org.hospital.proto.scheduling.v1.VisitType;
import org.hospital.proto.scheduling.v1.WaitListEntry;
import org.hospital.server.testing.Errors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/** FindWaitListCandidates through the real server: who could take a freed slot, and is it still free. */
@ParameterizedClass
@MethodSource("org.hospital.server.testing.TestDatabases#kinds")
class WaitListCandidatesTest {

  private static final long CARDIOLOGY = 3;
  private static final long GENERAL_MEDICINE = 1;

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

  private static WaitListEntry wait(int patient, AddToWaitListRequest.Builder target, LocalDate earliest,
      LocalDate latest, VisitType type) {
    return h.as("reception").addToWaitList(target.setPatientId(h.patients.get(patient))
        .setEarliest(ScheduleHospital.date(earliest)).setLatest(ScheduleHospital.date(latest)).setVisitType(type)
        .setReason("Sooner if possible").build()).getEntry();
  }

  private static AddToWaitListRequest.Builder clinician(long id) {
    return AddToWaitListRequest.newBuilder().setClinicianId(id);
  }

  private static AddToWaitListRequest.Builder department(long id) {
    return AddToWaitListRequest.newBuilder().setDepartmentId(id);
  }

  private static FindWaitListCandidatesRequest.Builder ask(long clinicianId, Instant start) {
    return FindWaitListCandidatesRequest.newBuilder().setClinicianId(clinicianId)
        .setSlotStart(ScheduleHospital.ts(start));
  }

  private static List<Long> ids(FindWaitListCandidatesResponse r) {
    return r.getCandidatesList().stream().map(WaitListEntry::getId).toList();
  }

  @Test
  void clinicianEntriesFirstThenDepartmentLongestWaitingFirstWithinTheirDays() {
    long haddad = h.clinicianId("Dr. Samir Haddad");
    long novak = h.clinicianId("Dr. Petra Novak");
    LocalDate today = LocalDate.now(h.zone);
    LocalDate day = h.freeWeekday(12);
    Instant slot = h.firstFreeSlot(haddad, day);

    WaitListEntry anyCardiologist = wait(10, department(CARDIOLOGY), today, day.plusDays(20), VisitType.CONSULTATION);
    WaitListEntry haddadFollowUp = wait(11, clinician(haddad), today, day.plusDays(30), VisitType.FOLLOW_UP);
    WaitListEntry haddadConsult = wait(12, clinician(haddad), day, day, VisitType.CONSULTATION);
    wait(13, clinician(novak), today, day.plusDays(30), VisitType.CONSULTATION);
    wait(14, department(CARDIOLOGY), day.plusDays(1), day.plusDays(30), VisitType.CONSULTATION);
    wait(15, clinician(haddad), today, day.minusDays(1), VisitType.CONSULTATION);
    wait(16, department(GENERAL_MEDICINE), today, day.plusDays(30), VisitType.CONSULTATION);
    WaitListEntry laterCardiologist = wait(17, department(CARDIOLOGY), today, day, VisitType.NEW_PATIENT);
    long viewedBefore = h.count("SELECT COUNT(*) FROM audit_entry WHERE action = 'SCHEDULE_VIEWED'"
        + " AND detail LIKE 'wait list candidates%'");

    FindWaitListCandidatesResponse all = h.as("reception").findWaitListCandidates(ask(haddad, slot).build());
    assertEquals(List.of(haddadFollowUp.getId(), haddadConsult.getId(), anyCardiologist.getId(),
        laterCardiologist.getId()), ids(all), "Novak's, other days' and other departments' entries left out");
    assertTrue(all.getSlotFree());
    assertEquals(haddad, all.getSlot().getClinicianId());
    assertTrue(all.getSlot().getEnd().getSeconds() > slot.getEpochSecond());
    assertEquals("", all.getCandidates(0).getReason(), "clinical text, not for the front desk (decision 0010)");
    assertTrue(all.getCandidates(0).getPatientName().contains(","));

    assertEquals(List.of(haddadConsult.getId(), anyCardiologist.getId()), ids(h.as("reception")
        .findWaitListCandidates(ask(haddad, slot).setVisitType(VisitType.CONSULTATION).build())));
    assertEquals(List.of(haddadFollowUp.getId(), haddadConsult.getId()), ids(h.as("reception")
        .findWaitListCandidates(ask(haddad, slot).setMaxResults(2).build())));
    // Novak's slot: Novak's own entry, then the department's; Haddad's entries do not fit
    List<Long> forNovak = ids(h.as("reception").findWaitListCandidates(ask(novak, h.firstFreeSlot(novak, day))
        .build()));
    assertEquals(3, forNovak.size());
    assertEquals(List.of(anyCardiologist.getId(), laterCardiologist.getId()), forNovak.subList(1, 3));
    assertEquals(viewedBefore + 4, h.count("SELECT COUNT(*) FROM audit_entry WHERE action = 'SCHEDULE_VIEWED'"
        + " AND detail LIKE 'wait list candidates%'"), "every answer naming patients is audited");

    // taken: still answers, but says so; free again once cancelled
    Appointment booked = h.book(haddad, 20, slot);
    assertFalse(h.as("reception").findWaitListCandidates(ask(haddad, slot).build()).getSlotFree());
    h.as("reception").cancelAppointment(CancelAppointmentRequest.newBuilder().setAppointmentId(booked.getId())
        .setExpectedVersion(booked.getVersion()).setReason("Patient phoned").build());
    assertTrue(h.as("reception").findWaitListCandidates(ask(haddad, slot).build()).getSlotFree());
  }

  @Test
  void badQuestionsAreRefused() {
    long haddad = h.clinicianId("Dr. Samir Haddad");
    LocalDate day = h.freeWeekday(12);
    Instant slot = h.firstFreeSlot(haddad, day);
    StatusRuntimeException invalid = expect(Status.Code.INVALID_ARGUMENT, "VALIDATION_FAILED",
        () -> h.as("reception").findWaitListCandidates(FindWaitListCandidatesRequest.newBuilder()
            .setMaxResults(21).setVisitTypeValue(77).build()));
    var v = Errors.violations(invalid);
    assertEquals("REQUIRED", v.get("clinician_id"));
    assertEquals("REQUIRED", v.get("slot_start"));
    assertEquals("OUT_OF_RANGE", v.get("max_results"));
    assertEquals("UNKNOWN_VALUE", v.get("visit_type"));
    expect(Status.Code.NOT_FOUND, "NOT_FOUND",
        () -> h.as("reception").findWaitListCandidates(ask(987654, slot).build()));
    expect(Status.Code.FAILED_PRECONDITION, "OUTSIDE_WORKING_HOURS",
        () -> h.as("reception").findWaitListCandidates(ask(haddad, slot.plusSeconds(60)).build()));
    expect(Status.Code.FAILED_PRECONDITION, "OUTSIDE_WORKING_HOURS",
        () -> h.as("reception").findWaitListCandidates(ask(haddad, h.at(LocalDate.now(h.zone).minusDays(7), 9, 0))
            .build()));
    expect(Status.Code.PERMISSION_DENIED, "PERMISSION_DENIED",
        () -> h.as("billing").findWaitListCandidates(ask(haddad, slot).build()));
  }
}
