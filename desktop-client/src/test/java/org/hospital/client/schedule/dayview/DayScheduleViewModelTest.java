package org.hospital.client.schedule.dayview;

import static org.hospital.client.schedule.FakeScheduleGateway.DOCTOR;
import static org.hospital.client.schedule.FakeScheduleGateway.GENMED;
import static org.hospital.client.schedule.FakeScheduleGateway.OKAFOR;
import static org.hospital.client.schedule.FakeScheduleGateway.PAEDS;
import static org.hospital.client.schedule.FakeScheduleGateway.slot;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.Status;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.hospital.client.live.FeedStatus;
import org.hospital.client.schedule.FakeScheduleGateway;
import org.hospital.client.schedule.ScheduleFilter;
import org.hospital.client.schedule.ScheduleText;
import org.hospital.client.schedule.ScriptedFeeds;
import org.hospital.client.schedule.ScriptedScheduleDialogs;
import org.hospital.client.schedule.ScriptedStreams;
import org.hospital.client.testing.Direct;
import org.hospital.client.testing.Failures;
import org.hospital.client.testing.ManualScheduler;
import org.hospital.proto.common.v1.ErrorReason;
import org.hospital.proto.scheduling.v1.Appointment;
import org.hospital.proto.scheduling.v1.AppointmentStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DayScheduleViewModelTest {

  private static final ZoneId PRAGUE = ZoneId.of("Europe/Prague");
  /** Monday 30 November 2026, 08:00 in Prague; the workstation itself runs on UTC. */
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-30T07:00:00Z"), ZoneOffset.UTC);
  private static final LocalDate MONDAY = LocalDate.of(2026, 11, 30);
  private static final Instant NINE = Instant.parse("2026-11-30T08:00:00Z");
  private static final Instant NINE_FIFTEEN = Instant.parse("2026-11-30T08:15:00Z");

  private final FakeScheduleGateway gateway = new FakeScheduleGateway();
  private final ManualScheduler timers = new ManualScheduler();
  private final ScriptedFeeds feeds = new ScriptedFeeds(timers);
  private final ScriptedScheduleDialogs dialogs = new ScriptedScheduleDialogs();
  private DayScheduleViewModel vm;

  @BeforeEach
  void setUp() {
    gateway.slots.addAll(List.of(slot(OKAFOR.getId(), NINE, true), slot(OKAFOR.getId(), NINE_FIFTEEN, true),
        slot(DOCTOR.getId(), NINE, false), slot(DOCTOR.getId(), NINE_FIFTEEN, true)));
    vm = new DayScheduleViewModel(Direct.ENGLISH, Direct.ERRORS, new ScheduleText(Direct.ENGLISH), Direct.tasks(),
        gateway, feeds, dialogs, CLOCK);
    vm.start();
  }

  private static Appointment booked(long id, long clinicianId, Instant start) {
    return ScriptedStreams.appointment(id, 1, AppointmentStatus.BOOKED, clinicianId, start, "DOE, Jane", "MRN-" + id);
  }

  private DayGrid.Cell cell(long clinicianId, String time) {
    return cell(clinicianId, MONDAY, time);
  }

  private DayGrid.Cell cell(long clinicianId, LocalDate day, String time) {
    return vm.gridProperty().get().cellAt(clinicianId, day.atTime(LocalTime.parse(time)).atZone(PRAGUE).toInstant())
        .orElseThrow();
  }

  @Test
  void opensTheFirstDepartmentForTodayInTheHospitalsZone() {
    assertEquals(GENMED, vm.departmentProperty().get(), "departments are offered by name");
    assertEquals(List.of(GENMED, PAEDS), vm.departments());
    assertEquals(MONDAY, vm.dateProperty().get());
    assertTrue(gateway.calls.contains("listSlots [11, 10] 2026-11-30..2026-11-30"), gateway.calls.toString());
    assertEquals(ScheduleFilter.department(GENMED.getId(), MONDAY), feeds.last().filter());
    DayGrid grid = vm.gridProperty().get();
    assertEquals(List.of(new DayGrid.Column(OKAFOR.getId(), MONDAY, "Dr. Amara Okafor"),
        new DayGrid.Column(DOCTOR.getId(), MONDAY, "Dr. Daniel Doctor")), grid.columns());
    assertEquals("Monday, November 30, 2026", vm.periodTextProperty().get());
    assertEquals(List.of(LocalTime.of(9, 0), LocalTime.of(9, 15)), grid.times(), "rows in the hospital's time");
    assertFalse(cell(DOCTOR.getId(), "09:00").free(), "before the live picture, the slot's own flag counts");
  }

  @Test
  void theLivePictureDecidesWhichSlotsAreFree() {
    feeds.last().streams().last().snapshot(5, booked(1, OKAFOR.getId(), NINE));
    assertFalse(cell(OKAFOR.getId(), "09:00").free());
    assertEquals(1, cell(OKAFOR.getId(), "09:00").appointments().size());
    assertTrue(cell(DOCTOR.getId(), "09:00").free(), "nobody holds it any more");

    // booked at another desk: shows here at once
    feeds.last().streams().last().event(6, booked(2, OKAFOR.getId(), NINE_FIFTEEN));
    assertFalse(cell(OKAFOR.getId(), "09:15").free());
    // cancelled elsewhere: free again, and the card goes
    feeds.last().streams().last().event(7, booked(2, OKAFOR.getId(), NINE_FIFTEEN).toBuilder().setVersion(2)
        .setStatus(AppointmentStatus.CANCELLED).build());
    assertTrue(cell(OKAFOR.getId(), "09:15").free());
    assertTrue(cell(OKAFOR.getId(), "09:15").appointments().isEmpty());
  }

  @Test
  void booksTheSelectedFreeSlotThroughTheDialog() {
    vm.select(cell(OKAFOR.getId(), "09:15"));
    vm.book();
    assertEquals(List.of("book"), dialogs.asked);
    assertEquals(OKAFOR.getId(), dialogs.bookingSlot.clinicianId());
    assertEquals(NINE_FIFTEEN, dialogs.bookingSlot.start());
    assertEquals(PRAGUE, dialogs.bookingSlot.zone());

    vm.select(null);
    dialogs.booked.accept(booked(9, OKAFOR.getId(), NINE_FIFTEEN));
    assertEquals("Booked: DOE, Jane \u00b7 MRN-9 at 09:15 with Dr. Amara Okafor.", vm.noticeProperty().get());
    // the new appointment is selected once the live schedule shows it
    feeds.last().streams().last().snapshot(5).event(6, booked(9, OKAFOR.getId(), NINE_FIFTEEN));
    assertEquals(9, vm.selectedAppointment().orElseThrow().getId());
  }

  @Test
  void bookingNeedsAFreeSlot() {
    vm.book();
    assertEquals("Select a free slot first.", vm.errorMessageProperty().get());
    vm.select(cell(DOCTOR.getId(), "09:00"));
    vm.book();
    assertEquals("Select a free slot first.", vm.errorMessageProperty().get());
    assertEquals(List.of(), dialogs.asked);
  }

  @Test
  void checksInWithOneActionAndRetriesWithTheSameKey() {
    feeds.last().streams().last().snapshot(5, booked(1, OKAFOR.getId(), NINE));
    vm.select(cell(OKAFOR.getId(), "09:00"));

    gateway.nextFailure = io.grpc.Status.DEADLINE_EXCEEDED.asRuntimeException();
    vm.checkIn();
    assertEquals("The server is too slow to answer. Please try again.", vm.errorMessageProperty().get());
    vm.checkIn();
    assertEquals("Checked in: DOE, Jane \u00b7 MRN-1.", vm.noticeProperty().get());
    assertEquals("", vm.errorMessageProperty().get());

    List<String> checkIns = gateway.calls.stream().filter(c -> c.startsWith("checkIn")).toList();
    assertEquals(2, checkIns.size());
    assertEquals(checkIns.get(0), checkIns.get(1), "a retry of the same check-in sends the same key");
  }

  @Test
  void checkInIsOnlyForBookedAppointments() {
    feeds.last().streams().last().snapshot(5, ScriptedStreams.appointment(1, 2, AppointmentStatus.CHECKED_IN,
        OKAFOR.getId(), NINE, "DOE, Jane", "MRN-1"));
    vm.select(cell(OKAFOR.getId(), "09:00"));
    vm.checkIn();
    assertEquals("Select a booked appointment to check the patient in.", vm.errorMessageProperty().get());
    assertTrue(gateway.calls.stream().noneMatch(c -> c.startsWith("checkIn")));
  }

  @Test
  void cancelsWithTheReasonGivenAndNotWhenTheDialogIsDismissed() {
    feeds.last().streams().last().snapshot(5, booked(1, OKAFOR.getId(), NINE));
    vm.select(cell(OKAFOR.getId(), "09:00"));

    vm.cancel();
    assertEquals("cancelReason 09:00 \u2014 DOE, Jane \u00b7 MRN-1 with Dr. Amara Okafor", dialogs.asked.getLast());
    assertTrue(gateway.calls.stream().noneMatch(c -> c.startsWith("cancel")));

    dialogs.cancelReason = "Patient phoned";
    vm.cancel();
    assertTrue(gateway.calls.contains("cancel 1 v1 Patient phoned"), gateway.calls.toString());
    assertEquals("Cancelled: DOE, Jane \u00b7 MRN-1.", vm.noticeProperty().get());
  }

  @Test
  void noShowIsConfirmedFirst() {
    feeds.last().streams().last().snapshot(5, booked(1, OKAFOR.getId(), NINE));
    vm.select(cell(OKAFOR.getId(), "09:00"));
    vm.markNoShow();
    assertTrue(gateway.calls.stream().noneMatch(c -> c.startsWith("updateStatus")));
    dialogs.confirmAnswer = true;
    vm.markNoShow();
    assertTrue(gateway.calls.contains("updateStatus 1 v1 NO_SHOW"));
  }

  @Test
  void movesToAChosenFreeSlotKeepingTheClinician() {
    feeds.last().streams().last().snapshot(5, booked(1, OKAFOR.getId(), NINE));
    vm.select(cell(OKAFOR.getId(), "09:00"));
    Instant tomorrow = Instant.parse("2026-12-01T09:30:00Z");
    gateway.freeSlots = List.of(slot(OKAFOR.getId(), tomorrow, true));
    dialogs.slotChoice = 0;

    vm.move();
    assertTrue(gateway.calls.contains("findFreeSlots 11 2026-11-30..2026-12-14"), gateway.calls.toString());
    assertEquals("Tuesday, December 1, 2026, 10:30 \u2014 Dr. Amara Okafor", dialogs.offeredSlots.getFirst().label());
    String move = gateway.calls.getLast();
    assertTrue(move.startsWith("reschedule ") && move.endsWith(" 1 v1 2026-12-01T09:30:00Z 0"), move);
  }

  @Test
  void dragAndDropMovesOntoAFreeCellOfAnotherClinician() {
    feeds.last().streams().last().snapshot(5, booked(1, OKAFOR.getId(), NINE));
    vm.moveTo(1, cell(DOCTOR.getId(), "09:15"));
    assertTrue(gateway.calls.getLast().endsWith(" 1 v1 " + NINE_FIFTEEN + " " + DOCTOR.getId()),
        gateway.calls.getLast());

    vm.moveTo(1, cell(OKAFOR.getId(), "09:00"));
    assertEquals("Select a free slot first.", vm.errorMessageProperty().get());
  }

  @Test
  void aSlotTakenMeanwhileIsReportedInWords() {
    feeds.last().streams().last().snapshot(5, booked(1, OKAFOR.getId(), NINE));
    vm.moveTo(1, cell(DOCTOR.getId(), "09:15"));
    gateway.nextFailure = Failures.reason(Status.Code.ALREADY_EXISTS, ErrorReason.SLOT_TAKEN, Map.of());
    vm.moveTo(1, cell(OKAFOR.getId(), "09:15"));
    assertEquals("This time has just been booked by someone else. Choose another time.",
        vm.errorMessageProperty().get());
  }

  @Test
  void anotherDayOrDepartmentOpensItsOwnFeedAndClosesTheOld() {
    ScriptedFeeds.Opened monday = feeds.last();
    monday.streams().last().snapshot(5, booked(1, OKAFOR.getId(), NINE));
    vm.nextDay();
    assertTrue(monday.streams().last().cancelled, "the old stream is ended");
    assertEquals(ScheduleFilter.department(GENMED.getId(), MONDAY.plusDays(1)), feeds.last().filter());
    assertTrue(gateway.calls.contains("listSlots [11, 10] 2026-12-01..2026-12-01"));

    vm.departmentProperty().set(PAEDS);
    assertEquals(ScheduleFilter.department(PAEDS.getId(), MONDAY.plusDays(1)), feeds.last().filter());
    vm.today();
    assertEquals(MONDAY, vm.dateProperty().get());
  }

  @Test
  void feedStatusIsShownAndFollowsReconnection() {
    assertEquals(FeedStatus.CONNECTING, vm.feedStatusProperty().get());
    feeds.last().streams().last().snapshot(5);
    assertEquals(FeedStatus.LIVE, vm.feedStatusProperty().get());
    feeds.last().streams().last().fail(Status.UNAVAILABLE.asRuntimeException());
    assertEquals(FeedStatus.RECONNECTING, vm.feedStatusProperty().get());
    timers.advance(java.time.Duration.ofMillis(500));
    feeds.last().streams().last().resumed(5);
    assertEquals(FeedStatus.RESYNCED, vm.feedStatusProperty().get());
    assertNotEquals(1, feeds.last().streams().opened.size());
  }

  @Test
  void selectionStaysOnTheSameCellWhenTheGridIsRedrawn() {
    feeds.last().streams().last().snapshot(5);
    vm.select(cell(OKAFOR.getId(), "09:15"));
    feeds.last().streams().last().event(6, booked(2, OKAFOR.getId(), NINE_FIFTEEN));
    assertEquals(2, vm.selectedAppointment().orElseThrow().getId());
  }

  @Test
  void aWalkInGoesToTheClinicianOfTheSelectedColumn() {
    vm.select(cell(DOCTOR.getId(), "09:15"));
    vm.walkIn();
    assertEquals("walkIn Dr. Daniel Doctor of 2", dialogs.asked.getLast());
    dialogs.booked.accept(Appointment.newBuilder().setId(600).setClinicianId(DOCTOR.getId())
        .setPatientName("DOE, Jane").setPatientMrn("MRN-1").build());
    assertEquals("Walk-in checked in: DOE, Jane \u00b7 MRN-1, for Dr. Daniel Doctor.", vm.noticeProperty().get());
  }

  @Test
  void aSlotThatHasBegunIsNotOfferedForBooking() {
    gateway.slots.add(slot(OKAFOR.getId(), Instant.parse("2026-11-30T06:45:00Z"), true)); // 07:45, before now
    vm.nextDay();
    vm.previousDay();
    DayGrid.Cell begun = cell(OKAFOR.getId(), "07:45");
    assertTrue(begun.free() && begun.past() && !begun.bookable());
    assertTrue(cell(OKAFOR.getId(), "09:00").bookable());

    vm.select(begun);
    vm.book();
    assertEquals("This slot has already begun; choose a later one.", vm.errorMessageProperty().get());
    assertEquals(List.of(), dialogs.asked);
    feeds.last().streams().last().snapshot(5, booked(1, OKAFOR.getId(), NINE));
    vm.moveTo(1, begun);
    assertEquals("Select a free slot first.", vm.errorMessageProperty().get());
  }

  @Test
  void theWeekViewShowsOneClinicianFromMondayToSunday() {
    gateway.slots.add(slot(OKAFOR.getId(), Instant.parse("2026-12-02T08:00:00Z"), true)); // Wednesday 09:00
    vm.dateProperty().set(LocalDate.of(2026, 12, 3)); // any day of the week
    vm.spanProperty().set(DayScheduleViewModel.Span.WEEK);
    assertEquals(OKAFOR, vm.weekClinicianProperty().get(), "the department's first clinician");
    assertTrue(gateway.calls.contains("listSlots [11] 2026-11-30..2026-12-06"), gateway.calls.toString());
    assertEquals(ScheduleFilter.clinician(OKAFOR.getId(), MONDAY, MONDAY.plusDays(6)), feeds.last().filter());
    DayGrid grid = vm.gridProperty().get();
    assertEquals(List.of("Mon 30 Nov", "Wed 2 Dec"), grid.columns().stream().map(DayGrid.Column::title).toList(),
        "only the days with slots or appointments");
    assertEquals("Week of Monday, November 30, 2026 \u2014 Dr. Amara Okafor", vm.periodTextProperty().get());
    assertTrue(cell(OKAFOR.getId(), LocalDate.of(2026, 12, 2), "09:00").bookable());

    feeds.last().streams().last().snapshot(3, booked(7, OKAFOR.getId(), Instant.parse("2026-12-02T08:00:00Z")));
    assertFalse(cell(OKAFOR.getId(), LocalDate.of(2026, 12, 2), "09:00").free());

    vm.nextDay();
    assertTrue(gateway.calls.contains("listSlots [11] 2026-12-07..2026-12-13"), "a week at a time in the week view");
    vm.weekClinicianProperty().set(DOCTOR);
    assertEquals(ScheduleFilter.clinician(DOCTOR.getId(), LocalDate.of(2026, 12, 7), LocalDate.of(2026, 12, 13)),
        feeds.last().filter());
    vm.spanProperty().set(DayScheduleViewModel.Span.DAY);
    assertEquals(ScheduleFilter.department(GENMED.getId(), LocalDate.of(2026, 12, 10)), feeds.last().filter());
  }

  @Test
  void aSlotFoundByTheFinderShowsItsDayAndDepartmentAndOpensTheBookingDialog() {
    Instant tuesdayTen = Instant.parse("2026-12-01T09:00:00Z");
    dialogs.found = new org.hospital.client.schedule.SlotChoice(FakeScheduleGateway.MOREAU.getId(), tuesdayTen, "");
    vm.findFreeSlot();
    assertEquals(List.of("findFreeSlot General Medicine", "book"), dialogs.asked);
    assertEquals(PAEDS, vm.departmentProperty().get(), "the found clinician's department");
    assertEquals(MONDAY.plusDays(1), vm.dateProperty().get());
    assertEquals(FakeScheduleGateway.MOREAU.getId(), dialogs.bookingSlot.clinicianId());
    assertEquals(tuesdayTen, dialogs.bookingSlot.start());
    dialogs.booked.accept(booked(9, FakeScheduleGateway.MOREAU.getId(), tuesdayTen));
    assertEquals("Booked: DOE, Jane \u00b7 MRN-9 at 10:00 with Dr. Claire Moreau.", vm.noticeProperty().get());
  }

  @Test
  void aBookingMarkedClinicianUnavailableMakesTheSlotsBeReadAgain() {
    feeds.last().streams().last().snapshot(5, booked(1, OKAFOR.getId(), NINE));
    long before = gateway.calls.stream().filter(c -> c.startsWith("listSlots")).count();
    feeds.last().streams().last().event(6, booked(1, OKAFOR.getId(), NINE).toBuilder().setVersion(2)
        .setClinicianUnavailable(true).build());
    assertEquals(before + 1, gateway.calls.stream().filter(c -> c.startsWith("listSlots")).count());
    feeds.last().streams().last().event(7, booked(2, OKAFOR.getId(), NINE_FIFTEEN));
    assertEquals(before + 1, gateway.calls.stream().filter(c -> c.startsWith("listSlots")).count(),
        "an ordinary booking changes no hours");
    feeds.last().streams().last().event(8, booked(1, OKAFOR.getId(), NINE).toBuilder().setVersion(3).build());
    assertEquals(before + 2, gateway.calls.stream().filter(c -> c.startsWith("listSlots")).count());
  }
}
