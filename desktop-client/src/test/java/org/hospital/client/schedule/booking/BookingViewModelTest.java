package org.hospital.client.schedule.booking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.Status;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hospital.client.patients.FakePatientDirectory;
import org.hospital.client.patients.RecordingNavigator;
import org.hospital.client.patients.search.PatientSearchViewModel;
import org.hospital.client.schedule.BookingSlot;
import org.hospital.client.schedule.FakeScheduleGateway;
import org.hospital.client.schedule.ScheduleText;
import org.hospital.client.testing.Direct;
import org.hospital.client.testing.Failures;
import org.hospital.client.testing.ManualScheduler;
import org.hospital.proto.common.v1.ErrorReason;
import org.hospital.proto.patients.v1.PatientSummary;
import org.hospital.proto.scheduling.v1.Appointment;
import org.hospital.proto.scheduling.v1.VisitType;
import org.junit.jupiter.api.Test;

class BookingViewModelTest {

  private static final Instant START = Instant.parse("2026-11-30T08:15:00Z");
  private static final PatientSummary JANE = PatientSummary.newBuilder().setId(77).setFamilyName("DOE")
      .setGivenNames("Jane").setMrn("MRN-77").build();

  private final FakeScheduleGateway gateway = new FakeScheduleGateway();
  private final List<Appointment> booked = new ArrayList<>();
  private int keys;
  private final BookingViewModel vm = new BookingViewModel(
      BookingSlot.slot(11, "Dr. Amara Okafor", START, ZoneId.of("Europe/Prague")), Direct.ENGLISH, Direct.ERRORS,
      new ScheduleText(Direct.ENGLISH), Direct.tasks(), gateway,
      new PatientSearchViewModel(Direct.ENGLISH, Direct.ERRORS, Direct.tasks(), new ManualScheduler(),
          new FakePatientDirectory(), new RecordingNavigator()),
      () -> "key-" + (++keys), false, booked::add);

  private List<String> bookCalls() {
    return gateway.calls.stream().filter(c -> c.startsWith("book ")).toList();
  }

  @Test
  void showsTheSlotInTheHospitalsTime() {
    assertEquals("Monday, November 30, 2026, 09:15 \u2014 Dr. Amara Okafor", vm.slotTextProperty().get());
  }

  @Test
  void asksForThePatientBeforeCallingTheServer() {
    vm.book();
    assertEquals("Choose the patient first: search and select a row.", vm.errorMessageProperty().get());
    assertEquals(List.of(), bookCalls());
    vm.choosePatient(JANE);
    assertEquals("", vm.errorMessageProperty().get());
    assertEquals("DOE, Jane \u00b7 MRN-77", vm.patientTextProperty().get());
  }

  @Test
  void booksWithVisitTypeAndReasonAndHandsBackTheAppointment() {
    vm.choosePatient(JANE);
    vm.visitTypeProperty().set(VisitType.NEW_PATIENT);
    vm.reasonProperty().set("  Cough for two weeks ");
    vm.book();
    assertEquals(List.of("book key-1 11 77 2026-11-30T08:15:00Z NEW_PATIENT Cough for two weeks"), bookCalls());
    assertEquals(1, booked.size());
  }

  @Test
  void aRetryOfTheSameBookingReusesItsKeyAndChangedContentGetsANewOne() {
    vm.choosePatient(JANE);
    gateway.nextFailure = Status.UNAVAILABLE.asRuntimeException();
    vm.book();
    assertTrue(vm.errorMessageProperty().get().startsWith("Cannot reach the server"));
    gateway.nextFailure = Status.DEADLINE_EXCEEDED.asRuntimeException();
    vm.book();
    vm.reasonProperty().set("Follow-up of blood tests");
    vm.book();
    List<String> calls = bookCalls();
    assertEquals(3, calls.size());
    assertTrue(calls.get(0).startsWith("book key-1 ") && calls.get(1).startsWith("book key-1 "), calls.toString());
    assertTrue(calls.get(2).startsWith("book key-2 "), "other content is another request: " + calls);
    assertEquals(1, booked.size());
  }

  @Test
  void slotTakenOffersTheNextFreeTimesAndBooksTheOneChosen() {
    vm.choosePatient(JANE);
    gateway.nextFailure = Failures.reason(Status.Code.ALREADY_EXISTS, ErrorReason.SLOT_TAKEN,
        Map.of("next_free_slots", "2026-11-30T08:30:00Z,2026-11-30T09:00:00Z"));
    vm.book();
    assertEquals("Someone else has just booked this time. Pick one of the next free times below, then book again.",
        vm.errorMessageProperty().get());
    assertEquals(List.of("Monday, November 30, 2026, 09:30 \u2014 Dr. Amara Okafor",
        "Monday, November 30, 2026, 10:00 \u2014 Dr. Amara Okafor"),
        vm.alternatives().stream().map(Object::toString).toList());
    assertEquals(0, booked.size());

    vm.chooseAlternative(vm.alternatives().get(1));
    assertEquals("Monday, November 30, 2026, 10:00 \u2014 Dr. Amara Okafor", vm.slotTextProperty().get());
    assertEquals("", vm.errorMessageProperty().get());
    assertTrue(vm.alternatives().isEmpty());
    vm.book();
    List<String> calls = bookCalls();
    assertTrue(calls.get(1).startsWith("book key-2 11 77 2026-11-30T09:00:00Z"), calls.toString());
    assertNotEquals(calls.get(0).split(" ")[1], calls.get(1).split(" ")[1]);
    assertEquals(1, booked.size());
  }

  @Test
  void slotTakenWithoutAlternativesSaysSoPlainly() {
    vm.choosePatient(JANE);
    gateway.nextFailure = Failures.reason(Status.Code.ALREADY_EXISTS, ErrorReason.SLOT_TAKEN, Map.of());
    vm.book();
    assertEquals("This time has just been booked by someone else. Choose another time.",
        vm.errorMessageProperty().get());
    assertTrue(vm.alternatives().isEmpty());
    assertEquals(0, booked.size());
  }

  @Test
  void aWalkInIsCheckedInForTheClinicianChosen() {
    List<Appointment> done = new ArrayList<>();
    BookingViewModel walkIn = new BookingViewModel(
        BookingSlot.walkIn(11, "Dr. Amara Okafor", ZoneId.of("Europe/Prague")), Direct.ENGLISH, Direct.ERRORS,
        new ScheduleText(Direct.ENGLISH), Direct.tasks(), gateway,
        new PatientSearchViewModel(Direct.ENGLISH, Direct.ERRORS, Direct.tasks(), new ManualScheduler(),
            new FakePatientDirectory(), new RecordingNavigator()),
        () -> "walk-key", false, done::add);
    walkIn.offerClinicians(List.of(FakeScheduleGateway.DOCTOR, FakeScheduleGateway.OKAFOR));
    assertEquals(FakeScheduleGateway.OKAFOR, walkIn.clinicianProperty().get(), "the one asked for");
    walkIn.clinicianProperty().set(FakeScheduleGateway.DOCTOR);
    assertEquals("Walk-in, now \u2014 Dr. Daniel Doctor", walkIn.slotTextProperty().get());
    walkIn.choosePatient(JANE);
    walkIn.book();
    assertEquals("walkIn walk-key 10 77 FOLLOW_UP ", gateway.calls.getLast());
    assertEquals(1, done.size());
  }
}
