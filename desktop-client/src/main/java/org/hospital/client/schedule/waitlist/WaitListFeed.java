package org.hospital.client.schedule.waitlist;

import java.util.concurrent.Executor;
import org.hospital.client.live.Backoff;
import org.hospital.client.live.FeedItems;
import org.hospital.client.live.FeedUpdate;
import org.hospital.client.live.LiveFeed;
import org.hospital.client.tasks.UiScheduler;
import org.hospital.proto.scheduling.v1.SubscribeWaitListRequest;
import org.hospital.proto.scheduling.v1.WaitListEntry;
import org.hospital.proto.scheduling.v1.WaitListUpdate;

/**
 * The live wait list of one department: a {@link LiveFeed} of entries over SubscribeWaitList. Removed entries
 * stay in the feed (marked {@code removed}, with a higher version) so that an older event can never bring them
 * back; the panel leaves them out. One feed per department, as for the schedule (0102).
 */
public final class WaitListFeed {

  /** Entries are told apart by id; their optimistic-locking version orders two states of one. */
  public static final FeedItems<WaitListEntry> ENTRIES = new FeedItems<>() {
    @Override
    public long key(WaitListEntry item) {
      return item.getId();
    }

    @Override
    public long version(WaitListEntry item) {
      return item.getVersion();
    }
  };

  private WaitListFeed() {
  }

  /** Builds (does not start) the feed of a department's entries (its clinicians' and department-wide ones). */
  public static LiveFeed<WaitListUpdate, WaitListEntry> create(WaitListGateway gateway, long departmentId,
      Executor ui, UiScheduler scheduler) {
    return new LiveFeed<>((after, observer) -> gateway.subscribe(SubscribeWaitListRequest.newBuilder()
        .addDepartmentIds(departmentId).setAfterSequence(after).build(), observer),
        WaitListFeed::read, ENTRIES, ui, scheduler, Backoff.standard());
  }

  /** The wait-list stream's messages in the terms of every live feed. */
  public static FeedUpdate<WaitListEntry> read(WaitListUpdate update) {
    return switch (update.getKindCase()) {
      case SNAPSHOT -> new FeedUpdate.Snapshot<>(update.getSnapshot().getSequence(),
          update.getSnapshot().getEntriesList());
      case RESUMED -> new FeedUpdate.Resumed<>(update.getResumed().getAfterSequence());
      case EVENT -> new FeedUpdate.Change<>(update.getEvent().getSequence(), update.getEvent().getEntry());
      case KIND_NOT_SET -> new FeedUpdate.Unknown<>();
    };
  }

  /** Opens (and starts) feeds; the panel gets this rather than the gateway, so tests can script the streams. */
  @FunctionalInterface
  public interface Factory {
    LiveFeed<WaitListUpdate, WaitListEntry> open(long departmentId);
  }
}
