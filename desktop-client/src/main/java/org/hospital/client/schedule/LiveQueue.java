package org.hospital.client.schedule;

import java.time.Duration;
import java.util.List;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ChangeListener;
import org.hospital.client.live.FeedStatus;
import org.hospital.client.live.LiveFeed;
import org.hospital.client.tasks.Cancellable;
import org.hospital.client.tasks.UiScheduler;
import org.hospital.proto.scheduling.v1.Appointment;
import org.hospital.proto.scheduling.v1.ScheduleUpdate;

/**
 * The appointments behind a list of people waiting (the front desk's queues, a doctor's worklist), followed
 * live. The list is redrawn on every change the feed brings and also every {@link #TICK} in between, because
 * the waiting times it shows move on with the clock, not with the feed. The feed's status is passed on so the
 * screen can say while the list cannot be trusted.
 */
public final class LiveQueue {

  /** Waiting times are whole minutes; redrawing more often would change nothing on screen. */
  public static final Duration TICK = Duration.ofSeconds(20);

  private final ScheduleFeed.Factory feeds;
  private final UiScheduler scheduler;
  private final Runnable redraw;
  private final ReadOnlyObjectWrapper<FeedStatus> status = new ReadOnlyObjectWrapper<>(FeedStatus.CONNECTING);
  private final ChangeListener<Number> feedChanged;
  private final ChangeListener<FeedStatus> feedStatusChanged = (obs, old, now) -> status.set(now);

  private LiveFeed<ScheduleUpdate, Appointment> feed;
  private Cancellable tick = Cancellable.NONE;

  /** @param redraw rebuilds the screen's list from {@link #items()} */
  public LiveQueue(ScheduleFeed.Factory feeds, UiScheduler scheduler, Runnable redraw) {
    this.feeds = feeds;
    this.scheduler = scheduler;
    this.redraw = redraw;
    this.feedChanged = (obs, old, now) -> redraw.run();
  }

  /** Follows the appointments {@code filter} selects, in place of whatever was followed before. */
  public void follow(ScheduleFilter filter) {
    close();
    feed = feeds.open(filter);
    feed.revisionProperty().addListener(feedChanged);
    feed.statusProperty().addListener(feedStatusChanged);
    status.set(feed.statusProperty().get());
    scheduleTick();
  }

  /** Stops following: the feed is closed and nothing is redrawn any more. */
  public void close() {
    tick.cancel();
    if (feed != null) {
      feed.revisionProperty().removeListener(feedChanged);
      feed.statusProperty().removeListener(feedStatusChanged);
      feed.close();
      feed = null;
    }
  }

  public boolean following() {
    return feed != null;
  }

  /** The appointments as the feed has them now; none while nothing is followed. */
  public List<Appointment> items() {
    return feed == null ? List.of() : feed.items();
  }

  public ReadOnlyObjectProperty<FeedStatus> statusProperty() {
    return status.getReadOnlyProperty();
  }

  private void scheduleTick() {
    tick.cancel();
    tick = scheduler.schedule(TICK, () -> {
      redraw.run();
      scheduleTick();
    });
  }
}
