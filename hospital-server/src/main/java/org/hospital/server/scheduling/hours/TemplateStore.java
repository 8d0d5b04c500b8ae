package org.hospital.server.scheduling.hours;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import org.hospital.server.persistence.DbTime;

/** The schedule_template and schedule_exception tables. */
public final class TemplateStore {

  /** An exception as stored, with its id and note. */
  record StoredException(long id, ScheduleException exception, String note) {}

  private TemplateStore() {}

  static List<WeeklyTemplate> templates(Connection c, long clinicianId) throws SQLException {
    List<WeeklyTemplate> out = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement("SELECT weekday, start_time, end_time, slot_minutes,"
        + " max_appointments, valid_from, valid_to FROM schedule_template WHERE clinician_id = ?"
        + " ORDER BY weekday, start_time")) {
      ps.setLong(1, clinicianId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(new WeeklyTemplate(clinicianId, rs.getInt(1), rs.getObject(2, LocalTime.class),
              rs.getObject(3, LocalTime.class), rs.getInt(4), rs.getInt(5), rs.getObject(6, LocalDate.class),
              rs.getObject(7, LocalDate.class)));
        }
      }
    }
    return out;
  }

  /** Exceptions of the clinician overlapping [from, to). */
  static List<StoredException> exceptions(Connection c, long clinicianId, Instant from, Instant to)
      throws SQLException {
    List<StoredException> out = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement("SELECT id, kind, starts_at, ends_at, slot_minutes, note"
        + " FROM schedule_exception WHERE clinician_id = ? AND starts_at < ? AND ends_at > ? ORDER BY starts_at")) {
      ps.setLong(1, clinicianId);
      DbTime.set(ps, 2, to);
      DbTime.set(ps, 3, from);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(new StoredException(rs.getLong(1), new ScheduleException(clinicianId,
              ScheduleException.Kind.valueOf(rs.getString(2)), DbTime.get(rs, "starts_at"),
              DbTime.get(rs, "ends_at"), rs.getInt(5)), rs.getString(6)));
        }
      }
    }
    return out;
  }

  /**
   * Replaces the template from {@code from} on: versions starting then or later go, versions running into
   * it end the day before, and the new sessions start on it.
   */
  public static void replaceFrom(Connection c, long clinicianId, LocalDate from, List<WeeklyTemplate> sessions)
      throws SQLException {
    try (PreparedStatement del = c.prepareStatement(
        "DELETE FROM schedule_template WHERE clinician_id = ? AND valid_from >= ?")) {
      del.setLong(1, clinicianId);
      del.setObject(2, from);
      del.executeUpdate();
    }
    try (PreparedStatement end = c.prepareStatement("UPDATE schedule_template SET valid_to = ?,"
        + " version = version + 1 WHERE clinician_id = ? AND (valid_to IS NULL OR valid_to >= ?)")) {
      end.setObject(1, from.minusDays(1));
      end.setLong(2, clinicianId);
      end.setObject(3, from);
      end.executeUpdate();
    }
    try (PreparedStatement ins = c.prepareStatement("INSERT INTO schedule_template (id, clinician_id, weekday,"
        + " start_time, end_time, slot_minutes, max_appointments, valid_from, valid_to, version)"
        + " VALUES (nextval('schedule_template_id_seq'), ?, ?, ?, ?, ?, ?, ?, NULL, 1)")) {
      for (WeeklyTemplate t : sessions) {
        ins.setLong(1, clinicianId);
        ins.setInt(2, t.weekday());
        ins.setObject(3, t.start());
        ins.setObject(4, t.end());
        ins.setInt(5, t.slotMinutes());
        if (t.maxAppointments() > 0) {
          ins.setInt(6, t.maxAppointments());
        } else {
          ins.setNull(6, java.sql.Types.INTEGER);
        }
        ins.setObject(7, from);
        ins.addBatch();
      }
      ins.executeBatch();
    }
  }

  static long insertException(Connection c, ScheduleException e, String note, String by) throws SQLException {
    long id;
    try (PreparedStatement seq = c.prepareStatement("SELECT nextval('schedule_exception_id_seq')");
        ResultSet rs = seq.executeQuery()) {
      rs.next();
      id = rs.getLong(1);
    }
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO schedule_exception (id, clinician_id, kind,"
        + " starts_at, ends_at, slot_minutes, note, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
      ps.setLong(1, id);
      ps.setLong(2, e.clinicianId());
      ps.setString(3, e.kind().name());
      DbTime.set(ps, 4, e.start());
      DbTime.set(ps, 5, e.end());
      if (e.kind() == ScheduleException.Kind.EXTRA_SESSION) {
        ps.setInt(6, e.slotMinutes());
      } else {
        ps.setNull(6, java.sql.Types.INTEGER);
      }
      ps.setString(7, note);
      ps.setString(8, by);
      ps.executeUpdate();
    }
    return id;
  }

  /** The exception with this id, locked for the rest of the transaction; empty when there is none. */
  static java.util.Optional<StoredException> lockException(Connection c, long id) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT clinician_id, kind, starts_at, ends_at, slot_minutes,"
        + " note FROM schedule_exception WHERE id = ? FOR UPDATE")) {
      ps.setLong(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return java.util.Optional.empty();
        }
        return java.util.Optional.of(new StoredException(id, new ScheduleException(rs.getLong(1),
            ScheduleException.Kind.valueOf(rs.getString(2)), DbTime.get(rs, "starts_at"),
            DbTime.get(rs, "ends_at"), rs.getInt(5)), rs.getString(6)));
      }
    }
  }

  static void deleteException(Connection c, long id) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("DELETE FROM schedule_exception WHERE id = ?")) {
      ps.setLong(1, id);
      ps.executeUpdate();
    }
  }
}
