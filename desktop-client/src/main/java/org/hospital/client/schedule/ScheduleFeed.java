package org.hospital.client.schedule;

import java.util.concurrent.Executor;
import org.hospital.client.live.Backoff;
import org.hospital.client.live.FeedItems;
import org.hospital.client.live.FeedUpdate;
import org.hospital.client.live.LiveFeed;
import org.hospital.client.tasks.UiScheduler;
import org.hospital.proto.scheduling.v1.Appointment;
import org.hospital.proto.scheduling.v1.ScheduleUpdate;

/**
 * The live schedule: a {@link LiveFeed} of appointments over SubscribeSchedule. One feed per filter; a screen
 * that changes its filter (another day, another department) closes its feed and opens a new one, because a
 * sequence number only means something for the filter it was received under.
 */
public final class ScheduleFeed {

  /** Appointments are told apart by id; their optimistic-locking version orders two states of one. */
  public static final FeedItems<Appointment> APPOINTMENTS = new FeedItems<>() {
    @Override
    public long key(Appointment item) {
      return item.getId();
    }

    @Override
    public long version(Appointment item) {
      return item.getVersion();
    }
  };

  private ScheduleFeed() {
  }

  /** Builds (does not start) the feed for one filter. */
  public static LiveFeed<ScheduleUpdate, Appointment> create(ScheduleGateway gateway, ScheduleFilter filter,
      Executor ui, UiScheduler scheduler) {
    return new LiveFeed<>((after, observer) -> gateway.subscribe(filter.toRequest(after), observer),
        ScheduleFeed::read, APPOINTMENTS, ui, scheduler, Backoff.standard());
  }

  /** The schedule stream's messages in the terms of every live feed. */
  public static FeedUpdate<Appointment> read(ScheduleUpdate update) {
    return switch (update.getKindCase()) {
      case SNAPSHOT -> new FeedUpdate.Snapshot<>(update.getSnapshot().getSequence(),
          update.getSnapshot().getAppointmentsList());
      case RESUMED -> new FeedUpdate.Resumed<>(update.getResumed().getAfterSequence());
      case EVENT -> new FeedUpdate.Change<>(update.getEvent().getSequence(), update.getEvent().getAppointment());
      case KIND_NOT_SET -> new FeedUpdate.Unknown<>();
    };
  }

  /** Opens feeds; screens get this rather than the gateway, so tests can hand them scripted streams. */
  @FunctionalInterface
  public interface Factory {
    LiveFeed<ScheduleUpdate, Appointment> open(ScheduleFilter filter);
  }
}
