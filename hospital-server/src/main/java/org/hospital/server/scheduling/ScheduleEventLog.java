package org.hospital.server.scheduling;

import com.google.protobuf.InvalidProtocolBufferException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.hospital.proto.scheduling.v1.Appointment;
import org.hospital.proto.scheduling.v1.ScheduleEvent;
import org.hospital.server.errors.ProtoDates;
import org.hospital.server.live.EventLog;
import org.hospital.server.persistence.Database;

/**
 * The persisted, ordered log of schedule changes. {@link #append} runs inside the changing transaction, as its
 * last statements: it increments the single counter row, whose row lock then stays held until commit, so
 * that no other change can take a sequence before this one commits. Sequence order is commit order and a
 * rolled-back change gives its numbers back: subscribers see a sequence without gaps.
 * See docs/decisions/0302-schedule-event-sequence.md.
 */
public final class ScheduleEventLog implements EventLog<ScheduleEventRecord> {

  private final Database db;

  public ScheduleEventLog(Database db) {
    this.db = db;
  }

  record Change(ScheduleEventType type, AppointmentRow appointment) {}

  /** Appends the changes in order; call last in the transaction, then publish what it returns after commit. */
  static List<ScheduleEventRecord> append(Connection c, List<Change> changes, Instant now) throws SQLException {
    long last = EventCounter.take(c, EventCounter.SCHEDULE, changes.size());
    List<ScheduleEventRecord> out = new ArrayList<>(changes.size());
    long seq = last - changes.size();
    try (PreparedStatement ins = c.prepareStatement("INSERT INTO schedule_event (seq, event_type,"
        + " occurred_at, appointment_id, clinician_id, department_id, start_at, payload)"
        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
      for (Change ch : changes) {
        seq++;
        AppointmentRow a = ch.appointment();
        Appointment payload = AppointmentMapper.toProto(a);
        ins.setLong(1, seq);
        ins.setString(2, ch.type().name());
        Sql.setInstant(ins, 3, now);
        ins.setLong(4, a.id());
        ins.setLong(5, a.clinicianId());
        ins.setLong(6, a.departmentId());
        Sql.setInstant(ins, 7, a.start());
        ins.setBytes(8, payload.toByteArray());
        ins.addBatch();
        out.add(record(seq, ch.type().name(), now, a.clinicianId(), a.departmentId(), a.start(), payload));
      }
      ins.executeBatch();
    }
    return out;
  }

  @Override
  public long latest() {
    return query("SELECT last_seq FROM schedule_sequence WHERE id = 1", 0);
  }

  /** The lowest sequence still held, or 0 when the log is empty. */
  public long oldestRetained() {
    return query("SELECT MIN(seq) FROM schedule_event", 0);
  }

  @Override
  public List<ScheduleEventRecord> after(long sequence, int limit) {
    List<ScheduleEventRecord> out = new ArrayList<>();
    try (Connection c = db.dataSource().getConnection();
        PreparedStatement ps = c.prepareStatement("SELECT seq, event_type, occurred_at, clinician_id,"
            + " department_id, start_at, payload FROM schedule_event WHERE seq > ? ORDER BY seq"
            + " FETCH FIRST " + limit + " ROWS ONLY")) {
      ps.setLong(1, sequence);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(record(rs.getLong(1), rs.getString(2), Sql.instant(rs, "occurred_at"), rs.getLong(4),
              rs.getLong(5), Sql.instant(rs, "start_at"), Appointment.parseFrom(rs.getBytes(7))));
        }
      }
    } catch (SQLException | InvalidProtocolBufferException e) {
      throw new IllegalStateException("Cannot read the schedule event log", e);
    }
    return out;
  }

  /**
   * Forgets events beyond the retention window: more than {@code keepEvents} behind the latest, or older than
   * {@code keepSince}. Resuming from before the oldest kept event gets a fresh snapshot instead.
   */
  public int purge(long keepEvents, Instant keepSince) {
    try (Connection c = db.dataSource().getConnection();
        PreparedStatement ps = c.prepareStatement(
            "DELETE FROM schedule_event WHERE seq <= ? OR occurred_at < ?")) {
      ps.setLong(1, latest() - keepEvents);
      Sql.setInstant(ps, 2, keepSince);
      return ps.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot purge the schedule event log", e);
    }
  }

  private long query(String sql, long ifNull) {
    try (Connection c = db.dataSource().getConnection();
        PreparedStatement ps = c.prepareStatement(sql);
        ResultSet rs = ps.executeQuery()) {
      if (!rs.next()) {
        return ifNull;
      }
      long v = rs.getLong(1);
      return rs.wasNull() ? ifNull : v;
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot read the schedule event log", e);
    }
  }

  private static ScheduleEventRecord record(long seq, String type, Instant at, long clinicianId, long departmentId,
      Instant start, Appointment a) {
    ScheduleEvent message = ScheduleEvent.newBuilder()
        .setSequence(seq)
        .setType(org.hospital.proto.scheduling.v1.ScheduleEventType.valueOf(type))
        .setOccurredAt(ProtoDates.timestamp(at))
        .setAppointment(a)
        .build();
    return new ScheduleEventRecord(seq, clinicianId, departmentId, start, message);
  }
}
