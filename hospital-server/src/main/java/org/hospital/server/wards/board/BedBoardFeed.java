package org.hospital.server.wards.board;

import io.grpc.stub.ServerCallStreamObserver;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.hospital.proto.wards.v1.BedBoardSnapshot;
import org.hospital.proto.wards.v1.BedBoardUpdate;
import org.hospital.proto.wards.v1.BedTile;
import org.hospital.server.audit.AuditAction;
import org.hospital.server.audit.AuditEvent;
import org.hospital.server.audit.AuditOutcome;
import org.hospital.server.audit.AuditTrail;
import org.hospital.server.live.DurableEventLog.Snapshot;
import org.hospital.server.live.LiveFeed;
import org.hospital.server.security.CurrentUser;

/**
 * SubscribeBedBoard: the bed board's {@link LiveFeed}, started from a snapshot of the ward's beds (or every
 * ward's) with their census; the snapshot is audited with the patients it shows.
 */
public final class BedBoardFeed {

  private final LiveFeed<?, BedBoardEventRecord, BedBoardUpdate> feed;
  private final AuditTrail audit;

  public BedBoardFeed(LiveFeed<?, BedBoardEventRecord, BedBoardUpdate> feed, AuditTrail audit) {
    this.feed = feed;
    this.audit = audit;
  }

  public void subscribe(long wardId, long afterSequence, ServerCallStreamObserver<BedBoardUpdate> out,
      CurrentUser user, BooleanSupplier sessionOpen) {
    feed.subscribe(afterSequence, e -> wardId == 0 || e.wardId() == wardId, () -> snapshot(wardId, user), out,
        sessionOpen);
  }

  private Snapshot<BedBoardUpdate> snapshot(long wardId, CurrentUser user) {
    Snapshot<BedBoardSnapshot> s = feed.snapshot(c -> BedBoardSnapshot.newBuilder()
        .addAllWards(BoardStore.wards(c)).addAllBeds(BoardStore.tiles(c, wardId))
        .addAllCensus(BoardStore.censuses(c, wardId)).build());
    List<BedTile> occupied = s.contents().getBedsList().stream().filter(BedTile::hasOccupant).toList();
    if (!occupied.isEmpty()) {
      audit.record(AuditEvent.by(user, AuditAction.BED_BOARD_VIEWED, AuditEvent.NO_PATIENT, "ward=" + wardId
          + " sequence=" + s.sequence() + " patients=" + occupied.stream()
          .map(t -> Long.toString(t.getOccupant().getPatientId())).collect(Collectors.joining(",")),
          AuditOutcome.SUCCESS));
    }
    return new Snapshot<>(s.sequence(), BedBoardUpdate.newBuilder()
        .setSnapshot(s.contents().toBuilder().setSequence(s.sequence())).build());
  }
}
