package org.hospital.client.lab;

import java.util.concurrent.Executor;
import org.hospital.client.live.Backoff;
import org.hospital.client.live.FeedItems;
import org.hospital.client.live.FeedUpdate;
import org.hospital.client.live.LiveFeed;
import org.hospital.client.tasks.UiScheduler;
import org.hospital.proto.lab.v1.ResultsInboxEvent;
import org.hospital.proto.lab.v1.ResultsInboxItem;
import org.hospital.proto.lab.v1.ResultsInboxUpdate;

/** The doctor's results inbox as a {@link LiveFeed} over SubscribeResultsInbox, one entry per order. */
public final class ResultsInboxFeed {

  /** Entries are told apart by order; the order's version orders two states (equal: the later event wins). */
  public static final FeedItems<InboxEntry> ENTRIES = new FeedItems<>() {
    @Override
    public long key(InboxEntry item) {
      return item.orderId();
    }

    @Override
    public long version(InboxEntry item) {
      return item.version();
    }
  };

  private ResultsInboxFeed() {
  }

  /** Builds (does not start) the feed. */
  public static LiveFeed<ResultsInboxUpdate, InboxEntry> create(ResultsInboxGateway gateway, Executor ui,
      UiScheduler scheduler) {
    return new LiveFeed<>(gateway::subscribe, ResultsInboxFeed::read, ENTRIES, ui, scheduler, Backoff.standard());
  }

  /** The inbox stream's messages in the terms of every live feed. */
  public static FeedUpdate<InboxEntry> read(ResultsInboxUpdate update) {
    return switch (update.getKindCase()) {
      case SNAPSHOT -> new FeedUpdate.Snapshot<>(update.getSnapshot().getSequence(),
          update.getSnapshot().getItemsList().stream().map(ResultsInboxFeed::entry).toList());
      case RESUMED -> new FeedUpdate.Resumed<>(update.getResumed().getAfterSequence());
      case EVENT -> change(update.getEvent());
      case KIND_NOT_SET -> new FeedUpdate.Unknown<>();
    };
  }

  private static FeedUpdate<InboxEntry> change(ResultsInboxEvent e) {
    return switch (e.getChangeCase()) {
      case ITEM -> new FeedUpdate.Change<>(e.getSequence(), entry(e.getItem()));
      case REMOVED_ORDER_ID -> new FeedUpdate.Change<>(e.getSequence(),
          new InboxEntry(e.getRemovedOrderId(), e.getRemovedVersion(), null));
      case CHANGE_NOT_SET -> new FeedUpdate.Unknown<>();
    };
  }

  private static InboxEntry entry(ResultsInboxItem i) {
    return new InboxEntry(i.getOrder().getId(), i.getOrder().getVersion(), i);
  }
}
