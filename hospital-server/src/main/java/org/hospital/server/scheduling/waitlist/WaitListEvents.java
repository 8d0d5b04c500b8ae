package org.hospital.server.scheduling.waitlist;

import java.io.IOException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import org.hospital.proto.scheduling.v1.Resumed;
import org.hospital.proto.scheduling.v1.SchedulingServiceGrpc;
import org.hospital.proto.scheduling.v1.WaitListEvent;
import org.hospital.proto.scheduling.v1.WaitListUpdate;
import org.hospital.server.errors.ProtoDates;
import org.hospital.server.live.DurableEventLog;
import org.hospital.server.live.LiveFeed;
import org.hospital.server.live.LiveFeeds;
import org.hospital.server.persistence.DbTime;
import org.hospital.server.scheduling.appointments.Sql;

/**
 * The wait list's live feed: an entry added or removed becomes a row of wait_list_event, whose payload is the
 * whole event (so a replayed event is exactly the one first sent). See docs/decisions/0310-live-wait-list.md.
 */
public final class WaitListEvents implements DurableEventLog.Codec<WaitListEvents.Change, WaitListEventRecord>,
    LiveFeed.Messages<WaitListEventRecord, WaitListUpdate> {

  /** The wait list changes far less often than the schedule. */
  static final int RING_SIZE = 1024;

  public record Change(WaitListEventType type, WaitListEntry entry) {}

  public static LiveFeed<Change, WaitListEventRecord, WaitListUpdate> open(LiveFeeds feeds) {
    WaitListEvents events = new WaitListEvents();
    return feeds.open("wait_list", RING_SIZE, SchedulingServiceGrpc.getSubscribeWaitListMethod(), events, events);
  }

  @Override
  public List<String> columns() {
    return List.of("event_type", "occurred_at", "entry_id", "clinician_id", "department_id", "payload");
  }

  @Override
  public WaitListEventRecord bind(PreparedStatement ins, long seq, Change ch, Instant now) throws SQLException {
    WaitListEntry e = ch.entry();
    WaitListEvent message = WaitListEvent.newBuilder().setSequence(seq)
        .setType(org.hospital.proto.scheduling.v1.WaitListEventType.valueOf(ch.type().name()))
        .setOccurredAt(ProtoDates.timestamp(now)).setEntry(WaitListRequests.toProto(e)).build();
    ins.setString(2, ch.type().name());
    DbTime.set(ins, 3, now);
    ins.setLong(4, e.id());
    Sql.setLongOrNull(ins, 5, e.clinicianId());
    ins.setLong(6, e.departmentId());
    ins.setBytes(7, message.toByteArray());
    return new WaitListEventRecord(seq, e.clinicianId(), e.departmentId(), message);
  }

  @Override
  public WaitListEventRecord read(ResultSet rs) throws SQLException, IOException {
    return new WaitListEventRecord(rs.getLong("seq"), rs.getLong("clinician_id"), rs.getLong("department_id"),
        WaitListEvent.parseFrom(rs.getBytes("payload")));
  }

  @Override
  public WaitListUpdate resumed(long afterSequence) {
    return WaitListUpdate.newBuilder().setResumed(Resumed.newBuilder().setAfterSequence(afterSequence)).build();
  }

  @Override
  public WaitListUpdate event(WaitListEventRecord e) {
    return WaitListUpdate.newBuilder().setEvent(e.message()).build();
  }
}
