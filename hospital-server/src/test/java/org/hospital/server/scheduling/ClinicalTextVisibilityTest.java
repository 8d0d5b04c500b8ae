package org.hospital.server.scheduling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.io.IOException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hospital.proto.reports.v1.PrintDayListRequest;
import org.hospital.proto.reports.v1.ReportServiceGrpc;
import org.hospital.proto.scheduling.v1.AddToWaitListRequest;
import org.hospital.proto.scheduling.v1.Appointment;
import org.hospital.proto.scheduling.v1.CallNextPatientRequest;
import org.hospital.proto.scheduling.v1.CheckInRequest;
import org.hospital.proto.scheduling.v1.ListWaitListRequest;
import org.hospital.proto.scheduling.v1.ScheduleUpdate;
import org.hospital.proto.scheduling.v1.SubscribeScheduleRequest;
import org.hospital.proto.scheduling.v1.SubscribeWaitListRequest;
import org.hospital.proto.scheduling.v1.VisitType;
import org.hospital.proto.scheduling.v1.WaitListEntry;
import org.hospital.proto.scheduling.v1.WaitListUpdate;
import org.hospital.server.testing.BearerToken;
import org.hospital.server.testing.Errors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A visit's reason is clinical text: doctors and nurses read it, the front desk, billing and administrators
 * get it empty, on every path (unary answers, both streams, the printed day list). Also who may call the next
 * patient from another clinician's queue.
 */
class ClinicalTextVisibilityTest {

  private static final String REASON = "Knee pain after fall";
  /** Every demo account's roles: one of each, and a user with two (front desk and administrator). */
  private static final Map<String, Boolean> SEES_REASON = new LinkedHashMap<>();

  static {
    SEES_REASON.put("doctor", true);
    SEES_REASON.put("nurse", true);
    SEES_REASON.put("reception", false);
    SEES_REASON.put("billing", false);
    SEES_REASON.put("admin", false);
    SEES_REASON.put("supervisor", false);
  }

  private static ScheduleHospital h;

  @BeforeAll
  static void start() {
    h = ScheduleHospital.start("h2");
  }

  @AfterAll
  static void stop() {
    h.close();
  }

  @Test
  void theReasonReachesOnlyThoseWhoTreatThePatientOnEveryPath() throws Exception {
    long drOkafor = h.clinicianId("Dr. Amara Okafor");
    LocalDate day = h.freeWeekday(20);
    SubscribeScheduleRequest thatDay = SubscribeScheduleRequest.newBuilder().addClinicianIds(drOkafor)
        .setFrom(ScheduleHospital.date(day)).setTo(ScheduleHospital.date(day)).build();
    Appointment first = h.as("reception").bookAppointment(h.booking(drOkafor, h.patients.get(30),
        h.firstFreeSlot(drOkafor, day)).setReason(REASON).build()).getAppointment();
    assertEquals("", first.getReason(), "the desk that typed it gets its own answer without it");
    assertEquals(REASON, text("SELECT reason FROM appointment WHERE id = " + first.getId()), "kept on the server");

    Map<String, Subscription> schedules = new LinkedHashMap<>();
    for (String user : SEES_REASON.keySet()) {
      Subscription s = Subscription.open(h.asyncAs(user), thatDay);
      s.awaitUpdates(1);
      schedules.put(user, s);
    }
    Appointment second = h.as("reception").bookAppointment(h.booking(drOkafor, h.patients.get(31),
        h.firstFreeSlot(drOkafor, day)).setReason(REASON).build()).getAppointment();
    for (var e : schedules.entrySet()) {
      Subscription s = e.getValue();
      s.awaitUpdates(2);
      List<ScheduleUpdate> got = s.updates();
      String inSnapshot = got.get(0).getSnapshot().getAppointmentsList().stream()
          .filter(a -> a.getId() == first.getId()).findFirst().orElseThrow().getReason();
      String inEvent = got.get(1).getEvent().getAppointment().getReason();
      assertEquals(second.getId(), got.get(1).getEvent().getAppointment().getId());
      assertEquals(expected(e.getKey()), inSnapshot, e.getKey() + " schedule snapshot");
      assertEquals(expected(e.getKey()), inEvent, e.getKey() + " schedule event");
      s.cancel();
    }

    Map<String, WaitListSubscription> waitLists = new LinkedHashMap<>();
    for (String user : SEES_REASON.keySet()) {
      WaitListSubscription s = WaitListSubscription.open(h.asyncAs(user), SubscribeWaitListRequest.newBuilder()
          .addClinicianIds(drOkafor).build());
      s.awaitUpdates(1);
      waitLists.put(user, s);
    }
    WaitListEntry waiting = h.as("reception").addToWaitList(waitFor(32, drOkafor)).getEntry();
    assertEquals("", waiting.getReason());
    for (var e : waitLists.entrySet()) {
      WaitListSubscription s = e.getValue();
      s.awaitUpdates(2);
      WaitListUpdate event = s.updates().get(1);
      assertEquals(waiting.getId(), event.getEvent().getEntry().getId());
      assertEquals(expected(e.getKey()), event.getEvent().getEntry().getReason(), e.getKey() + " wait-list event");
      s.cancel();
      WaitListEntry listed = h.as(e.getKey()).listWaitList(ListWaitListRequest.newBuilder().addClinicianIds(drOkafor)
          .build()).getEntriesList().stream().filter(w -> w.getId() == waiting.getId()).findFirst().orElseThrow();
      assertEquals(expected(e.getKey()), listed.getReason(), e.getKey() + " ListWaitList");
    }

    for (String user : List.of("doctor", "nurse", "reception", "admin")) {
      String text = dayListText(user, drOkafor, day);
      assertTrue(text.contains(first.getPatientName().split(",")[0]), user + " day list lists the patient");
      assertEquals(SEES_REASON.get(user), text.contains(REASON), user + " day list: " + text);
    }
  }

  @Test
  void bookingOffTheWaitListKeepsTheReasonTheDeskCannotRead() {
    long drOkafor = h.clinicianId("Dr. Amara Okafor");
    WaitListEntry waiting = h.as("reception").addToWaitList(waitFor(33, drOkafor)).getEntry();
    LocalDate day = h.freeWeekday(22);
    var booking = h.booking(drOkafor, h.patients.get(33), h.firstFreeSlot(drOkafor, day)).clearReason()
        .setWaitListEntryId(waiting.getId());
    Appointment booked = h.as("reception").bookAppointment(booking.build()).getAppointment();
    assertEquals(REASON, text("SELECT reason FROM appointment WHERE id = " + booked.getId()));

    var other = h.booking(drOkafor, h.patients.get(34), h.firstFreeSlot(drOkafor, day)).clearReason()
        .setWaitListEntryId(waiting.getId()).build();
    StatusRuntimeException e = assertThrows(StatusRuntimeException.class,
        () -> h.as("reception").bookAppointment(other));
    assertEquals(Status.Code.INVALID_ARGUMENT, e.getStatus().getCode(), "another patient's entry");
    assertEquals("UNKNOWN_ID", Errors.violations(e).get("wait_list_entry_id"));
  }

  @Test
  void aDoctorTakesFromAColleaguesQueueOnlyWhenCoveringAndSaysWhy() {
    long drLindqvist = h.clinicianId("Dr. Erik Lindqvist");
    for (int i = 40; i < 43; i++) {
      h.as("reception").checkIn(CheckInRequest.newBuilder().setIdempotencyKey(ScheduleHospital.key())
          .setWalkIn(org.hospital.proto.scheduling.v1.WalkIn.newBuilder().setPatientId(h.patients.get(i))
              .setClinicianId(drLindqvist).setVisitType(VisitType.URGENT).setReason("Walk-in")).build());
    }
    long coveredBefore = h.count("SELECT COUNT(*) FROM audit_entry WHERE action = 'QUEUE_COVERED'");
    CallNextPatientRequest.Builder theirs = CallNextPatientRequest.newBuilder().setClinicianId(drLindqvist);

    StatusRuntimeException notCovering = assertThrows(StatusRuntimeException.class,
        () -> h.as("doctor").callNextPatient(theirs.build()));
    assertEquals(Status.Code.PERMISSION_DENIED, notCovering.getStatus().getCode());
    assertEquals("covering", Errors.info(notCovering).getMetadataOrThrow("requires"));
    StatusRuntimeException noReason = assertThrows(StatusRuntimeException.class,
        () -> h.as("doctor").callNextPatient(theirs.setCovering(true).build()));
    assertEquals("REQUIRED", Errors.violations(noReason).get("covering_reason"));
    assertEquals(coveredBefore, h.count("SELECT COUNT(*) FROM audit_entry WHERE action = 'QUEUE_COVERED'"),
        "refusals take nobody from the queue");

    Appointment called = h.as("doctor").callNextPatient(theirs.setCoveringReason("Dr. Lindqvist in theatre")
        .build()).getAppointment();
    assertEquals(drLindqvist, called.getClinicianId());
    assertEquals(coveredBefore + 1, h.count("SELECT COUNT(*) FROM audit_entry WHERE action = 'QUEUE_COVERED'"
        + " AND actor = 'doctor' AND detail LIKE '%reason=Dr. Lindqvist in theatre%'"));
    // nurses run the clinic's queues for the clinicians
    h.as("nurse").callNextPatient(CallNextPatientRequest.newBuilder().setClinicianId(drLindqvist).build());
    assertEquals(coveredBefore + 1, h.count("SELECT COUNT(*) FROM audit_entry WHERE action = 'QUEUE_COVERED'"));
  }

  private static String text(String sql) {
    String[] value = new String[1];
    h.query(sql, rs -> value[0] = rs.getString(1));
    return value[0];
  }

  private static String expected(String user) {
    return SEES_REASON.get(user) ? REASON : "";
  }

  private static AddToWaitListRequest waitFor(int patient, long clinicianId) {
    return AddToWaitListRequest.newBuilder().setPatientId(h.patients.get(patient)).setClinicianId(clinicianId)
        .setLatest(ScheduleHospital.date(LocalDate.now(h.zone).plusDays(30))).setVisitType(VisitType.CONSULTATION)
        .setReason(REASON).build();
  }

  private static String dayListText(String user, long clinicianId, LocalDate day) throws IOException {
    byte[] pdf = ReportServiceGrpc.newBlockingStub(h.channel).withCallCredentials(BearerToken.of(h.token(user)))
        .printDayList(PrintDayListRequest.newBuilder().setClinicianId(clinicianId)
            .setDay(ScheduleHospital.date(day)).build()).getContent().toByteArray();
    String all = org.hospital.server.testing.PdfText.of(pdf);
    assertFalse(all.isEmpty());
    return all;
  }
}
