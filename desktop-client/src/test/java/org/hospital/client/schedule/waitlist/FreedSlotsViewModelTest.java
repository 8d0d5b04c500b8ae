package org.hospital.client.schedule.waitlist;

import static org.hospital.client.schedule.FakeScheduleGateway.GENMED;
import static org.hospital.client.schedule.FakeScheduleGateway.OKAFOR;
import static org.hospital.client.schedule.waitlist.FakeWaitListGateway.entry;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.Status;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.hospital.client.schedule.Clinic;
import org.hospital.client.schedule.FakeScheduleGateway;
import org.hospital.client.schedule.ScheduleFilter;
import org.hospital.client.schedule.ScheduleText;
import org.hospital.client.schedule.ScriptedFeeds;
import org.hospital.client.schedule.ScriptedStreams;
import org.hospital.client.testing.Direct;
import org.hospital.client.testing.Failures;
import org.hospital.client.testing.ManualScheduler;
import org.hospital.proto.common.v1.ErrorReason;
import org.hospital.proto.scheduling.v1.Appointment;
import org.hospital.proto.scheduling.v1.AppointmentStatus;
import org.hospital.proto.scheduling.v1.FindWaitListCandidatesResponse;
import org.hospital.proto.scheduling.v1.VisitType;
import org.junit.jupiter.api.Test;

class FreedSlotsViewModelTest {

  private static final Instant NOW = Instant.parse("2026-11-30T08:20:00Z");
  private static final Instant TOMORROW_NINE = Instant.parse("2026-12-01T09:00:00Z");

  private final FakeScheduleGateway schedule = new FakeScheduleGateway();
  private final FakeWaitListGateway waitList = new FakeWaitListGateway();
  private final ScriptedFeeds feeds = new ScriptedFeeds(new ManualScheduler());
  private final FreedSlotsViewModel vm = new FreedSlotsViewModel(Direct.ENGLISH, Direct.ERRORS,
      new ScheduleText(Direct.ENGLISH), Direct.tasks(), schedule, waitList, feeds, Clock.fixed(NOW, ZoneOffset.UTC));
  /** The hospital is in Prague (UTC+1 in winter): times show as the hospital reads them. */
  private final Clinic clinic = Clinic.of(schedule.listClinicians(), ZoneOffset.UTC);

  private static Appointment appointment(long id, long version, AppointmentStatus status, Instant start) {
    return ScriptedStreams.appointment(id, version, status, OKAFOR.getId(), start, "PATIENT" + id, "MRN-" + id);
  }

  private ScriptedStreams.Stream showWithSnapshot() {
    vm.show(clinic, GENMED);
    return feeds.last().streams().last().snapshot(5,
        appointment(1, 1, AppointmentStatus.BOOKED, TOMORROW_NINE),
        appointment(2, 2, AppointmentStatus.CANCELLED, TOMORROW_NINE.plusSeconds(900)),
        appointment(3, 1, AppointmentStatus.BOOKED, NOW.minusSeconds(3600)),
        appointment(4, 1, AppointmentStatus.BOOKED, TOMORROW_NINE.plusSeconds(1800)));
  }

  private void candidatesAre(boolean free, long... ids) {
    FindWaitListCandidatesResponse.Builder r = FindWaitListCandidatesResponse.newBuilder().setSlotFree(free);
    for (long id : ids) {
      r.addCandidates(entry(id, "WAITING, Patient " + id, id % 2 == 0 ? 0 : OKAFOR.getId(), VisitType.CONSULTATION,
          "Sooner please"));
    }
    waitList.candidates = r.build();
  }

  @Test
  void watchesTheDepartmentForAMonthAndIgnoresWhatTheFirstSnapshotShows() {
    showWithSnapshot();
    assertEquals(new ScheduleFilter(List.of(GENMED.getId()), List.of(), LocalDate.of(2026, 11, 30),
        LocalDate.of(2026, 12, 30)), feeds.last().filter());
    assertEquals(List.of(), waitList.calls, "a cancellation already in the snapshot is old news");
    assertTrue(vm.notices().isEmpty());
  }

  @Test
  void aCancelledFutureAppointmentAsksForCandidatesAndShowsACardNewestOnTop() {
    ScriptedStreams.Stream stream = showWithSnapshot();
    candidatesAre(true, 7, 8);
    stream.event(6, appointment(1, 2, AppointmentStatus.CANCELLED, TOMORROW_NINE));
    assertEquals(List.of("candidates 11 " + TOMORROW_NINE), waitList.calls);
    assertEquals(1, vm.notices().size());
    FreedSlotNotice card = vm.notices().getFirst();
    assertEquals("Dr. Amara Okafor \u00b7 Tue 1 Dec, 10:00", card.title());
    assertEquals(List.of(7L, 8L), card.candidates().stream().map(e -> e.getId()).toList());

    // a past appointment cancelled: nothing to offer, nobody asked
    stream.event(7, appointment(3, 2, AppointmentStatus.CANCELLED, NOW.minusSeconds(3600)));
    assertEquals(1, waitList.calls.size());
    // moved away: its old slot is free; the newest card goes on top
    candidatesAre(true, 9);
    stream.event(8, appointment(4, 2, AppointmentStatus.RESCHEDULED, TOMORROW_NINE.plusSeconds(1800)));
    assertEquals(List.of(9L, 7L), vm.notices().stream().map(n -> n.candidates().getFirst().getId()).toList());
  }

  @Test
  void noCardWhenTheSlotWasTakenAgainOrNobodyFits() {
    ScriptedStreams.Stream stream = showWithSnapshot();
    candidatesAre(false, 7);
    stream.event(6, appointment(1, 2, AppointmentStatus.CANCELLED, TOMORROW_NINE));
    candidatesAre(true);
    stream.event(7, appointment(4, 2, AppointmentStatus.CANCELLED, TOMORROW_NINE.plusSeconds(1800)));
    assertEquals(2, waitList.calls.size());
    assertTrue(vm.notices().isEmpty());
    assertEquals("", vm.errorMessageProperty().get());
  }

  @Test
  void bookingACandidateBooksTheSlotThenTakesTheEntryOffTheList() {
    ScriptedStreams.Stream stream = showWithSnapshot();
    candidatesAre(true, 7, 8);
    stream.event(6, appointment(1, 2, AppointmentStatus.CANCELLED, TOMORROW_NINE));
    candidatesAre(true, 7);
    stream.event(7, appointment(4, 2, AppointmentStatus.CANCELLED, TOMORROW_NINE.plusSeconds(1800)));
    FreedSlotNotice card = vm.notices().get(1);

    vm.book(card, card.candidates().getFirst());

    String book = schedule.calls.getLast();
    assertTrue(book.startsWith("book "), book);
    assertTrue(book.endsWith(" 11 107 " + TOMORROW_NINE + " CONSULTATION Sooner please"), book);
    assertEquals("remove 7 v3 Booked for Tuesday, December 1, 2026, 10:00", waitList.calls.getLast());
    assertEquals("WAITING, Patient 7 booked for Tuesday, December 1, 2026, 10:00 with Dr. Amara Okafor, and taken"
        + " off the wait list.", vm.noticeProperty().get());
    // the booked patient is nobody's candidate any more: the other card had only them and is gone
    assertEquals(List.of(), vm.notices().stream().toList());
  }

  @Test
  void aBookingThatCouldNotBeTakenOffTheListIsOneMessageThatSaysBoth() {
    ScriptedStreams.Stream stream = showWithSnapshot();
    candidatesAre(true, 7);
    stream.event(6, appointment(1, 2, AppointmentStatus.CANCELLED, TOMORROW_NINE));
    FreedSlotNotice card = vm.notices().getFirst();
    waitList.nextFailure = Status.UNAVAILABLE.asRuntimeException();

    vm.book(card, card.candidates().getFirst());

    assertTrue(vm.errorMessageProperty().get().startsWith("The booking is made, but the patient is still on the"
        + " wait list: Cannot reach the server"), vm.errorMessageProperty().get());
    assertEquals("", vm.noticeProperty().get(), "never a success and an error at once");
    assertFalse(vm.busyProperty().get());
  }

  @Test
  void aSlotTakenMeanwhileIsSaidPlainlyAndTheCardGoes() {
    ScriptedStreams.Stream stream = showWithSnapshot();
    candidatesAre(true, 7);
    stream.event(6, appointment(1, 2, AppointmentStatus.CANCELLED, TOMORROW_NINE));
    schedule.nextFailure = Failures.reason(Status.Code.ALREADY_EXISTS, ErrorReason.SLOT_TAKEN, Map.of());
    FreedSlotNotice card = vm.notices().getFirst();
    vm.book(card, card.candidates().getFirst());
    assertEquals("Too late: the slot Dr. Amara Okafor \u00b7 Tue 1 Dec, 10:00 was just taken by"
        + " another booking. WAITING, Patient 7 is still on the wait list.", vm.errorMessageProperty().get());
    assertTrue(vm.notices().isEmpty());
    assertTrue(waitList.calls.stream().noneMatch(c -> c.startsWith("remove")));
  }

  @Test
  void bookingTwiceForTheSameCardSendsTheSameKey() {
    ScriptedStreams.Stream stream = showWithSnapshot();
    candidatesAre(true, 7);
    stream.event(6, appointment(1, 2, AppointmentStatus.CANCELLED, TOMORROW_NINE));
    FreedSlotNotice card = vm.notices().getFirst();
    schedule.nextFailure = Status.DEADLINE_EXCEEDED.asRuntimeException();
    vm.book(card, card.candidates().getFirst());
    vm.book(card, card.candidates().getFirst());
    List<String> books = schedule.calls.stream().filter(c -> c.startsWith("book ")).toList();
    assertEquals(2, books.size());
    assertEquals(books.get(0), books.get(1), "a retry after a timeout is the same request");
  }

  @Test
  void dismissingDropsOnlyThatCardAndAnotherDepartmentStartsAfresh() {
    ScriptedStreams.Stream stream = showWithSnapshot();
    candidatesAre(true, 7);
    stream.event(6, appointment(1, 2, AppointmentStatus.CANCELLED, TOMORROW_NINE));
    stream.event(7, appointment(4, 2, AppointmentStatus.CANCELLED, TOMORROW_NINE.plusSeconds(1800)));
    vm.dismiss(vm.notices().getFirst());
    assertEquals(TOMORROW_NINE, vm.notices().getFirst().start());
    vm.show(clinic, FakeScheduleGateway.PAEDS);
    assertTrue(vm.notices().isEmpty());
    assertTrue(feeds.opened.getFirst().streams().last().cancelled, "the old department's stream is closed");
  }
}
