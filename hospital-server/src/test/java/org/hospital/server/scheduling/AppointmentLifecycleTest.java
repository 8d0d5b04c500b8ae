package org.hospital.server.scheduling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.hospital.proto.scheduling.v1.Appointment;
import org.hospital.proto.scheduling.v1.AppointmentStatus;
import org.hospital.proto.scheduling.v1.BookAppointmentRequest;
import org.hospital.proto.scheduling.v1.CallNextPatientRequest;
import org.hospital.proto.scheduling.v1.CancelAppointmentRequest;
import org.hospital.proto.scheduling.v1.CheckInRequest;
import org.hospital.proto.scheduling.v1.FindFreeSlotsRequest;
import org.hospital.proto.scheduling.v1.RescheduleAppointmentRequest;
import org.hospital.proto.scheduling.v1.UpdateAppointmentStatusRequest;
import org.hospital.proto.scheduling.v1.VisitType;
import org.hospital.proto.scheduling.v1.WalkIn;
import org.hospital.server.testing.Errors;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;
import org.hospital.server.scheduling.writes.IdempotentWrites;

/** An appointment's life through the real server: booking to completion, and every way it can go wrong. */
@ParameterizedClass
@MethodSource("org.hospital.server.testing.TestDatabases#kinds")
class AppointmentLifecycleTest {

  /** The database kind of this run ("h2" or "postgresql"); the server is started per kind. */
  @Parameter
  String kind;

  private static ScheduleHospital h;
  private static long drOkafor;
  private static long drNovak;

  @BeforeParameterizedClassInvocation
  static void start(String kind) {
    h = ScheduleHospital.start(kind);
    drOkafor = h.clinicianId("Dr. Amara Okafor");
    drNovak = h.clinicianId("Dr. Petra Novak");
  }

  @AfterParameterizedClassInvocation
  static void stop() {
    h.close();
  }

  private Appointment checkIn(long appointmentId) {
    return h.as("reception").checkIn(CheckInRequest.newBuilder().setIdempotencyKey(ScheduleHospital.key())
        .setAppointmentId(appointmentId).build()).getAppointment();
  }

  private Appointment status(String user, Appointment a, AppointmentStatus next) {
    return h.as(user).updateAppointmentStatus(UpdateAppointmentStatusRequest.newBuilder()
        .setAppointmentId(a.getId()).setExpectedVersion(a.getVersion()).setStatus(next).build()).getAppointment();
  }

  @Test
  void bookedToCompleted() {
    LocalDate day = h.freeWeekday(10);
    Appointment a = h.book(drOkafor, 0, h.at(day, 9, 0));
    assertEquals(AppointmentStatus.BOOKED, a.getStatus());
    assertEquals(1, a.getVersion());
    assertEquals(h.at(day, 9, 15).getEpochSecond(), a.getEnd().getSeconds(), "general medicine: 15 minutes");
    assertTrue(a.getPatientMrn().length() > 5 && a.getPatientName().contains(","));

    // the patient arrives on the day (check-in is for the appointment's own day)
    h.clockAt(h.at(day, 8, 45));
    Appointment in;
    try {
      in = checkIn(a.getId());
    } finally {
      h.resetClock();
    }
    assertEquals(AppointmentStatus.CHECKED_IN, in.getStatus());
    assertTrue(in.hasCheckedInAt());
    Appointment consulting = status("doctor", in, AppointmentStatus.IN_CONSULTATION);
    assertTrue(consulting.hasConsultationStartedAt());
    Appointment done = status("nurse", consulting, AppointmentStatus.COMPLETED);
    assertEquals(AppointmentStatus.COMPLETED, done.getStatus());
    assertEquals(4, done.getVersion());
    assertEquals(4, h.count("SELECT COUNT(*) FROM audit_entry WHERE patient_id = " + a.getPatientId()
        + " AND action IN ('APPOINTMENT_BOOKED', 'APPOINTMENT_CHECKED_IN', 'APPOINTMENT_STATUS_CHANGED')"));
  }

  @Test
  void invalidMovesAreRefusedAndChangeNothing() {
    LocalDate day = h.freeWeekday(10);
    Appointment a = h.book(drOkafor, 1, h.at(day, 9, 30));
    expect(Status.Code.FAILED_PRECONDITION, "INVALID_TRANSITION",
        () -> status("doctor", a, AppointmentStatus.COMPLETED));
    expect(Status.Code.FAILED_PRECONDITION, "INVALID_TRANSITION",
        () -> status("reception", a, AppointmentStatus.CANCELLED));
    Appointment cancelled = h.as("reception").cancelAppointment(CancelAppointmentRequest.newBuilder()
        .setAppointmentId(a.getId()).setExpectedVersion(1).setReason("Patient phoned").build()).getAppointment();
    assertEquals(AppointmentStatus.CANCELLED, cancelled.getStatus());
    assertEquals("Patient phoned", cancelled.getCancelReason());
    assertEquals("Rita Reception", cancelled.getCancelledBy());
    expect(Status.Code.FAILED_PRECONDITION, "INVALID_TRANSITION", () -> checkIn(a.getId()));
    // a stale version names who changed the appointment
    StatusRuntimeException stale = assertThrows(StatusRuntimeException.class, () -> h.as("reception")
        .cancelAppointment(CancelAppointmentRequest.newBuilder().setAppointmentId(a.getId())
            .setExpectedVersion(1).setReason("again").build()));
    assertEquals(Status.Code.ABORTED, stale.getStatus().getCode());
    assertEquals("STALE_VERSION", Errors.info(stale).getReason());
    assertEquals("Rita Reception", Errors.info(stale).getMetadataOrThrow("updated_by"));
    // the cancelled slot is free again
    Appointment again = h.book(drOkafor, 2, h.at(day, 9, 30));
    assertNotEquals(a.getId(), again.getId());
  }

  @Test
  void noShowReleasesTheSlotAndIsTheFrontDesksCall() {
    LocalDate day = h.freeWeekday(10);
    Appointment a = h.book(drOkafor, 3, h.at(day, 10, 0));
    expect(Status.Code.PERMISSION_DENIED, "PERMISSION_DENIED", () -> status("doctor", a,
        AppointmentStatus.NO_SHOW));
    Appointment noShow = status("reception", a, AppointmentStatus.NO_SHOW);
    assertEquals(AppointmentStatus.NO_SHOW, noShow.getStatus());
    assertEquals(0, h.count("SELECT COUNT(*) FROM appointment WHERE id = " + a.getId()
        + " AND held_slot_start IS NOT NULL"));
    h.book(drOkafor, 4, h.at(day, 10, 0));
  }

  @Test
  void rescheduleKeepsHistoryAndMovesTheSlot() {
    LocalDate day = h.freeWeekday(11);
    Appointment a = h.book(drOkafor, 5, h.at(day, 11, 0));
    RescheduleAppointmentRequest move = RescheduleAppointmentRequest.newBuilder()
        .setIdempotencyKey(ScheduleHospital.key()).setAppointmentId(a.getId()).setExpectedVersion(1)
        .setNewStart(ScheduleHospital.ts(h.at(day, 14, 20))).setNewClinicianId(drNovak).build();
    Appointment moved = h.as("reception").rescheduleAppointment(move).getAppointment();
    assertEquals(AppointmentStatus.BOOKED, moved.getStatus());
    assertEquals(drNovak, moved.getClinicianId());
    assertEquals(a.getId(), moved.getRescheduledFromId());
    assertEquals(a.getPatientId(), moved.getPatientId());
    assertEquals(h.at(day, 14, 40).getEpochSecond(), moved.getEnd().getSeconds(), "cardiology: 20 minutes");
    // the retry answers with the same appointment and writes nothing
    assertEquals(moved, h.as("reception").rescheduleAppointment(move).getAppointment());
    assertEquals(1, h.count("SELECT COUNT(*) FROM appointment WHERE rescheduled_from_id = " + a.getId()));
    assertEquals(1, h.count("SELECT COUNT(*) FROM appointment WHERE id = " + a.getId()
        + " AND status = 'RESCHEDULED' AND rescheduled_to_id = " + moved.getId() + " AND held_slot_start IS NULL"
        + " AND version = 2"));
    h.book(drOkafor, 6, h.at(day, 11, 0));
  }

  @Test
  void overbookingNeedsAdminAndAReason() {
    LocalDate day = h.freeWeekday(11);
    Instant slot = h.at(day, 15, 0);
    h.book(drOkafor, 7, slot);
    StatusRuntimeException taken = expect(Status.Code.ALREADY_EXISTS, "SLOT_TAKEN", () -> h.book(drOkafor, 8, slot));
    String next = Errors.info(taken).getMetadataOrThrow("next_free_slots");
    assertEquals(IdempotentWrites.NEXT_FREE_SUGGESTIONS, next.split(",").length);
    assertTrue(Instant.parse(next.split(",")[0]).isAfter(slot));

    var overbook = h.booking(drOkafor, h.patients.get(8), slot).setOverbook(true).setOverbookReason("Urgent")
        .build();
    expect(Status.Code.PERMISSION_DENIED, "PERMISSION_DENIED", () -> h.as("reception").bookAppointment(overbook));
    Appointment extra = h.as("supervisor").bookAppointment(overbook).getAppointment();
    assertTrue(extra.getOverbooked());
    assertEquals("Urgent", extra.getOverbookReason());
    assertEquals(1, h.count("SELECT COUNT(*) FROM audit_entry WHERE action = 'APPOINTMENT_OVERBOOKED'"
        + " AND patient_id = " + h.patients.get(8)));
  }

  /** Sends in everyone already waiting (the demo data checks some of today's patients in). */
  /**
   * Calls in whoever waits for the clinician until nobody does. The demo day checks in at most a few dozen
   * patients per clinician, so a queue that never empties is a bug, not a long queue.
   */
  private static void emptyQueue(long clinicianId) {
    for (int called = 0; called < 200; called++) {
      try {
        h.as("nurse").callNextPatient(CallNextPatientRequest.newBuilder().setClinicianId(clinicianId).build());
      } catch (StatusRuntimeException e) {
        assertEquals(Status.Code.NOT_FOUND, e.getStatus().getCode());
        return;
      }
    }
    fail("the queue did not empty after 200 calls");
  }

  @Test
  void walkInsJoinTheQueueAndCallNextTakesTheLongestWaiting() {
    long drLindqvist = h.clinicianId("Dr. Erik Lindqvist");
    emptyQueue(drLindqvist);
    List<Long> arrived = new ArrayList<>();
    for (int i = 10; i < 16; i++) {
      Appointment w = h.as("reception").checkIn(CheckInRequest.newBuilder()
          .setIdempotencyKey(ScheduleHospital.key()).setWalkIn(WalkIn.newBuilder().setPatientId(h.patients.get(i))
              .setClinicianId(drLindqvist).setVisitType(VisitType.URGENT).setReason("Walk-in")).build())
          .getAppointment();
      assertTrue(w.getWalkIn());
      assertEquals(AppointmentStatus.CHECKED_IN, w.getStatus());
      arrived.add(w.getId());
    }
    Appointment first = h.as("nurse").callNextPatient(CallNextPatientRequest.newBuilder()
        .setClinicianId(drLindqvist).build()).getAppointment();
    assertEquals(arrived.get(0), first.getId());
    assertEquals(AppointmentStatus.IN_CONSULTATION, first.getStatus());
  }

  @Test
  void concurrentCallsNeverTakeTheSamePatient() throws Exception {
    long drTanaka = h.clinicianId("Dr. Hiro Tanaka");
    emptyQueue(drTanaka);
    int waiting = 12;
    for (int i = 20; i < 20 + waiting; i++) {
      h.as("reception").checkIn(CheckInRequest.newBuilder().setIdempotencyKey(ScheduleHospital.key())
          .setWalkIn(WalkIn.newBuilder().setPatientId(h.patients.get(i)).setClinicianId(drTanaka)
              .setVisitType(VisitType.FOLLOW_UP)).build());
    }
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<Future<Long>> calls = new ArrayList<>();
    for (int i = 0; i < waiting + 6; i++) {
      String caller = i % 2 == 0 ? "nurse" : "dr.tanaka";
      calls.add(pool.submit(() -> {
        try {
          return h.as(caller).callNextPatient(CallNextPatientRequest.newBuilder().setClinicianId(drTanaka).build())
              .getAppointment().getId();
        } catch (StatusRuntimeException e) {
          assertEquals(Status.Code.NOT_FOUND, e.getStatus().getCode());
          return 0L;
        }
      }));
    }
    Set<Long> taken = new HashSet<>();
    int empty = 0;
    for (Future<Long> f : calls) {
      long id = f.get();
      if (id == 0) {
        empty++;
      } else {
        assertTrue(taken.add(id), "patient called twice: " + id);
      }
    }
    pool.shutdown();
    assertEquals(waiting, taken.size());
    assertEquals(6, empty);
  }

  @Test
  void doctorCallsTheirOwnNextPatient() {
    // "doctor" is Dr. Daniel Doctor, a clinician; clinician_id 0 means the caller
    long me = h.clinicianId("Dr. Daniel Doctor");
    emptyQueue(me);
    Appointment w = h.as("reception").checkIn(CheckInRequest.newBuilder().setIdempotencyKey(ScheduleHospital.key())
        .setWalkIn(WalkIn.newBuilder().setPatientId(h.patients.get(40)).setClinicianId(me)
            .setVisitType(VisitType.FOLLOW_UP)).build()).getAppointment();
    Appointment called = h.as("doctor").callNextPatient(CallNextPatientRequest.getDefaultInstance())
        .getAppointment();
    assertEquals(w.getId(), called.getId());
    // a nurse is no clinician: naming nobody is a bad request
    StatusRuntimeException e = expect(Status.Code.INVALID_ARGUMENT, "VALIDATION_FAILED",
        () -> h.as("nurse").callNextPatient(CallNextPatientRequest.getDefaultInstance()));
    assertEquals("UNKNOWN_ID", Errors.violations(e).get("clinician_id"));
  }

  @Test
  void wrongRolesAreDenied() {
    LocalDate day = h.freeWeekday(12);
    var booking = h.booking(drOkafor, h.patients.get(41), h.at(day, 8, 0)).build();
    long before = h.count("SELECT COUNT(*) FROM appointment");
    for (String user : List.of("doctor", "nurse", "billing")) {
      expect(Status.Code.PERMISSION_DENIED, "PERMISSION_DENIED", () -> h.as(user).bookAppointment(booking));
    }
    expect(Status.Code.PERMISSION_DENIED, "PERMISSION_DENIED", () -> h.as("reception").callNextPatient(
        CallNextPatientRequest.newBuilder().setClinicianId(drOkafor).build()));
    expect(Status.Code.PERMISSION_DENIED, "PERMISSION_DENIED", () -> h.as("billing").checkIn(
        CheckInRequest.newBuilder().setIdempotencyKey(ScheduleHospital.key()).setAppointmentId(1).build()));
    assertEquals(before, h.count("SELECT COUNT(*) FROM appointment"));
    // reading is for every role
    assertTrue(h.as("billing").findFreeSlots(FindFreeSlotsRequest.newBuilder().setSpecialty("cardiology")
        .setFrom(ScheduleHospital.date(day)).setTo(ScheduleHospital.date(day)).setMaxResults(3).build())
        .getSlotsCount() == 3);
  }

  @Test
  void theSameKeyRetriedConcurrentlyBooksOnce() throws Exception {
    LocalDate day = h.freeWeekday(12);
    BookAppointmentRequest once = h.booking(drNovak, h.patients.get(42), h.at(day, 13, 0)).build();
    // The fixture's own appointments may already include this patient with this doctor, depending on the day.
    String ofThePair = "SELECT COUNT(*) FROM appointment WHERE patient_id = " + h.patients.get(42)
        + " AND clinician_id = " + drNovak;
    long before = h.count(ofThePair);
    ExecutorService pool = Executors.newFixedThreadPool(10);
    List<Future<Appointment>> answers = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      answers.add(pool.submit(() -> h.as("reception").bookAppointment(once).getAppointment()));
    }
    Set<Appointment> distinct = new HashSet<>();
    for (Future<Appointment> f : answers) {
      distinct.add(f.get());
    }
    pool.shutdown();
    assertEquals(1, distinct.size(), "every retry got the one appointment");
    Appointment a = distinct.iterator().next();
    assertEquals(a, h.as("reception").bookAppointment(once).getAppointment());
    assertEquals(before + 1, h.count(ofThePair));
    assertEquals(1, h.count("SELECT COUNT(*) FROM schedule_event WHERE appointment_id = " + a.getId()));

    // the same key for another booking is a client bug, not a retry
    expect(Status.Code.ALREADY_EXISTS, "IDEMPOTENCY_KEY_REUSED",
        () -> h.as("reception").bookAppointment(once.toBuilder().setStart(ScheduleHospital.ts(h.at(day, 13, 20)))
            .build()));
    assertEquals(before + 1, h.count(ofThePair));
  }

  static StatusRuntimeException expect(Status.Code code, String reason, Runnable call) {
    StatusRuntimeException e = assertThrows(StatusRuntimeException.class, call::run);
    assertEquals(code, e.getStatus().getCode(), e::toString);
    assertEquals(reason, Errors.info(e).getReason());
    return e;
  }
}
