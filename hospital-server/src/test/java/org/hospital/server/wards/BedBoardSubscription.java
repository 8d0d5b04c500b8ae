package org.hospital.server.wards;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hospital.proto.wards.v1.BedBoardEvent;
import org.hospital.proto.wards.v1.BedBoardUpdate;
import org.hospital.proto.wards.v1.BedTile;
import org.hospital.proto.wards.v1.SubscribeBedBoardRequest;
import org.hospital.proto.wards.v1.WardServiceGrpc;
import org.hospital.server.testing.RecordedStream;

/** A live bed board as a workstation keeps it: every bed's newest tile, applied by the bed's version. */
final class BedBoardSubscription extends RecordedStream<SubscribeBedBoardRequest, BedBoardUpdate> {

  private final Map<Long, BedTile> beds = new HashMap<>();

  private BedBoardSubscription(boolean manualFlow) {
    super(manualFlow);
  }

  static BedBoardSubscription open(WardServiceGrpc.WardServiceStub stub, SubscribeBedBoardRequest request,
      boolean manualFlow) {
    BedBoardSubscription s = new BedBoardSubscription(manualFlow);
    stub.subscribeBedBoard(request, s);
    return s;
  }

  @Override
  protected Kind kind(BedBoardUpdate u) {
    return switch (u.getKindCase()) {
      case SNAPSHOT -> Kind.SNAPSHOT;
      case RESUMED -> Kind.RESUMED;
      case EVENT -> Kind.EVENT;
      default -> fail("unexpected update " + u);
    };
  }

  @Override
  protected long apply(BedBoardUpdate u) {
    switch (u.getKindCase()) {
      case SNAPSHOT -> {
        beds.clear();
        u.getSnapshot().getBedsList().forEach(t -> beds.put(t.getBed().getId(), t));
        return u.getSnapshot().getSequence();
      }
      case RESUMED -> {
        return u.getResumed().getAfterSequence();
      }
      case EVENT -> {
        BedTile t = u.getEvent().getTile();
        BedTile known = beds.get(t.getBed().getId());
        if (known == null || known.getBed().getVersion() <= t.getBed().getVersion()) {
          beds.put(t.getBed().getId(), t);
        }
        return u.getEvent().getSequence();
      }
      default -> {
        return fail("unexpected update " + u);
      }
    }
  }

  synchronized BedTile bed(long id) {
    return beds.get(id);
  }

  synchronized List<BedBoardEvent> events() {
    return updates().stream().filter(BedBoardUpdate::hasEvent).map(BedBoardUpdate::getEvent).toList();
  }
}
