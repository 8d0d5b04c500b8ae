package org.hospital.client.schedule;

import java.util.ArrayList;
import java.util.List;
import org.hospital.client.live.Backoff;
import org.hospital.client.live.LiveFeed;
import org.hospital.client.testing.Direct;
import org.hospital.client.testing.ManualScheduler;
import org.hospital.proto.scheduling.v1.Appointment;
import org.hospital.proto.scheduling.v1.ScheduleUpdate;

/** Opens real {@link LiveFeed}s over scripted streams, and remembers each with its filter. */
public final class ScriptedFeeds implements ScheduleFeed.Factory {

  public record Opened(ScheduleFilter filter, ScriptedStreams streams, LiveFeed<ScheduleUpdate, Appointment> feed) {
  }

  public final List<Opened> opened = new ArrayList<>();
  private final ManualScheduler clock;

  public ScriptedFeeds(ManualScheduler clock) {
    this.clock = clock;
  }

  @Override
  public LiveFeed<ScheduleUpdate, Appointment> open(ScheduleFilter filter) {
    ScriptedStreams streams = new ScriptedStreams();
    LiveFeed<ScheduleUpdate, Appointment> feed = new LiveFeed<>(streams, ScheduleFeed::read,
        ScheduleFeed.APPOINTMENTS, Direct.EXECUTOR, clock, Backoff.standard());
    feed.start();
    opened.add(new Opened(filter, streams, feed));
    return feed;
  }

  public Opened last() {
    return opened.getLast();
  }
}
