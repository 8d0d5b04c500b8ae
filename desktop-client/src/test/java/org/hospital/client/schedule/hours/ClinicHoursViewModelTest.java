package org.hospital.client.schedule.hours;

import static org.hospital.client.schedule.FakeScheduleGateway.GENMED;
import static org.hospital.client.schedule.FakeScheduleGateway.OKAFOR;
import static org.hospital.client.schedule.FakeScheduleGateway.slot;
import static org.hospital.client.schedule.hours.FakeClinicHoursGateway.session;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.hospital.client.schedule.FakeScheduleGateway;
import org.hospital.client.schedule.IdempotencyKeys;
import org.hospital.client.schedule.ScheduleText;
import org.hospital.client.schedule.ScriptedScheduleDialogs;
import org.hospital.client.schedule.ScriptedStreams;
import org.hospital.client.testing.Direct;
import org.hospital.client.testing.Failures;
import org.hospital.client.testing.ManualExecutor;
import org.hospital.proto.scheduling.v1.Appointment;
import org.hospital.proto.scheduling.v1.AppointmentStatus;
import org.hospital.proto.scheduling.v1.ScheduleExceptionEntry;
import org.hospital.proto.scheduling.v1.ScheduleExceptionKind;
import org.hospital.proto.scheduling.v1.TemplateSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ClinicHoursViewModelTest {

  /** Monday 30 November 2026, 00:30 in Prague, still Sunday on the workstation's UTC clock. */
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-29T23:30:00Z"), ZoneOffset.UTC);
  private static final LocalDate TOMORROW = LocalDate.of(2026, 12, 1);
  /** Wednesday 2 December, 09:00 in Prague. */
  private static final Instant WEDNESDAY_NINE = Instant.parse("2026-12-02T08:00:00Z");

  private final FakeScheduleGateway schedule = new FakeScheduleGateway();
  private final FakeClinicHoursGateway hours = new FakeClinicHoursGateway();
  private final ScriptedScheduleDialogs dialogs = new ScriptedScheduleDialogs();
  private ExceptionFormViewModel shownForm;
  private ClinicHoursViewModel vm;

  @BeforeEach
  void setUp() {
    hours.sessions.addAll(List.of(session(1, "08:00", "12:00", 15), session(3, "08:00", "12:00", 15),
        session(3, "13:00", "17:00", 15)));
    vm = new ClinicHoursViewModel(Direct.ENGLISH, Direct.ERRORS, new HoursText(Direct.ENGLISH,
        new ScheduleText(Direct.ENGLISH)), Direct.tasks(), schedule, hours, dialogs, form -> shownForm = form, CLOCK);
    vm.start();
  }

  private static Appointment offSchedule(long id) {
    return ScriptedStreams.appointment(id, 4, AppointmentStatus.BOOKED, OKAFOR.getId(), WEDNESDAY_NINE,
        "DOE, Jane", "MRN-" + id);
  }

  @Test
  void opensTheFirstClinicianWithTheHoursValidFromTheHospitalsTomorrow() {
    assertEquals(GENMED, vm.departmentProperty().get());
    assertEquals(OKAFOR, vm.clinicianProperty().get(), "clinicians by name: Amara Okafor before Daniel Doctor");
    assertEquals(TOMORROW, vm.effectiveFromProperty().get(), "the hospital's tomorrow, not the workstation's");
    assertTrue(hours.calls.contains("schedule 11 2026-12-01"), hours.calls.toString());
    assertEquals(3, vm.rows().size());
    assertEquals(DayOfWeek.WEDNESDAY, vm.rows().get(2).weekdayProperty().get());
    assertEquals("13:00", vm.rows().get(2).startProperty().get());
    assertEquals("", vm.rows().get(2).maxAppointmentsProperty().get(), "0 is one per slot, shown as empty");
  }

  @Test
  void slipsInTheTableAreMarkedOnTheirRowAndNothingIsSent() {
    vm.addSession();
    SessionRow added = vm.rows().getLast();
    assertEquals(DayOfWeek.WEDNESDAY, added.weekdayProperty().get(), "a new row continues the last weekday");
    added.startProperty().set("11:30"); // into the Wednesday morning
    added.endProperty().set("13:30");
    vm.rows().getFirst().endProperty().set("7.30");
    vm.rows().get(1).slotMinutesProperty().set("2");

    vm.save();

    assertEquals("Write times as HH:MM, for example 08:30.", vm.rows().get(0).problemProperty().get());
    assertEquals("Slot length must be 5 to 240 minutes.", vm.rows().get(1).problemProperty().get());
    assertEquals("", vm.rows().get(2).problemProperty().get());
    assertEquals("Overlaps the Wednesday session 13:00\u201317:00.", added.problemProperty().get());
    assertEquals("Please correct the marked entries; nothing was saved.", vm.errorMessageProperty().get());
    assertTrue(hours.calls.stream().noneMatch(c -> c.startsWith("setWeeklyTemplate")), hours.calls.toString());
  }

  @Test
  void changesNeverStartTodayOrEarlier() {
    vm.effectiveFromProperty().set(LocalDate.of(2026, 11, 30));
    vm.save();
    assertEquals("Choose a day after today: changes never reach today or the past.",
        vm.effectiveFromProblemProperty().get());
    assertTrue(hours.calls.stream().noneMatch(c -> c.startsWith("setWeeklyTemplate")));
  }

  @Test
  void savingSendsTheRowsAndTellsHowManyBookingsNeedANewTime() {
    vm.removeSession(vm.rows().get(1));
    hours.offSchedule.add(offSchedule(5));

    vm.save();

    assertTrue(hours.calls.contains("setWeeklyTemplate 11 2026-12-01 2"), hours.calls.toString());
    assertEquals(List.of(session(1, "08:00", "12:00", 15), session(3, "13:00", "17:00", 15)), hours.sentSessions);
    assertEquals("New hours of Dr. Amara Okafor saved from Tue 1 Dec 2026. 1 booking needs a new time (listed "
        + "above).", vm.noticeProperty().get());
    assertEquals(List.of(offSchedule(5)), vm.offSchedule(), "reloaded after the change");
    assertEquals("schedule 11 2026-12-01", hours.calls.getLast());
  }

  @Test
  void theServersObjectionsAreShownAtTheRowAndFieldTheyName() {
    hours.nextFailure = Failures.invalid(Map.of(), "sessions[1].start_time", "OUT_OF_RANGE", "effective_from",
        "IN_PAST");
    vm.save();
    assertEquals("Start: Out of the allowed range.", vm.rows().get(1).problemProperty().get());
    assertEquals("", vm.rows().get(0).problemProperty().get());
    assertEquals("Cannot be in the past.", vm.effectiveFromProblemProperty().get());
    assertEquals("Some fields are not valid.", vm.errorMessageProperty().get());
  }

  @Test
  void rebookingOffersFreeSlotsAndMovesTheAppointmentAsTheDayViewDoes() {
    Instant friday = Instant.parse("2026-12-04T09:00:00Z");
    schedule.freeSlots = List.of(slot(OKAFOR.getId(), friday, true));
    dialogs.slotChoice = 0;

    vm.rebook(offSchedule(5));

    assertTrue(schedule.calls.contains("findFreeSlots 11 2026-11-30..2026-12-28"), schedule.calls.toString());
    assertEquals("Fri 4 Dec 2026, 10:00", dialogs.offeredSlots.getFirst().label(), "in the hospital's zone");
    assertEquals("chooseSlot New time for DOE, Jane \u00b7 MRN-5 (booked Wed 2 Dec 2026, 09:00)",
        dialogs.asked.getLast());
    String key = IdempotencyKeys.forStep("move", 5, 4, OKAFOR.getId(), friday);
    assertEquals("reschedule " + key + " 5 v4 " + friday + " 0", schedule.calls.getLast());
    assertEquals("Rebooked: DOE, Jane \u00b7 MRN-1 on Fri 4 Dec 2026, 10:00.", vm.noticeProperty().get());
    assertEquals("schedule 11 2026-12-01", hours.calls.getLast(), "the list is read again");
  }

  @Test
  void leaveForWholeDaysRunsFromTheFirstMidnightToTheMidnightAfterTheLastDay() {
    vm.addException();
    assertEquals(ScheduleExceptionKind.LEAVE, shownForm.kindProperty().get());
    assertTrue(shownForm.wholeDaysProperty().get(), "leave starts as whole days");
    assertEquals(TOMORROW, shownForm.fromDateProperty().get());
    shownForm.toDateProperty().set(LocalDate.of(2026, 12, 2));
    shownForm.noteProperty().set(" Conference ");
    hours.offSchedule.add(offSchedule(5));

    shownForm.submit();

    assertEquals(Instant.parse("2026-11-30T23:00:00Z").getEpochSecond(), hours.sentException.getStart().getSeconds());
    assertEquals(Instant.parse("2026-12-02T23:00:00Z").getEpochSecond(), hours.sentException.getEnd().getSeconds());
    assertEquals("Conference", hours.sentException.getNote());
    assertTrue(shownForm.doneProperty().get());
    assertEquals("Schedule of Dr. Amara Okafor changed. 1 booking needs a new time (listed above).",
        vm.noticeProperty().get());
    assertEquals(1, vm.exceptions().size(), "reloaded after the change");
  }

  @Test
  void theExceptionFormKeepsItsDialogOpenAndPointsAtTheFieldTheServerNames() {
    vm.addException();
    shownForm.kindProperty().set(ScheduleExceptionKind.EXTRA_SESSION);
    assertTrue(!shownForm.wholeDaysProperty().get(), "an extra session is hours of a day");
    shownForm.slotMinutesProperty().set("300");
    shownForm.submit();
    assertEquals("Slot length must be 5 to 240 minutes.", shownForm.slotProblemProperty().get());
    assertTrue(hours.calls.stream().noneMatch(c -> c.startsWith("addException")));

    shownForm.slotMinutesProperty().set("20");
    hours.nextFailure = Failures.invalid(Map.of(), "end", "IN_PAST");
    shownForm.submit();
    assertEquals("Cannot be in the past.", shownForm.toProblemProperty().get());
    assertTrue(!shownForm.doneProperty().get());
    assertEquals(20, hours.sentException == null ? 20 : -1, "nothing was added");
  }

  @Test
  void anExceptionIsRemovedOnlyAfterAskingAndOnlyWhenOneIsSelected() {
    ScheduleExceptionEntry leave = ScheduleExceptionEntry.newBuilder().setId(9).setKind(ScheduleExceptionKind.LEAVE)
        .setStart(ScriptedStreams.ts(WEDNESDAY_NINE)).setEnd(ScriptedStreams.ts(WEDNESDAY_NINE.plusSeconds(3600)))
        .build();
    hours.exceptions.add(leave);
    vm.load();
    vm.removeException();
    assertEquals("Select the entry to remove in the list first.", vm.errorMessageProperty().get());

    vm.selectedExceptionProperty().set(leave);
    dialogs.confirmAnswer = false;
    vm.removeException();
    assertTrue(hours.calls.stream().noneMatch(c -> c.startsWith("removeException")));

    dialogs.confirmAnswer = true;
    vm.removeException();
    assertTrue(hours.calls.contains("removeException 9"));
    assertEquals("Entry removed. All bookings still fit.", vm.noticeProperty().get());
    assertEquals(List.of(), vm.exceptions());
  }

  @Test
  void aTableThatCouldNotBeReadIsNeverSavedForTheClinician() {
    hours.nextFailure = Failures.reason(io.grpc.Status.Code.UNAVAILABLE,
        org.hospital.proto.common.v1.ErrorReason.ERROR_REASON_UNSPECIFIED, Map.of());
    vm.clinicianProperty().set(FakeScheduleGateway.DOCTOR);
    assertEquals(3, vm.rows().size(), "still the rows of Dr. Okafor, read before");

    vm.save();

    assertTrue(vm.errorMessageProperty().get().startsWith("The hours of this clinician have not been read yet"));
    assertTrue(hours.calls.stream().noneMatch(c -> c.startsWith("setWeeklyTemplate")), hours.calls.toString());
  }

  @Test
  void readingTheHoursIsBusyWhileOutAndTakesAwayAnOldError() {
    ManualExecutor background = new ManualExecutor();
    ClinicHoursViewModel slow = new ClinicHoursViewModel(Direct.ENGLISH, Direct.ERRORS, new HoursText(Direct.ENGLISH,
        new ScheduleText(Direct.ENGLISH)), Direct.tasks(background), schedule, hours, dialogs, form -> { }, CLOCK);
    slow.start();
    background.runAll();
    slow.removeException();
    assertEquals("Select the entry to remove in the list first.", slow.errorMessageProperty().get());

    slow.effectiveFromProperty().set(TOMORROW.plusDays(7));

    assertTrue(slow.busyProperty().get(), "nothing can be saved while the table is being read");
    background.runAll();
    assertFalse(slow.busyProperty().get());
    assertEquals("", slow.errorMessageProperty().get(), "the error was about the table read before");
  }

  @Test
  void aFailedRemovalIsStillSaidOnceTheListIsReadAgain() {
    ScheduleExceptionEntry leave = ScheduleExceptionEntry.newBuilder().setId(9).setKind(ScheduleExceptionKind.LEAVE)
        .setStart(ScriptedStreams.ts(WEDNESDAY_NINE)).setEnd(ScriptedStreams.ts(WEDNESDAY_NINE.plusSeconds(3600)))
        .build();
    hours.exceptions.add(leave);
    vm.load();
    vm.selectedExceptionProperty().set(leave);
    dialogs.confirmAnswer = true;
    hours.nextFailure = io.grpc.Status.UNAVAILABLE.asRuntimeException();

    vm.removeException();

    assertEquals("schedule 11 2026-12-01", hours.calls.getLast(), "the list is read again");
    assertTrue(vm.errorMessageProperty().get().startsWith("Cannot reach the server"),
        vm.errorMessageProperty().get());
  }

  @Test
  void sessionsAreSentAsTyped() {
    SessionRow row = new SessionRow(DayOfWeek.FRIDAY, " 09:00", "10:30 ", "20", "3");
    assertEquals(TemplateSession.newBuilder().setWeekday(5).setStartTime("09:00").setEndTime("10:30")
        .setSlotMinutes(20).setMaxAppointments(3).build(), row.toProto());
  }
}
