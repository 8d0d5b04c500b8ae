package org.hospital.client.schedule;

import static org.hospital.client.schedule.ScriptedStreams.appointment;
import static org.hospital.proto.scheduling.v1.AppointmentStatus.BOOKED;
import static org.hospital.proto.scheduling.v1.AppointmentStatus.CANCELLED;
import static org.hospital.proto.scheduling.v1.AppointmentStatus.CHECKED_IN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.Status;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import org.hospital.client.live.Backoff;
import org.hospital.client.live.FeedStatus;
import org.hospital.client.live.LiveFeed;
import org.hospital.client.testing.Direct;
import org.hospital.client.testing.ManualExecutor;
import org.hospital.client.testing.ManualScheduler;
import org.hospital.proto.scheduling.v1.Appointment;
import org.hospital.proto.scheduling.v1.ScheduleUpdate;
import org.junit.jupiter.api.Test;

class ScheduleFeedTest {

  private final ScriptedStreams streams = new ScriptedStreams();
  private final ManualScheduler clock = new ManualScheduler();
  private final LiveFeed<ScheduleUpdate, Appointment> feed = new LiveFeed<>(streams, ScheduleFeed::read,
      ScheduleFeed.APPOINTMENTS, Direct.EXECUTOR, clock, Backoff.standard());

  private List<String> shown() {
    return feed.items().stream().sorted(Comparator.comparingLong(Appointment::getId))
        .map(a -> a.getId() + ":" + a.getStatus() + "@" + a.getVersion()).toList();
  }

  @Test
  void appliesTheSnapshotThenEventsInOrder() {
    feed.start();
    assertEquals(FeedStatus.CONNECTING, feed.statusProperty().get());
    assertEquals(0, streams.last().afterSequence, "a first subscription asks for a snapshot");

    streams.last().snapshot(10, appointment(1, 1, BOOKED), appointment(2, 3, BOOKED))
        .event(12, appointment(1, 2, CHECKED_IN))
        .event(15, appointment(3, 1, BOOKED));

    assertEquals(FeedStatus.LIVE, feed.statusProperty().get());
    assertEquals(List.of("1:CHECKED_IN@2", "2:BOOKED@3", "3:BOOKED@1"), shown());
    assertEquals(15, feed.lastSequence());
    assertEquals(3, feed.revisionProperty().get(), "one redraw per applied message");
  }

  @Test
  void dropsEventsAtOrBelowTheLastSequence() {
    feed.start();
    streams.last().snapshot(10, appointment(1, 1, BOOKED))
        .event(10, appointment(1, 2, CANCELLED)) // already in the snapshot
        .event(11, appointment(1, 2, CHECKED_IN))
        .event(11, appointment(1, 3, CANCELLED)) // repeated sequence
        .event(9, appointment(2, 1, BOOKED)); // older than the snapshot

    assertEquals(List.of("1:CHECKED_IN@2"), shown());
    assertEquals(11, feed.lastSequence());
  }

  @Test
  void neverLetsAnOlderVersionOverwriteANewerOne() {
    feed.start();
    streams.last().snapshot(10, appointment(1, 5, CHECKED_IN))
        .event(11, appointment(1, 4, BOOKED));

    assertEquals(List.of("1:CHECKED_IN@5"), shown());
    assertEquals(11, feed.lastSequence(), "the sequence still counts as seen");
  }

  @Test
  void refusesEventsBeforeTheStreamSaysWhereItStarts() {
    feed.start();
    streams.last().event(12, appointment(1, 1, BOOKED));

    assertEquals(List.of(), shown(), "an event without a snapshot may follow a gap; it is not applied");
    assertEquals(FeedStatus.RECONNECTING, feed.statusProperty().get());
    assertTrue(streams.last().cancelled);

    clock.advance(Duration.ofMillis(500));
    assertEquals(2, streams.opened.size());
    assertEquals(0, streams.last().afterSequence, "starting over asks for a fresh snapshot");
  }

  @Test
  void reconnectsWithBackoffAndResumesAfterTheLastSequence() {
    feed.start();
    streams.last().snapshot(10, appointment(1, 1, BOOKED)).event(14, appointment(2, 1, BOOKED));

    streams.last().fail(Status.UNAVAILABLE.asRuntimeException());
    assertEquals(FeedStatus.RECONNECTING, feed.statusProperty().get());
    clock.advance(Duration.ofMillis(499));
    assertEquals(1, streams.opened.size(), "waits before trying again");
    clock.advance(Duration.ofMillis(1));
    assertEquals(2, streams.opened.size());
    assertEquals(14, streams.last().afterSequence);

    streams.last().fail(Status.UNAVAILABLE.asRuntimeException()); // still down: waits twice as long
    clock.advance(Duration.ofMillis(999));
    assertEquals(2, streams.opened.size());
    clock.advance(Duration.ofMillis(1));
    assertEquals(3, streams.opened.size());
    assertEquals(14, streams.last().afterSequence);

    streams.last().resumed(14).event(14, appointment(2, 1, BOOKED)).event(16, appointment(1, 2, CANCELLED));
    assertEquals(FeedStatus.RESYNCED, feed.statusProperty().get());
    assertEquals(List.of("1:CANCELLED@2", "2:BOOKED@1"), shown());
    assertEquals(16, feed.lastSequence());

    clock.advance(LiveFeed.RESYNCED_NOTICE);
    assertEquals(FeedStatus.LIVE, feed.statusProperty().get());
  }

  @Test
  void backoffStopsGrowingAtFiveSecondsAndStartsShortAgainAfterSuccess() {
    feed.start();
    streams.last().snapshot(1);
    long[] expectedWaits = {500, 1000, 2000, 4000, 5000, 5000};
    for (long wait : expectedWaits) {
      int before = streams.opened.size();
      streams.last().fail(Status.UNAVAILABLE.asRuntimeException());
      clock.advance(Duration.ofMillis(wait - 1));
      assertEquals(before, streams.opened.size(), "still waiting before " + wait + " ms");
      clock.advance(Duration.ofMillis(1));
      assertEquals(before + 1, streams.opened.size(), "retried after " + wait + " ms");
    }
    streams.last().resumed(1);
    streams.last().fail(Status.UNAVAILABLE.asRuntimeException());
    clock.advance(Duration.ofMillis(500));
    assertEquals(expectedWaits.length + 2, streams.opened.size());
  }

  @Test
  void aResumeFromAnotherPointIsRefusedAndASnapshotRequested() {
    feed.start();
    streams.last().snapshot(10, appointment(1, 1, BOOKED));
    streams.last().fail(Status.UNAVAILABLE.asRuntimeException());
    clock.advance(Duration.ofMillis(500));

    streams.last().resumed(7); // would replay changes already applied, or skip some
    assertTrue(streams.last().cancelled);
    clock.advance(Duration.ofSeconds(1));
    assertEquals(0, streams.last().afterSequence);
    assertEquals(List.of("1:BOOKED@1"), shown(), "what was shown stays until the new snapshot");

    streams.last().snapshot(20, appointment(1, 3, CHECKED_IN));
    assertEquals(FeedStatus.RESYNCED, feed.statusProperty().get());
    assertEquals(List.of("1:CHECKED_IN@3"), shown());
  }

  @Test
  void aFreshSnapshotAfterReconnectingReplacesEverything() {
    feed.start();
    streams.last().snapshot(10, appointment(1, 1, BOOKED), appointment(2, 1, BOOKED));
    streams.last().fail(Status.UNAVAILABLE.asRuntimeException());
    clock.advance(Duration.ofMillis(500));

    // the server no longer holds the events after 10: it sends a new snapshot instead of Resumed
    streams.last().snapshot(40, appointment(2, 4, CANCELLED), appointment(3, 1, BOOKED));
    assertEquals(List.of("2:CANCELLED@4", "3:BOOKED@1"), shown());
    assertEquals(FeedStatus.RESYNCED, feed.statusProperty().get());
  }

  @Test
  void messagesOfAnAbandonedStreamAreIgnored() {
    feed.start();
    ScriptedStreams.Stream first = streams.last();
    first.snapshot(10, appointment(1, 1, BOOKED));
    first.fail(Status.UNAVAILABLE.asRuntimeException());
    first.event(11, appointment(1, 2, CANCELLED)); // late message on the dead stream

    assertEquals(List.of("1:BOOKED@1"), shown());
    assertEquals(10, feed.lastSequence());
  }

  @Test
  void aStreamTheServerEndsIsReopenedToo() {
    feed.start();
    streams.last().snapshot(3);
    streams.last().observer.onCompleted();
    assertEquals(FeedStatus.RECONNECTING, feed.statusProperty().get());
    clock.advance(Duration.ofMillis(500));
    assertEquals(3, streams.last().afterSequence);
  }

  @Test
  void closingStopsStreamsAndRetries() {
    feed.start();
    streams.last().snapshot(3);
    streams.last().fail(Status.UNAVAILABLE.asRuntimeException());
    feed.close();
    clock.advance(Duration.ofSeconds(30));
    assertEquals(1, streams.opened.size());
  }

  @Test
  void updatesReachTheStateOnlyThroughTheUiExecutor() {
    ManualExecutor ui = new ManualExecutor();
    LiveFeed<ScheduleUpdate, Appointment> queued = new LiveFeed<>(streams, ScheduleFeed::read,
        ScheduleFeed.APPOINTMENTS, ui, clock, Backoff.standard());
    queued.start();
    streams.last().snapshot(5, appointment(1, 1, BOOKED));
    assertEquals(List.of(), queued.items(), "nothing changes off the UI thread");
    ui.runAll();
    assertEquals(1, queued.items().size());
  }
}
