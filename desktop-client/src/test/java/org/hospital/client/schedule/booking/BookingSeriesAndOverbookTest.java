package org.hospital.client.schedule.booking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import org.junit.jupiter.api.Test;

/** The booking dialog's "Repeat" and "Overbook" choices, against a scripted gateway. */
class BookingSeriesAndOverbookTest {

  private static final Instant START = Instant.parse("2026-11-30T08:15:00Z");
  private static final ZoneId PRAGUE = ZoneId.of("Europe/Prague");
  private static final PatientSummary JANE = PatientSummary.newBuilder().setId(77).setFamilyName("DOE")
      .setGivenNames("Jane").setMrn("MRN-77").build();

  private final FakeScheduleGateway gateway = new FakeScheduleGateway();
  private final List<Appointment> booked = new ArrayList<>();
  private int keys;

  private BookingViewModel dialog(BookingSlot slot, boolean admin) {
    return new BookingViewModel(slot, Direct.ENGLISH, Direct.ERRORS, new ScheduleText(Direct.ENGLISH),
        Direct.tasks(), gateway, new PatientSearchViewModel(Direct.ENGLISH, Direct.ERRORS, Direct.tasks(),
            new ManualScheduler(), new FakePatientDirectory(), new RecordingNavigator()),
        () -> "key-" + (++keys), admin, booked::add);
  }

  private BookingViewModel freeSlot(boolean admin) {
    return dialog(BookingSlot.slot(11, "Dr. Amara Okafor", START, PRAGUE), admin);
  }

  @Test
  void aRepeatedBookingBooksASeries() {
    BookingViewModel vm = freeSlot(false);
    vm.choosePatient(JANE);
    assertEquals("", vm.options().summaryProperty().get(), "no summary while it does not repeat");
    vm.options().intervalWeeksProperty().set(2);
    vm.options().countProperty().set(6);
    assertEquals("6 appointments, the last on Monday, February 8, 2027.", vm.options().summaryProperty().get());
    vm.book();
    assertEquals("bookSeries key-1 11 77 " + START + " x6 every 2 FOLLOW_UP ", gateway.calls.getLast());
    assertEquals(1, booked.size());
    assertEquals(1, booked.getFirst().getSeriesPosition(), "the dialog answers with the first of the series");
    assertEquals("Every week", vm.options().intervalText(1));
    assertEquals("Every 3 weeks", vm.options().intervalText(3));
    assertEquals("Does not repeat", vm.options().intervalText(0));
  }

  @Test
  void aRefusedSeriesListsEveryDateAndARetryWithOtherChoicesGetsANewKey() {
    BookingViewModel vm = freeSlot(false);
    vm.choosePatient(JANE);
    vm.options().intervalWeeksProperty().set(1);
    gateway.nextFailure = Failures.reason(Status.Code.ALREADY_EXISTS, ErrorReason.SLOT_TAKEN,
        Map.of("dates", "2026-12-07,2026-12-21"));
    vm.book();
    assertEquals("Nothing was booked: these dates are already taken at this time. Choose another time or fewer"
        + " appointments.", vm.errorMessageProperty().get());
    assertEquals(List.of("Monday, December 7, 2026", "Monday, December 21, 2026"), vm.options().refusedDates());
    assertFalse(vm.options().overbookOfferedProperty().get(), "a series is never overbooked");
    assertTrue(booked.isEmpty());

    gateway.nextFailure = Failures.reason(Status.Code.FAILED_PRECONDITION, ErrorReason.OUTSIDE_WORKING_HOURS,
        Map.of("dates", "2026-12-14"));
    vm.book();
    assertEquals(List.of("Monday, December 14, 2026"), vm.options().refusedDates());
    assertTrue(vm.errorMessageProperty().get().contains("no slot at this time"));

    vm.options().countProperty().set(2);
    vm.book();
    List<String> series = gateway.calls.stream().filter(c -> c.startsWith("bookSeries")).toList();
    assertEquals(3, series.size());
    assertEquals(series.get(0).split(" ")[1], series.get(1).split(" ")[1], "the same request keeps its key");
    assertNotEquals(series.get(1).split(" ")[1], series.get(2).split(" ")[1], "another request, another key");
    assertEquals(1, booked.size());
  }

  @Test
  void anAdministratorMayOverbookATakenSlotWithAReason() {
    BookingViewModel vm = dialog(BookingSlot.taken(11, "Dr. Amara Okafor", START, PRAGUE), true);
    assertTrue(vm.options().overbookOfferedProperty().get());
    assertEquals("This time is already booked. You may overbook it (with a reason) or pick one of the free times"
        + " below.", vm.errorMessageProperty().get());
    vm.choosePatient(JANE);
    vm.options().overbookProperty().set(true);
    vm.book();
    assertEquals("Give the reason for overbooking.", vm.errorMessageProperty().get());
    vm.options().intervalWeeksProperty().set(1);
    vm.options().overbookReasonProperty().set("Urgent: chest pain");
    vm.book();
    assertTrue(vm.errorMessageProperty().get().startsWith("An overbooking is a single appointment"));
    vm.options().intervalWeeksProperty().set(0);
    vm.book();
    assertEquals("overbook key-1 11 77 " + START + " FOLLOW_UP  / Urgent: chest pain", gateway.calls.getLast());
    assertTrue(booked.getFirst().getOverbooked());
  }

  @Test
  void theOverbookOptionAppearsAfterSlotTakenForAdministratorsOnly() {
    BookingViewModel admin = freeSlot(true);
    admin.choosePatient(JANE);
    assertFalse(admin.options().overbookOfferedProperty().get(), "a free slot needs no overbooking");
    gateway.nextFailure = Failures.reason(Status.Code.ALREADY_EXISTS, ErrorReason.SLOT_TAKEN,
        Map.of("next_free_slots", "2026-11-30T08:30:00Z"));
    admin.book();
    assertTrue(admin.options().overbookOfferedProperty().get());
    assertEquals(1, admin.alternatives().size(), "the free times are offered too");
    admin.chooseAlternative(admin.alternatives().getFirst());
    assertFalse(admin.options().overbookOfferedProperty().get(), "another, free time needs none");

    BookingViewModel clerk = freeSlot(false);
    clerk.choosePatient(JANE);
    gateway.nextFailure = Failures.reason(Status.Code.ALREADY_EXISTS, ErrorReason.SLOT_TAKEN,
        Map.of("next_free_slots", "2026-11-30T08:30:00Z"));
    clerk.book();
    assertFalse(clerk.options().overbookOfferedProperty().get());
    clerk.options().overbookProperty().set(true);
    clerk.book();
    assertTrue(gateway.calls.stream().noneMatch(c -> c.startsWith("overbook")));
  }
}
