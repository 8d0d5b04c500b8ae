package org.hospital.server.wards.board;

import java.io.IOException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import org.hospital.proto.wards.v1.BedBoardEvent;
import org.hospital.proto.wards.v1.BedBoardUpdate;
import org.hospital.proto.wards.v1.BedTile;
import org.hospital.proto.wards.v1.Census;
import org.hospital.proto.wards.v1.Resumed;
import org.hospital.proto.wards.v1.WardServiceGrpc;
import org.hospital.server.errors.ProtoDates;
import org.hospital.server.live.DurableEventLog;
import org.hospital.server.live.LiveFeed;
import org.hospital.server.live.LiveFeeds;
import org.hospital.server.persistence.DbTime;

/**
 * The bed board's live feed on the server's one live hub: a changed bed becomes a row of bed_board_event whose
 * payload is the whole event (the bed's tile and its ward's census after the change).
 */
public final class BedBoardEvents implements DurableEventLog.Codec<BedBoardEvents.Change, BedBoardEventRecord>,
    LiveFeed.Messages<BedBoardEventRecord, BedBoardUpdate> {

  public static final String TOPIC = "bed_board";
  /** Beds change a few hundred times a day per hospital: a small ring holds hours of them. */
  static final int RING_SIZE = 1024;

  public record Change(BedTile tile, Census census) {}

  public static LiveFeed<Change, BedBoardEventRecord, BedBoardUpdate> open(LiveFeeds feeds) {
    BedBoardEvents events = new BedBoardEvents();
    return feeds.open(TOPIC, RING_SIZE, WardServiceGrpc.getSubscribeBedBoardMethod(), events, events);
  }

  @Override
  public List<String> columns() {
    return List.of("occurred_at", "ward_id", "bed_id", "payload");
  }

  @Override
  public BedBoardEventRecord bind(PreparedStatement ins, long seq, Change ch, Instant now) throws SQLException {
    BedBoardEvent message = BedBoardEvent.newBuilder().setSequence(seq).setOccurredAt(ProtoDates.timestamp(now))
        .setTile(ch.tile()).setCensus(ch.census()).build();
    DbTime.set(ins, 2, now);
    ins.setLong(3, ch.tile().getBed().getWardId());
    ins.setLong(4, ch.tile().getBed().getId());
    ins.setBytes(5, message.toByteArray());
    return new BedBoardEventRecord(seq, ch.tile().getBed().getWardId(), message);
  }

  @Override
  public BedBoardEventRecord read(ResultSet rs) throws SQLException, IOException {
    return new BedBoardEventRecord(rs.getLong("seq"), rs.getLong("ward_id"),
        BedBoardEvent.parseFrom(rs.getBytes("payload")));
  }

  @Override
  public BedBoardUpdate resumed(long afterSequence) {
    return BedBoardUpdate.newBuilder().setResumed(Resumed.newBuilder().setAfterSequence(afterSequence)).build();
  }

  @Override
  public BedBoardUpdate event(BedBoardEventRecord e) {
    return BedBoardUpdate.newBuilder().setEvent(e.message()).build();
  }
}
