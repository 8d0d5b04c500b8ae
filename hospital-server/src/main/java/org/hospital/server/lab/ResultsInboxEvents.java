package org.hospital.server.lab;

import java.io.IOException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import org.hospital.proto.lab.v1.InboxResumed;
import org.hospital.proto.lab.v1.LabServiceGrpc;
import org.hospital.proto.lab.v1.ResultsInboxEvent;
import org.hospital.proto.lab.v1.ResultsInboxItem;
import org.hospital.proto.lab.v1.ResultsInboxUpdate;
import org.hospital.server.errors.ProtoDates;
import org.hospital.server.live.DurableEventLog;
import org.hospital.server.live.LiveFeed;
import org.hospital.server.live.LiveFeeds;
import org.hospital.server.persistence.DbTime;

/**
 * The doctors' results inbox on the server's one live hub: an order that gained results, was corrected or was
 * acknowledged becomes a row of results_inbox_event whose payload is the whole event (the item, or the order
 * that left the inbox), with the ordering doctor beside it for the per-subscriber filter.
 */
final class ResultsInboxEvents implements DurableEventLog.Codec<ResultsInboxEvents.Change, ResultsInboxEventRecord>,
    LiveFeed.Messages<ResultsInboxEventRecord, ResultsInboxUpdate> {

  static final String TOPIC = "results_inbox";
  /** Results arrive a few thousand times a day: a ring of this size holds the last hour or so. */
  static final int RING_SIZE = 2048;

  /** An order of {@code doctorId} now in the inbox as {@code item}, or out of it at {@code version} (item null). */
  record Change(long doctorId, long orderId, long version, ResultsInboxItem item) {}

  static LiveFeed<Change, ResultsInboxEventRecord, ResultsInboxUpdate> open(LiveFeeds feeds) {
    ResultsInboxEvents events = new ResultsInboxEvents();
    return feeds.open(TOPIC, RING_SIZE, LabServiceGrpc.getSubscribeResultsInboxMethod(), events, events);
  }

  @Override
  public List<String> columns() {
    return List.of("occurred_at", "doctor_id", "order_id", "payload");
  }

  @Override
  public ResultsInboxEventRecord bind(PreparedStatement ins, long seq, Change ch, Instant now) throws SQLException {
    ResultsInboxEvent.Builder b = ResultsInboxEvent.newBuilder().setSequence(seq)
        .setOccurredAt(ProtoDates.timestamp(now));
    if (ch.item() == null) {
      b.setRemovedOrderId(ch.orderId()).setRemovedVersion(ch.version());
    } else {
      b.setItem(ch.item());
    }
    ResultsInboxEvent message = b.build();
    DbTime.set(ins, 2, now);
    ins.setLong(3, ch.doctorId());
    ins.setLong(4, ch.orderId());
    ins.setBytes(5, message.toByteArray());
    return new ResultsInboxEventRecord(seq, ch.doctorId(), message);
  }

  @Override
  public ResultsInboxEventRecord read(ResultSet rs) throws SQLException, IOException {
    return new ResultsInboxEventRecord(rs.getLong("seq"), rs.getLong("doctor_id"),
        ResultsInboxEvent.parseFrom(rs.getBytes("payload")));
  }

  @Override
  public ResultsInboxUpdate resumed(long afterSequence) {
    return ResultsInboxUpdate.newBuilder().setResumed(InboxResumed.newBuilder().setAfterSequence(afterSequence))
        .build();
  }

  @Override
  public ResultsInboxUpdate event(ResultsInboxEventRecord e) {
    return ResultsInboxUpdate.newBuilder().setEvent(e.message()).build();
  }
}
