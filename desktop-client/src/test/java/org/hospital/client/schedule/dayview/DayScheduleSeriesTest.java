package org.hospital.client.schedule.dayview;

import static org.hospital.client.schedule.FakeScheduleGateway.OKAFOR;
import static org.hospital.client.schedule.FakeScheduleGateway.slot;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.hospital.client.schedule.FakeScheduleGateway;
import org.hospital.client.schedule.ScheduleText;
import org.hospital.client.schedule.ScriptedFeeds;
import org.hospital.client.schedule.ScriptedScheduleDialogs;
import org.hospital.client.schedule.ScriptedStreams;
import org.hospital.client.testing.Direct;
import org.hospital.client.testing.ManualScheduler;
import org.hospital.proto.scheduling.v1.Appointment;
import org.hospital.proto.scheduling.v1.AppointmentStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The day view's part in series (cancel this and the following ones) and overbooking (open a taken slot). */
class DayScheduleSeriesTest {

  private static final ZoneId PRAGUE = ZoneId.of("Europe/Prague");
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-30T07:00:00Z"), ZoneOffset.UTC);
  private static final LocalDate MONDAY = LocalDate.of(2026, 11, 30);
  private static final Instant NINE = Instant.parse("2026-11-30T08:00:00Z");

  private final FakeScheduleGateway gateway = new FakeScheduleGateway();
  private final ScriptedFeeds feeds = new ScriptedFeeds(new ManualScheduler());
  private final ScriptedScheduleDialogs dialogs = new ScriptedScheduleDialogs();
  private DayScheduleViewModel vm;

  @BeforeEach
  void setUp() {
    gateway.slots.add(slot(OKAFOR.getId(), NINE, false));
    vm = new DayScheduleViewModel(Direct.ENGLISH, Direct.ERRORS, new ScheduleText(Direct.ENGLISH), Direct.tasks(),
        gateway, feeds, dialogs, CLOCK);
    vm.start();
  }

  private static Appointment secondOfFour() {
    return ScriptedStreams.appointment(2, 1, AppointmentStatus.BOOKED, OKAFOR.getId(), NINE, "DOE, Jane", "MRN-2")
        .toBuilder().setSeriesId(70).setSeriesPosition(2).setSeriesCount(4).build();
  }

  private DayGrid.Cell nine() {
    return vm.gridProperty().get().cellAt(OKAFOR.getId(), MONDAY.atTime(LocalTime.of(9, 0)).atZone(PRAGUE)
        .toInstant()).orElseThrow();
  }

  @Test
  void aSeriesMemberIsCancelledAloneOrWithTheFollowingOnes() {
    feeds.last().streams().last().snapshot(5, secondOfFour());
    vm.select(nine());
    dialogs.cancelReason = "Moved away";
    vm.cancel();
    assertEquals("seriesCancel 09:00 \u2014 DOE, Jane \u00b7 MRN-2 with Dr. Amara Okafor / This appointment is 2"
        + " of 4 in a series.", dialogs.asked.getLast());
    assertEquals("cancel 2 v1 Moved away", gateway.calls.getLast());

    dialogs.cancelFollowing = true;
    vm.cancel();
    assertEquals("cancelWithFollowing 2 v1 Moved away", gateway.calls.getLast());
    assertEquals("Cancelled: DOE, Jane \u00b7 MRN-2, 2 appointments of the series.", vm.noticeProperty().get());
  }

  @Test
  void onlyAnAdministratorOpensTheBookingDialogOnATakenSlot() {
    feeds.last().streams().last().snapshot(5, secondOfFour());
    vm.select(nine());
    vm.book();
    assertTrue(dialogs.asked.isEmpty(), "a taken slot is not for the front desk");
    assertEquals("Select a free slot first.", vm.errorMessageProperty().get());

    vm.allowOverbooking(true);
    vm.book();
    assertEquals(List.of("book"), dialogs.asked);
    assertTrue(dialogs.bookingSlot.taken());
    assertFalse(dialogs.bookingSlot.walkIn());
  }

  @Test
  void aBookedSeriesIsAnnouncedWithItsSize() {
    vm.allowOverbooking(true);
    vm.select(nine());
    vm.book();
    dialogs.booked.accept(secondOfFour().toBuilder().setSeriesPosition(1).build());
    assertEquals("Booked 4 appointments for DOE, Jane \u00b7 MRN-2, from Monday, November 30, 2026.",
        vm.noticeProperty().get());
    ScheduleText text = new ScheduleText(Direct.ENGLISH);
    assertEquals("2/4", text.seriesMark(secondOfFour()));
    assertEquals("Follow-up \u00b7 2/4", text.visitTypeAndSeries(secondOfFour().toBuilder()
        .setVisitType(org.hospital.proto.scheduling.v1.VisitType.FOLLOW_UP).build()));
    assertEquals("", text.seriesMark(secondOfFour().toBuilder().clearSeriesId().build()));
  }
}
