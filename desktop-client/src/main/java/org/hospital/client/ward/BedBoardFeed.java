package org.hospital.client.ward;

import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.hospital.client.live.Backoff;
import org.hospital.client.live.FeedItems;
import org.hospital.client.live.FeedUpdate;
import org.hospital.client.live.LiveFeed;
import org.hospital.client.tasks.UiScheduler;
import org.hospital.proto.wards.v1.BedBoardUpdate;
import org.hospital.proto.wards.v1.BedTile;
import org.hospital.proto.wards.v1.SubscribeBedBoardRequest;
import org.hospital.proto.wards.v1.Ward;

/**
 * The live bed board of every ward: a {@link LiveFeed} of bed tiles over SubscribeBedBoard. The ward picker
 * filters on the workstation (a hospital has a few hundred beds), so one stream serves every ward.
 */
public final class BedBoardFeed {

  /** Tiles are told apart by bed; the bed's version orders two states (equal: the later event wins). */
  public static final FeedItems<BedTile> TILES = new FeedItems<>() {
    @Override
    public long key(BedTile item) {
      return item.getBed().getId();
    }

    @Override
    public long version(BedTile item) {
      return item.getBed().getVersion();
    }
  };

  private BedBoardFeed() {
  }

  /** Builds (does not start) the feed; {@code wards} hears the ward list of every snapshot. */
  public static LiveFeed<BedBoardUpdate, BedTile> create(WardGateway gateway, Consumer<List<Ward>> wards,
      Executor ui, UiScheduler scheduler) {
    return new LiveFeed<>((after, observer) -> gateway.subscribe(SubscribeBedBoardRequest.newBuilder()
        .setAfterSequence(after).build(), observer), u -> {
          if (u.hasSnapshot()) {
            wards.accept(u.getSnapshot().getWardsList());
          }
          return read(u);
        }, TILES, ui, scheduler, Backoff.standard());
  }

  /** The board stream's messages in the terms of every live feed. */
  public static FeedUpdate<BedTile> read(BedBoardUpdate update) {
    return switch (update.getKindCase()) {
      case SNAPSHOT -> new FeedUpdate.Snapshot<>(update.getSnapshot().getSequence(),
          update.getSnapshot().getBedsList());
      case RESUMED -> new FeedUpdate.Resumed<>(update.getResumed().getAfterSequence());
      case EVENT -> new FeedUpdate.Change<>(update.getEvent().getSequence(), update.getEvent().getTile());
      case KIND_NOT_SET -> new FeedUpdate.Unknown<>();
    };
  }
}
