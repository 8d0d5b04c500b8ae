package org.hospital.client.schedule.queue;

import static org.hospital.client.schedule.FakeScheduleGateway.GENMED;
import static org.hospital.client.schedule.FakeScheduleGateway.OKAFOR;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.hospital.client.schedule.Clinic;
import org.hospital.client.schedule.FakeScheduleGateway;
import org.hospital.client.schedule.LiveQueue;
import org.hospital.client.schedule.ScheduleFilter;
import org.hospital.client.schedule.ScheduleText;
import org.hospital.client.schedule.ScriptedFeeds;
import org.hospital.client.schedule.ScriptedStreams;
import org.hospital.client.testing.Direct;
import org.hospital.client.testing.ManualScheduler;
import org.hospital.proto.scheduling.v1.Appointment;
import org.hospital.proto.scheduling.v1.AppointmentStatus;
import org.junit.jupiter.api.Test;

class FrontDeskQueuesViewModelTest {

  /** A clock the test moves, as the waiting room's minutes go by. */
  private static final class MovableClock extends Clock {
    Instant now = Instant.parse("2026-11-30T08:20:00Z");

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return Clock.fixed(now, zone);
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  private final FakeScheduleGateway gateway = new FakeScheduleGateway();
  private final ManualScheduler timers = new ManualScheduler();
  private final ScriptedFeeds feeds = new ScriptedFeeds(timers);
  private final MovableClock clock = new MovableClock();
  private final FrontDeskQueuesViewModel vm = new FrontDeskQueuesViewModel(Direct.ENGLISH, Direct.ERRORS,
      new ScheduleText(Direct.ENGLISH), Direct.tasks(), gateway, feeds, timers, clock);
  private final Clinic clinic = Clinic.of(gateway.listClinicians(), ZoneOffset.UTC);

  private static Appointment at(long id, String start, AppointmentStatus status, String checkedIn) {
    Appointment a = ScriptedStreams.appointment(id, 1, status, OKAFOR.getId(), Instant.parse(start),
        "PATIENT" + id, "MRN-" + id);
    if (checkedIn != null) {
      Instant t = Instant.parse(checkedIn);
      a = a.toBuilder().setCheckedInAt(Timestamp.newBuilder().setSeconds(t.getEpochSecond())).build();
    }
    return a;
  }

  @Test
  void listsExpectedPatientsByTimeAndTheWaitingRoomByArrival() {
    vm.show(clinic, GENMED);
    assertEquals(ScheduleFilter.department(GENMED.getId(), LocalDate.of(2026, 11, 30)), feeds.last().filter());
    feeds.last().streams().last().snapshot(3,
        at(1, "2026-11-30T10:00:00Z", AppointmentStatus.BOOKED, null),
        at(2, "2026-11-30T08:45:00Z", AppointmentStatus.BOOKED, null),
        at(3, "2026-11-30T09:00:00Z", AppointmentStatus.CHECKED_IN, "2026-11-30T08:10:00Z"),
        at(4, "2026-11-30T08:30:00Z", AppointmentStatus.CHECKED_IN, "2026-11-30T08:15:00Z"),
        at(5, "2026-11-30T08:00:00Z", AppointmentStatus.COMPLETED, null),
        at(6, "2026-11-30T11:00:00Z", AppointmentStatus.CANCELLED, null));

    assertEquals(List.of(2L, 1L), vm.arrivals().stream().map(e -> e.appointment().getId()).toList());
    assertEquals("09:45", vm.arrivals().getFirst().time(), "in the hospital's time");
    assertEquals(List.of(3L, 4L), vm.waiting().stream().map(e -> e.appointment().getId()).toList(),
        "whoever came first waits longest");
    assertEquals(List.of("10 min", "5 min"), vm.waiting().stream().map(QueueEntry::waited).toList());
  }

  @Test
  void waitingTimesTickWithoutAnyUpdate() {
    vm.show(clinic, GENMED);
    feeds.last().streams().last().snapshot(3,
        at(3, "2026-11-30T09:00:00Z", AppointmentStatus.CHECKED_IN, "2026-11-30T08:10:00Z"));
    clock.now = clock.now.plus(Duration.ofMinutes(62));
    timers.advance(LiveQueue.TICK);
    assertEquals("1 h 12 min", vm.waiting().getFirst().waited());
  }

  @Test
  void aCheckInMovesThePatientFromExpectedToWaiting() {
    vm.show(clinic, GENMED);
    feeds.last().streams().last().snapshot(3, at(1, "2026-11-30T10:00:00Z", AppointmentStatus.BOOKED, null));
    vm.checkIn(vm.arrivals().getFirst());
    assertTrue(gateway.calls.getLast().startsWith("checkIn "));
    assertEquals("Checked in: DOE, Jane \u00b7 MRN-1.", vm.noticeProperty().get());

    // the server's event is what moves the line, on every desk alike
    feeds.last().streams().last().event(4, at(1, "2026-11-30T10:00:00Z", AppointmentStatus.CHECKED_IN,
        "2026-11-30T08:20:00Z").toBuilder().setVersion(2).build());
    assertEquals(List.of(), vm.arrivals());
    assertEquals(1, vm.waiting().size());
    assertEquals("0 min", vm.waiting().getFirst().waited());
  }

  @Test
  void anExpectedPatientCannotBeCheckedInBeforeTheWindowOpensAndCanOnceItHas() {
    vm.show(clinic, GENMED);
    feeds.last().streams().last().snapshot(3, at(1, "2026-11-30T15:00:00Z", AppointmentStatus.BOOKED, null));
    String refusal = vm.arrivals().getFirst().checkInRefusal();
    assertEquals("Check-in opens at 14:00 on the day: this appointment is on Monday 30 November at 16:00.", refusal,
        "in the hospital's time, one hour ahead of UTC");

    vm.checkIn(vm.arrivals().getFirst());
    assertEquals(refusal, vm.errorMessageProperty().get(), "the desk's button says why, and so does a try");
    assertTrue(gateway.calls.stream().noneMatch(c -> c.startsWith("checkIn ")), "nothing was sent");

    // two hours before the start the window opens, on the minute tick and without any update
    clock.now = Instant.parse("2026-11-30T13:00:00Z");
    timers.advance(LiveQueue.TICK);
    assertEquals("", vm.arrivals().getFirst().checkInRefusal());
  }

  @Test
  void anotherDepartmentClosesTheOldFeedAndStopsItsTimer() {
    vm.show(clinic, GENMED);
    ScriptedFeeds.Opened first = feeds.last();
    vm.show(clinic, FakeScheduleGateway.PAEDS);
    assertTrue(first.streams().last().cancelled);
    assertEquals(1, timers.activeCount(), "one ticking timer, for the list on screen");
    vm.dispose();
    assertEquals(0, timers.activeCount());
  }
}
