package org.hospital.server.scheduling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.protobuf.Timestamp;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.function.Function;
import java.util.stream.Stream;
import org.hospital.proto.common.v1.Date;
import org.hospital.proto.scheduling.v1.BookAppointmentRequest;
import org.hospital.proto.scheduling.v1.CancelAppointmentRequest;
import org.hospital.proto.scheduling.v1.CheckInRequest;
import org.hospital.proto.scheduling.v1.FindFreeSlotsRequest;
import org.hospital.proto.scheduling.v1.ListSlotsRequest;
import org.hospital.proto.scheduling.v1.SchedulingServiceGrpc.SchedulingServiceBlockingStub;
import org.hospital.proto.scheduling.v1.SubscribeScheduleRequest;
import org.hospital.proto.scheduling.v1.UpdateAppointmentStatusRequest;
import org.hospital.proto.scheduling.v1.WalkIn;
import org.hospital.server.testing.Errors;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Malformed or impossible scheduling requests sent to the real server: each gets a clear status with the
 * field and what is wrong, and nothing is written (no appointment, no key, no event, no audit entry).
 */
@ParameterizedClass
@MethodSource("org.hospital.server.testing.TestDatabases#kinds")
class SchedulingBadInputTest {

  /** The database kind of this run ("h2" or "postgresql"); the server is started per kind. */
  @Parameter
  String kind;

  private static ScheduleHospital h;
  private static long doctor;
  private static long patient;
  private static LocalDate day;

  @BeforeParameterizedClassInvocation
  static void start(String kind) {
    h = ScheduleHospital.start(kind);
    doctor = h.clinicianId("Dr. Amara Okafor");
    patient = h.patients.get(0);
    day = h.freeWeekday(9);
  }

  @AfterParameterizedClassInvocation
  static void stop() {
    h.close();
  }

  private static BookAppointmentRequest.Builder at(Instant start) {
    return h.booking(doctor, patient, start);
  }

  private static Timestamp ts(Instant i) {
    return ScheduleHospital.ts(i);
  }

  private static Arguments bad(String name, Function<ScheduleHospital, Function<SchedulingServiceBlockingStub,
      Object>> call, Status.Code code, String reason, String field, String violation) {
    return Arguments.of(name, call, code, reason, field, violation);
  }

  private static Arguments book(String name, Function<ScheduleHospital, BookAppointmentRequest> request,
      String field, String violation) {
    return bad(name, x -> s -> s.bookAppointment(request.apply(x)), Status.Code.INVALID_ARGUMENT,
        "VALIDATION_FAILED", field, violation);
  }

  private static Arguments offSchedule(String name, Function<ScheduleHospital, BookAppointmentRequest> request) {
    return bad(name, x -> s -> s.bookAppointment(request.apply(x)), Status.Code.FAILED_PRECONDITION,
        "OUTSIDE_WORKING_HOURS", null, null);
  }

  static Stream<Arguments> badRequests() {
    Date from = ScheduleHospital.date(LocalDate.now().plusDays(1));
    return Stream.of(
        book("no idempotency key", x -> at(x.at(day, 9, 0)).setIdempotencyKey("").build(), "idempotency_key",
            "REQUIRED"),
        book("key with spaces", x -> at(x.at(day, 9, 0)).setIdempotencyKey("not a key!").build(),
            "idempotency_key", "INVALID_FORMAT"),
        book("no clinician", x -> at(x.at(day, 9, 0)).setClinicianId(0).build(), "clinician_id", "REQUIRED"),
        book("unknown clinician", x -> at(x.at(day, 9, 0)).setClinicianId(987654).build(), "clinician_id",
            "UNKNOWN_ID"),
        book("unknown patient", x -> at(x.at(day, 9, 0)).setPatientId(987654).build(), "patient_id",
            "UNKNOWN_ID"),
        book("negative patient", x -> at(x.at(day, 9, 0)).setPatientId(-3).build(), "patient_id", "OUT_OF_RANGE"),
        book("no start", x -> at(x.at(day, 9, 0)).clearStart().build(), "start", "REQUIRED"),
        book("yesterday", x -> at(Instant.now().minus(Duration.ofDays(1))).build(), "start", "IN_PAST"),
        book("impossible time", x -> at(x.at(day, 9, 0)).setStart(Timestamp.newBuilder().setSeconds(1)
            .setNanos(-5)).build(), "start", "INVALID_FORMAT"),
        book("year 10000", x -> at(x.at(day, 9, 0)).setStart(Timestamp.newBuilder().setSeconds(253_402_300_800L))
            .build(), "start", "INVALID_FORMAT"),
        book("in ten years", x -> at(Instant.now().plus(Duration.ofDays(3650))).build(), "start", "OUT_OF_RANGE"),
        book("visit type unspecified", x -> at(x.at(day, 9, 0)).setVisitTypeValue(0).build(), "visit_type",
            "REQUIRED"),
        book("unknown visit type", x -> at(x.at(day, 9, 0)).setVisitTypeValue(42).build(), "visit_type",
            "UNKNOWN_VALUE"),
        book("oversized reason", x -> at(x.at(day, 9, 0)).setReason("x".repeat(501)).build(), "reason",
            "TOO_LONG"),
        book("control character in reason", x -> at(x.at(day, 9, 0)).setReason("pain\u0007").build(), "reason",
            "INVALID_CHARACTERS"),
        book("overbook without reason", x -> at(x.at(day, 9, 0)).setOverbook(true).build(), "overbook_reason",
            "REQUIRED"),
        offSchedule("misaligned start", x -> at(x.at(day, 9, 7)).build()),
        offSchedule("lunch break", x -> at(x.at(day, 12, 30)).build()),
        offSchedule("evening", x -> at(x.at(day, 19, 0)).build()),
        offSchedule("Sunday", x -> at(x.at(sunday(x), 9, 0)).build()),
        bad("cancel without reason", x -> s -> s.cancelAppointment(CancelAppointmentRequest.newBuilder()
            .setAppointmentId(1).setExpectedVersion(1).build()), Status.Code.INVALID_ARGUMENT, "VALIDATION_FAILED",
            "reason", "REQUIRED"),
        bad("cancel unknown appointment", x -> s -> s.cancelAppointment(CancelAppointmentRequest.newBuilder()
            .setAppointmentId(987654).setExpectedVersion(1).setReason("x").build()), Status.Code.NOT_FOUND,
            "NOT_FOUND", null, null),
        bad("status unspecified", x -> s -> s.updateAppointmentStatus(UpdateAppointmentStatusRequest.newBuilder()
            .setAppointmentId(1).setExpectedVersion(1).build()), Status.Code.INVALID_ARGUMENT, "VALIDATION_FAILED",
            "status", "REQUIRED"),
        bad("unknown status", x -> s -> s.updateAppointmentStatus(UpdateAppointmentStatusRequest.newBuilder()
            .setAppointmentId(1).setExpectedVersion(1).setStatusValue(99).build()), Status.Code.INVALID_ARGUMENT,
            "VALIDATION_FAILED", "status", "UNKNOWN_VALUE"),
        bad("check-in of nothing", x -> s -> s.checkIn(CheckInRequest.newBuilder().setIdempotencyKey("key-00000001")
            .build()), Status.Code.INVALID_ARGUMENT, "VALIDATION_FAILED", "appointment_id", "REQUIRED"),
        bad("walk-in of unknown patient", x -> s -> s.checkIn(CheckInRequest.newBuilder()
            .setIdempotencyKey("key-00000002").setWalkIn(WalkIn.newBuilder().setPatientId(987654)
                .setClinicianId(doctor).setVisitTypeValue(1)).build()), Status.Code.INVALID_ARGUMENT,
            "VALIDATION_FAILED", "walk_in.patient_id", "UNKNOWN_ID"),
        bad("slots over 31 days", x -> s -> s.listSlots(ListSlotsRequest.newBuilder().addClinicianIds(doctor)
            .setFrom(from).setTo(ScheduleHospital.date(LocalDate.now().plusDays(40))).build()),
            Status.Code.INVALID_ARGUMENT, "VALIDATION_FAILED", "to", "OUT_OF_RANGE"),
        bad("30 February", x -> s -> s.listSlots(ListSlotsRequest.newBuilder().addClinicianIds(doctor)
            .setFrom(Date.newBuilder().setYear(2027).setMonth(2).setDay(30)).setTo(from).build()),
            Status.Code.INVALID_ARGUMENT, "VALIDATION_FAILED", "from", "INVALID_DATE"),
        bad("slots of unknown clinician", x -> s -> s.listSlots(ListSlotsRequest.newBuilder().addClinicianIds(987654)
            .setFrom(from).setTo(from).build()), Status.Code.INVALID_ARGUMENT, "VALIDATION_FAILED", "clinician_ids",
            "UNKNOWN_ID"),
        bad("free slots without target", x -> s -> s.findFreeSlots(FindFreeSlotsRequest.newBuilder().setFrom(from)
            .setTo(from).build()), Status.Code.INVALID_ARGUMENT, "VALIDATION_FAILED", "clinician_id", "REQUIRED"),
        bad("too many results", x -> s -> s.findFreeSlots(FindFreeSlotsRequest.newBuilder().setDepartmentId(1)
            .setFrom(from).setTo(from).setMaxResults(1000).build()), Status.Code.INVALID_ARGUMENT,
            "VALIDATION_FAILED", "max_results", "OUT_OF_RANGE"),
        bad("subscribe over 31 days", x -> s -> s.subscribeSchedule(SubscribeScheduleRequest.newBuilder()
            .setFrom(from).setTo(ScheduleHospital.date(LocalDate.now().plusDays(60))).build()).next(),
            Status.Code.INVALID_ARGUMENT, "VALIDATION_FAILED", "to", "OUT_OF_RANGE"));
  }

  private static LocalDate sunday(ScheduleHospital x) {
    LocalDate d = x.freeWeekday(9);
    while (d.getDayOfWeek() != java.time.DayOfWeek.SUNDAY) {
      d = d.plusDays(1);
    }
    return d;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badRequests")
  void isRefusedWithDetailsAndWritesNothing(String name,
      Function<ScheduleHospital, Function<SchedulingServiceBlockingStub, Object>> call, Status.Code code,
      String reason, String field, String violation) {
    long appointments = h.count("SELECT COUNT(*) FROM appointment");
    long keys = h.count("SELECT COUNT(*) FROM idempotency_key");
    long events = h.count("SELECT last_seq FROM schedule_sequence");
    long audit = h.count("SELECT COUNT(*) FROM audit_entry WHERE action LIKE 'APPOINTMENT%'");
    StatusRuntimeException e = assertThrows(StatusRuntimeException.class,
        () -> call.apply(h).apply(h.as("supervisor")));
    assertEquals(code, e.getStatus().getCode(), e::toString);
    assertEquals(reason, Errors.info(e).getReason());
    if (field != null) {
      assertEquals(violation, Errors.violations(e).get(field), () -> Errors.violations(e).toString());
    }
    assertEquals(appointments, h.count("SELECT COUNT(*) FROM appointment"));
    assertEquals(keys, h.count("SELECT COUNT(*) FROM idempotency_key"));
    assertEquals(events, h.count("SELECT last_seq FROM schedule_sequence"));
    assertEquals(audit, h.count("SELECT COUNT(*) FROM audit_entry WHERE action LIKE 'APPOINTMENT%'"));
  }
}
