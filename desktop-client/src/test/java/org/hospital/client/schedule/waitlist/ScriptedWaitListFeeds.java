package org.hospital.client.schedule.waitlist;

import java.util.ArrayList;
import java.util.List;
import org.hospital.client.live.Backoff;
import org.hospital.client.live.FeedObserver;
import org.hospital.client.live.FeedSource;
import org.hospital.client.live.LiveFeed;
import org.hospital.client.tasks.Cancellable;
import org.hospital.client.testing.Direct;
import org.hospital.client.testing.ManualScheduler;
import org.hospital.proto.scheduling.v1.Resumed;
import org.hospital.proto.scheduling.v1.WaitListEntry;
import org.hospital.proto.scheduling.v1.WaitListEvent;
import org.hospital.proto.scheduling.v1.WaitListEventType;
import org.hospital.proto.scheduling.v1.WaitListSnapshot;
import org.hospital.proto.scheduling.v1.WaitListUpdate;

/**
 * Opens real {@link LiveFeed}s over wait-list streams the test drives by hand (as ScriptedFeeds does for the
 * schedule), and remembers each opening with its department.
 */
final class ScriptedWaitListFeeds implements WaitListFeed.Factory {

  /** One opened stream of a feed. */
  static final class Stream {
    final long afterSequence;
    private final FeedObserver<WaitListUpdate> observer;
    boolean cancelled;

    Stream(long afterSequence, FeedObserver<WaitListUpdate> observer) {
      this.afterSequence = afterSequence;
      this.observer = observer;
    }

    Stream snapshot(long sequence, WaitListEntry... entries) {
      observer.onNext(WaitListUpdate.newBuilder().setSnapshot(WaitListSnapshot.newBuilder().setSequence(sequence)
          .addAllEntries(List.of(entries))).build());
      return this;
    }

    Stream resumed(long after) {
      observer.onNext(WaitListUpdate.newBuilder().setResumed(Resumed.newBuilder().setAfterSequence(after)).build());
      return this;
    }

    Stream added(long sequence, WaitListEntry entry) {
      return event(sequence, WaitListEventType.ENTRY_ADDED, entry);
    }

    /** The entry as taken off: removed, one version on. */
    Stream removed(long sequence, WaitListEntry entry) {
      return event(sequence, WaitListEventType.ENTRY_REMOVED, entry.toBuilder().setRemoved(true)
          .setVersion(entry.getVersion() + 1).build());
    }

    private Stream event(long sequence, WaitListEventType type, WaitListEntry entry) {
      observer.onNext(WaitListUpdate.newBuilder().setEvent(WaitListEvent.newBuilder().setSequence(sequence)
          .setType(type).setEntry(entry)).build());
      return this;
    }

    void fail(Throwable failure) {
      observer.onError(failure);
    }
  }

  /** One feed: its department and every stream it opened. */
  record Opened(long departmentId, List<Stream> streams, LiveFeed<WaitListUpdate, WaitListEntry> feed) {
    Stream last() {
      return streams.getLast();
    }
  }

  final List<Opened> opened = new ArrayList<>();
  private final ManualScheduler clock;

  ScriptedWaitListFeeds(ManualScheduler clock) {
    this.clock = clock;
  }

  @Override
  public LiveFeed<WaitListUpdate, WaitListEntry> open(long departmentId) {
    List<Stream> streams = new ArrayList<>();
    FeedSource<WaitListUpdate> source = (after, observer) -> {
      Stream s = new Stream(after, observer);
      streams.add(s);
      return (Cancellable) () -> s.cancelled = true;
    };
    LiveFeed<WaitListUpdate, WaitListEntry> feed = new LiveFeed<>(source, WaitListFeed::read, WaitListFeed.ENTRIES,
        Direct.EXECUTOR, clock, Backoff.standard());
    feed.start();
    opened.add(new Opened(departmentId, streams, feed));
    return feed;
  }

  Opened last() {
    return opened.getLast();
  }
}
