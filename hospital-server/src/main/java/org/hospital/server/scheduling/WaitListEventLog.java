package org.hospital.server.scheduling;

import com.google.protobuf.InvalidProtocolBufferException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.hospital.proto.scheduling.v1.WaitListEvent;
import org.hospital.server.live.EventLog;
import org.hospital.server.persistence.Database;
import org.hospital.server.errors.ProtoDates;

/**
 * The persisted, ordered log of wait-list changes, numbered by its own counter row (wait_list_sequence) the way
 * {@link ScheduleEventLog} numbers the schedule's: appended last in the changing transaction, so the sequence is
 * gap-free in commit order. See docs/decisions/0310-live-wait-list.md.
 */
public final class WaitListEventLog implements EventLog<WaitListEventRecord> {

  private final Database db;

  public WaitListEventLog(Database db) {
    this.db = db;
  }

  record Change(WaitListEventType type, WaitListEntry entry) {}

  /** Appends the changes in order; call last in the transaction, then publish what it returns after commit. */
  static List<WaitListEventRecord> append(Connection c, List<Change> changes, Instant now) throws SQLException {
    long seq = EventCounter.take(c, EventCounter.WAIT_LIST, changes.size()) - changes.size();
    List<WaitListEventRecord> out = new ArrayList<>(changes.size());
    try (PreparedStatement ins = c.prepareStatement("INSERT INTO wait_list_event (seq, event_type, occurred_at,"
        + " entry_id, clinician_id, department_id, payload) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
      for (Change ch : changes) {
        seq++;
        WaitListEntry e = ch.entry();
        WaitListEvent message = WaitListEvent.newBuilder().setSequence(seq)
            .setType(org.hospital.proto.scheduling.v1.WaitListEventType.valueOf(ch.type().name()))
            .setOccurredAt(ProtoDates.timestamp(now)).setEntry(WaitListRequests.toProto(e)).build();
        ins.setLong(1, seq);
        ins.setString(2, ch.type().name());
        Sql.setInstant(ins, 3, now);
        ins.setLong(4, e.id());
        Sql.setLongOrNull(ins, 5, e.clinicianId());
        ins.setLong(6, e.departmentId());
        ins.setBytes(7, message.toByteArray());
        ins.addBatch();
        out.add(new WaitListEventRecord(seq, e.clinicianId(), e.departmentId(), message));
      }
      ins.executeBatch();
    }
    return out;
  }

  @Override
  public long latest() {
    return query("SELECT last_seq FROM wait_list_sequence WHERE id = 1");
  }

  /** The lowest sequence still held, or 0 when the log is empty. */
  public long oldestRetained() {
    return query("SELECT MIN(seq) FROM wait_list_event");
  }

  @Override
  public List<WaitListEventRecord> after(long sequence, int limit) {
    List<WaitListEventRecord> out = new ArrayList<>();
    try (Connection c = db.dataSource().getConnection();
        PreparedStatement ps = c.prepareStatement("SELECT seq, clinician_id, department_id, payload"
            + " FROM wait_list_event WHERE seq > ? ORDER BY seq FETCH FIRST " + limit + " ROWS ONLY")) {
      ps.setLong(1, sequence);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          // the payload is the whole event, so a replayed event is exactly the one first sent
          out.add(new WaitListEventRecord(rs.getLong(1), rs.getLong(2), rs.getLong(3),
              WaitListEvent.parseFrom(rs.getBytes(4))));
        }
      }
    } catch (SQLException | InvalidProtocolBufferException e) {
      throw new IllegalStateException("Cannot read the wait list event log", e);
    }
    return out;
  }

  /** Forgets events beyond the retention window, as {@link ScheduleEventLog#purge} does. */
  public int purge(long keepEvents, Instant keepSince) {
    try (Connection c = db.dataSource().getConnection();
        PreparedStatement ps = c.prepareStatement(
            "DELETE FROM wait_list_event WHERE seq <= ? OR occurred_at < ?")) {
      ps.setLong(1, latest() - keepEvents);
      Sql.setInstant(ps, 2, keepSince);
      return ps.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot purge the wait list event log", e);
    }
  }

  private long query(String sql) {
    try (Connection c = db.dataSource().getConnection();
        PreparedStatement ps = c.prepareStatement(sql);
        ResultSet rs = ps.executeQuery()) {
      return rs.next() ? rs.getLong(1) : 0; // getLong gives 0 for NULL (an empty log)
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot read the wait list event log", e);
    }
  }
}
