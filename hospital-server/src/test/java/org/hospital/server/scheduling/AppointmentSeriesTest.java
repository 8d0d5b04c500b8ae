package org.hospital.server.scheduling;

import static org.hospital.server.scheduling.AppointmentLifecycleTest.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.hospital.proto.scheduling.v1.AddScheduleExceptionRequest;
import org.hospital.proto.scheduling.v1.Appointment;
import org.hospital.proto.scheduling.v1.AppointmentStatus;
import org.hospital.proto.scheduling.v1.BookAppointmentSeriesRequest;
import org.hospital.proto.scheduling.v1.BookAppointmentSeriesResponse;
import org.hospital.proto.scheduling.v1.CancelAppointmentRequest;
import org.hospital.proto.scheduling.v1.CancelAppointmentResponse;
import org.hospital.proto.scheduling.v1.CancelScope;
import org.hospital.proto.scheduling.v1.ScheduleExceptionKind;
import org.hospital.proto.scheduling.v1.VisitType;
import org.hospital.server.testing.Errors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/** Recurring series through the real server: all or nothing, races, retries and cancelling from one on. */
@ParameterizedClass
@MethodSource("org.hospital.server.testing.TestDatabases#kinds")
class AppointmentSeriesTest {

  @Parameter
  String kind;

  private static ScheduleHospital h;
  private static long drOkafor;
  private static long drNovak;
  private static LocalDate day;

  @BeforeParameterizedClassInvocation
  static void start(String kind) {
    h = ScheduleHospital.start(kind);
    drOkafor = h.clinicianId("Dr. Amara Okafor");
    drNovak = h.clinicianId("Dr. Petra Novak");
    day = h.freeWeekday(9);
  }

  @AfterParameterizedClassInvocation
  static void stop() {
    h.close();
  }

  private static BookAppointmentSeriesRequest.Builder series(long clinician, int patientIndex, Instant first,
      int occurrences, int intervalWeeks) {
    return BookAppointmentSeriesRequest.newBuilder().setIdempotencyKey(ScheduleHospital.key())
        .setClinicianId(clinician).setPatientId(h.patients.get(patientIndex)).setFirstStart(ScheduleHospital.ts(first))
        .setOccurrences(occurrences).setIntervalWeeks(intervalWeeks).setVisitType(VisitType.FOLLOW_UP)
        .setReason("Physiotherapy review");
  }

  private static long seriesMembers(long seriesId) {
    return h.count("SELECT COUNT(*) FROM appointment WHERE series_id = " + seriesId);
  }

  private static long events(String type, List<Appointment> appointments) {
    String ids = appointments.stream().map(a -> Long.toString(a.getId())).collect(Collectors.joining(","));
    return h.count("SELECT COUNT(*) FROM schedule_event WHERE event_type = '" + type + "' AND appointment_id IN ("
        + ids + ")");
  }

  @Test
  void aWeeklySeriesIsBookedWhole() {
    BookAppointmentSeriesResponse r = h.as("reception").bookAppointmentSeries(series(drOkafor, 1,
        h.at(day, 9, 0), 6, 1).build());
    assertEquals(6, r.getAppointmentsCount());
    for (int i = 0; i < 6; i++) {
      Appointment a = r.getAppointments(i);
      assertEquals(h.at(day.plusWeeks(i), 9, 0).getEpochSecond(), a.getStart().getSeconds(), "same local time");
      assertEquals(r.getSeriesId(), a.getSeriesId());
      assertEquals(i + 1, a.getSeriesPosition());
      assertEquals(6, a.getSeriesCount());
      assertEquals(AppointmentStatus.BOOKED, a.getStatus());
    }
    assertEquals(6, events("APPOINTMENT_BOOKED", r.getAppointmentsList()), "one live event per appointment");
    assertEquals(6, h.count("SELECT COUNT(*) FROM audit_entry WHERE action = 'APPOINTMENT_BOOKED' AND patient_id = "
        + h.patients.get(1)));

    BookAppointmentSeriesResponse every3 = h.as("reception").bookAppointmentSeries(series(drOkafor, 2,
        h.at(day, 9, 0).plus(Duration.ofMinutes(15)), 3, 3).build());
    assertEquals(List.of(day, day.plusWeeks(3), day.plusWeeks(6)), every3.getAppointmentsList().stream()
        .map(a -> LocalDate.ofInstant(Instant.ofEpochSecond(a.getStart().getSeconds()), h.zone)).toList());
  }

  @Test
  void aTakenSlotAnywhereLeavesNothingAndNamesEveryTakenDate() {
    Instant first = h.at(day, 9, 45);
    h.book(drOkafor, 3, h.at(day.plusWeeks(2), 9, 45));
    h.book(drOkafor, 4, h.at(day.plusWeeks(3), 9, 45));
    long before = h.count("SELECT COUNT(*) FROM appointment");
    long seriesBefore = h.count("SELECT COUNT(*) FROM appointment_series");

    StatusRuntimeException taken = expect(Status.Code.ALREADY_EXISTS, "SLOT_TAKEN",
        () -> h.as("reception").bookAppointmentSeries(series(drOkafor, 5, first, 5, 1).build()));
    assertEquals(day.plusWeeks(2) + "," + day.plusWeeks(3), Errors.info(taken).getMetadataOrThrow("dates"));
    assertEquals(before, h.count("SELECT COUNT(*) FROM appointment"));
    assertEquals(seriesBefore, h.count("SELECT COUNT(*) FROM appointment_series"));
  }

  @Test
  void aDayOffTheScheduleLeavesNothingAndIsNamed() {
    LocalDate leaveDay = day.plusWeeks(1);
    h.as("admin").addScheduleException(AddScheduleExceptionRequest.newBuilder().setClinicianId(drNovak)
        .setKind(ScheduleExceptionKind.LEAVE).setStart(ScheduleHospital.ts(h.at(leaveDay, 0, 0)))
        .setEnd(ScheduleHospital.ts(h.at(leaveDay.plusDays(1), 0, 0))).setNote("Conference").build());
    long before = h.count("SELECT COUNT(*) FROM appointment");

    StatusRuntimeException off = expect(Status.Code.FAILED_PRECONDITION, "OUTSIDE_WORKING_HOURS",
        () -> h.as("reception").bookAppointmentSeries(series(drNovak, 6, h.at(day, 8, 0), 3, 1).build()));
    assertEquals(leaveDay.toString(), Errors.info(off).getMetadataOrThrow("dates"));
    assertEquals(before, h.count("SELECT COUNT(*) FROM appointment"));
    // Every other week steps over the leave.
    assertEquals(3, h.as("reception").bookAppointmentSeries(series(drNovak, 6, h.at(day, 8, 0), 3, 2).build())
        .getAppointmentsCount());
  }

  @Test
  void ofTwoSeriesRacingForOverlappingSlotsExactlyOneWinsWhole() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    long booked = 0;
    try {
      for (int race = 0; race < 6; race++) {
        Instant first = h.at(day, 13, 0).plus(Duration.ofMinutes(15L * race));
        // Weekly four times and fortnightly three times: they share the first and third week.
        List<Callable<BookAppointmentSeriesResponse>> contenders = List.of(
            () -> h.as("reception").bookAppointmentSeries(series(drOkafor, 10, first, 4, 1).build()),
            () -> h.as("supervisor").bookAppointmentSeries(series(drOkafor, 11, first, 3, 2).build()));
        List<BookAppointmentSeriesResponse> won = new ArrayList<>();
        int lost = 0;
        for (Future<BookAppointmentSeriesResponse> f : pool.invokeAll(contenders)) {
          try {
            won.add(f.get());
          } catch (java.util.concurrent.ExecutionException e) {
            StatusRuntimeException s = (StatusRuntimeException) e.getCause();
            assertEquals(Status.Code.ALREADY_EXISTS, s.getStatus().getCode(), s::toString);
            assertTrue(Errors.info(s).getMetadataOrThrow("dates").contains(day.toString()), s::toString);
            lost++;
          }
        }
        assertEquals(1, won.size(), "race " + race);
        assertEquals(1, lost);
        BookAppointmentSeriesResponse w = won.get(0);
        assertEquals(w.getAppointmentsCount(), seriesMembers(w.getSeriesId()));
        booked += w.getAppointmentsCount();
        assertEquals(booked, h.count("SELECT COUNT(*) FROM appointment WHERE series_id IS NOT NULL"
            + " AND patient_id IN (" + h.patients.get(10) + "," + h.patients.get(11) + ")"), "the loser left nothing");
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aRetryWithTheSameKeyAnswersWithTheSameSeries() {
    BookAppointmentSeriesRequest request = series(drOkafor, 12, h.at(day, 10, 0), 4, 1).build();
    BookAppointmentSeriesResponse first = h.as("reception").bookAppointmentSeries(request);
    long count = h.count("SELECT COUNT(*) FROM appointment");
    BookAppointmentSeriesResponse again = h.as("reception").bookAppointmentSeries(request);
    assertEquals(first.getSeriesId(), again.getSeriesId());
    assertEquals(first.getAppointmentsList(), again.getAppointmentsList());
    assertEquals(count, h.count("SELECT COUNT(*) FROM appointment"));
    expect(Status.Code.ALREADY_EXISTS, "IDEMPOTENCY_KEY_REUSED", () -> h.as("reception")
        .bookAppointmentSeries(request.toBuilder().setOccurrences(5).build()));
  }

  @Test
  void cancellingThisAndTheFollowingOnesTakesTheRestOfTheSeries() {
    List<Appointment> s = h.as("reception").bookAppointmentSeries(series(drOkafor, 13, h.at(day, 10, 30), 4, 1)
        .build()).getAppointmentsList();
    CancelAppointmentRequest.Builder cancel = CancelAppointmentRequest.newBuilder()
        .setAppointmentId(s.get(1).getId()).setExpectedVersion(s.get(1).getVersion()).setReason("Moved away")
        .setScope(CancelScope.THIS_AND_FOLLOWING);
    expect(Status.Code.ABORTED, "STALE_VERSION", () -> h.as("reception").cancelAppointment(cancel.clone()
        .setExpectedVersion(7).build()));
    assertEquals(4, h.count("SELECT COUNT(*) FROM appointment WHERE status = 'BOOKED' AND series_id = "
        + s.get(0).getSeriesId()));

    CancelAppointmentResponse r = h.as("reception").cancelAppointment(cancel.build());
    assertEquals(AppointmentStatus.CANCELLED, r.getAppointment().getStatus());
    assertEquals(List.of(s.get(2).getId(), s.get(3).getId()), r.getFollowingList().stream().map(Appointment::getId)
        .toList());
    assertTrue(r.getFollowingList().stream().allMatch(a -> a.getStatus() == AppointmentStatus.CANCELLED
        && a.getCancelReason().equals("Moved away")));
    assertEquals(Map.of("BOOKED", 1L, "CANCELLED", 3L), statuses(s.get(0).getSeriesId()));
    assertEquals(3, events("APPOINTMENT_CANCELLED", s), "one live event per cancelled appointment");

    // A slot given back can be booked again; the default scope cancels the one appointment only.
    h.book(drOkafor, 14, h.at(day.plusWeeks(3), 10, 30));
    List<Appointment> other = h.as("reception").bookAppointmentSeries(series(drOkafor, 15, h.at(day, 10, 45), 3,
        1).build()).getAppointmentsList();
    h.as("reception").cancelAppointment(CancelAppointmentRequest.newBuilder().setAppointmentId(other.get(0).getId())
        .setExpectedVersion(other.get(0).getVersion()).setReason("Ill").build());
    assertEquals(Map.of("BOOKED", 2L, "CANCELLED", 1L), statuses(other.get(0).getSeriesId()));
  }

  private static Map<String, Long> statuses(long seriesId) {
    Map<String, Long> out = new java.util.TreeMap<>();
    h.query("SELECT status, COUNT(*) FROM appointment WHERE series_id = " + seriesId + " GROUP BY status",
        rs -> out.put(rs.getString(1), rs.getLong(2)));
    return out;
  }

  @Test
  void badRequestsAreRefusedFieldByField() {
    Instant first = h.at(day, 11, 0);
    Map<String, BookAppointmentSeriesRequest> bad = Map.of(
        "occurrences=OUT_OF_RANGE", series(drOkafor, 20, first, 1, 1).build(),
        "occurrences=OUT_OF_RANGE ", series(drOkafor, 20, first, 27, 1).build(),
        "interval_weeks=OUT_OF_RANGE", series(drOkafor, 20, first, 3, 0).build(),
        "interval_weeks=OUT_OF_RANGE ", series(drOkafor, 20, first, 3, 5).build(),
        "first_start=IN_PAST", series(drOkafor, 20, Instant.now().minus(Duration.ofDays(1)), 3, 1).build(),
        "clinician_id=UNKNOWN_ID", series(987654, 20, first, 3, 1).build(),
        "patient_id=UNKNOWN_ID", series(drOkafor, 20, first, 3, 1).setPatientId(987654).build(),
        "visit_type=REQUIRED", series(drOkafor, 20, first, 3, 1).clearVisitType().build());
    bad.forEach((expected, request) -> {
      StatusRuntimeException e = expect(Status.Code.INVALID_ARGUMENT, "VALIDATION_FAILED",
          () -> h.as("reception").bookAppointmentSeries(request));
      String[] fieldCode = expected.strip().split("=");
      assertEquals(fieldCode[1], Errors.violations(e).get(fieldCode[0]), expected + ": " + Errors.violations(e));
    });
    assertEquals(0, h.count("SELECT COUNT(*) FROM appointment WHERE series_id IS NOT NULL AND patient_id = "
        + h.patients.get(20)));
    expect(Status.Code.PERMISSION_DENIED, "PERMISSION_DENIED",
        () -> h.as("doctor").bookAppointmentSeries(series(drOkafor, 20, first, 3, 1).build()));
  }
}
