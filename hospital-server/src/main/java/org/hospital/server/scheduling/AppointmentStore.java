package org.hospital.server.scheduling;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The appointment table, in SQL: every query the scheduling feature runs against it. */
final class AppointmentStore {

  private static final String SELECT = "SELECT a.*, p.family_name, p.given_names, p.mrn FROM appointment a"
      + " JOIN patient p ON p.id = a.patient_id ";

  private AppointmentStore() {}

  static long nextId(Connection c) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT nextval('appointment_id_seq')");
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /** A new row; fails with a unique violation when the slot (and overbook number) is held already. */
  static void insert(Connection c, NewAppointment a, Instant now, String by) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO appointment (id, clinician_id, department_id,"
        + " patient_id, start_at, end_at, status, visit_type, reason, walk_in, overbooked, overbook_reason,"
        + " held_slot_start, overbook_seq, checked_in_at, rescheduled_from_id, created_by, created_at,"
        + " updated_by, updated_at, version) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,1)")) {
      ps.setLong(1, a.id());
      ps.setLong(2, a.clinicianId());
      ps.setLong(3, a.departmentId());
      ps.setLong(4, a.patientId());
      Sql.setInstant(ps, 5, a.start());
      Sql.setInstant(ps, 6, a.end());
      ps.setString(7, a.status().name());
      ps.setString(8, a.visitType().name());
      ps.setString(9, a.reason());
      ps.setBoolean(10, a.walkIn());
      ps.setBoolean(11, a.overbookSeq() > 0);
      ps.setString(12, a.overbookReason());
      Sql.setInstant(ps, 13, a.walkIn() ? null : a.start());
      ps.setInt(14, a.overbookSeq());
      Sql.setInstant(ps, 15, a.status() == AppointmentStatus.CHECKED_IN ? now : null);
      Sql.setLongOrNull(ps, 16, a.rescheduledFromId());
      ps.setString(17, by);
      Sql.setInstant(ps, 18, now);
      ps.setString(19, by);
      Sql.setInstant(ps, 20, now);
      ps.executeUpdate();
    }
  }

  static Optional<AppointmentRow> find(Connection c, long id) throws SQLException {
    return one(c, SELECT + "WHERE a.id = ?", id);
  }

  /** Reads and row-locks the appointment, so that the caller's checks hold until it commits. */
  static Optional<AppointmentRow> lock(Connection c, long id) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT id FROM appointment WHERE id = ? FOR UPDATE")) {
      ps.setLong(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
      }
    }
    return find(c, id);
  }

  /**
   * Moves a locked appointment to {@code status}, setting the time stamp that status records and releasing
   * its slot when the status no longer holds one.
   */
  static void changeStatus(Connection c, long id, AppointmentStatus status, Instant now, String by)
      throws SQLException {
    String stamp = switch (status) {
      case CHECKED_IN -> ", checked_in_at = ?";
      case IN_CONSULTATION -> ", consultation_started_at = ?";
      case COMPLETED -> ", completed_at = ?";
      default -> "";
    };
    String release = status.holdsSlot() ? "" : ", held_slot_start = NULL";
    try (PreparedStatement ps = c.prepareStatement("UPDATE appointment SET status = ?, updated_by = ?,"
        + " updated_at = ?, version = version + 1" + release + stamp + " WHERE id = ?")) {
      int i = 1;
      ps.setString(i++, status.name());
      ps.setString(i++, by);
      Sql.setInstant(ps, i++, now);
      if (!stamp.isEmpty()) {
        Sql.setInstant(ps, i++, now);
      }
      ps.setLong(i, id);
      ps.executeUpdate();
    }
  }

  static void cancel(Connection c, long id, String reason, Instant now, String by) throws SQLException {
    changeStatus(c, id, AppointmentStatus.CANCELLED, now, by);
    try (PreparedStatement ps = c.prepareStatement(
        "UPDATE appointment SET cancel_reason = ?, cancelled_by = ? WHERE id = ?")) {
      ps.setString(1, reason);
      ps.setString(2, by);
      ps.setLong(3, id);
      ps.executeUpdate();
    }
  }

  static void markRescheduled(Connection c, long id, long newId, Instant now, String by) throws SQLException {
    changeStatus(c, id, AppointmentStatus.RESCHEDULED, now, by);
    try (PreparedStatement ps = c.prepareStatement("UPDATE appointment SET rescheduled_to_id = ? WHERE id = ?")) {
      ps.setLong(1, newId);
      ps.setLong(2, id);
      ps.executeUpdate();
    }
  }

  /** Highest overbook number among the slot's holders, or -1 when nobody holds it. */
  static int highestOverbookSeq(Connection c, long clinicianId, Instant slotStart) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT MAX(overbook_seq) FROM appointment"
        + " WHERE clinician_id = ? AND held_slot_start = ?")) {
      ps.setLong(1, clinicianId);
      Sql.setInstant(ps, 2, slotStart);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        int max = rs.getInt(1);
        return rs.wasNull() ? -1 : max;
      }
    }
  }

  /** Start instants of the clinician's held slots in [from, to). */
  static List<Instant> heldSlots(Connection c, long clinicianId, Instant from, Instant to) throws SQLException {
    List<Instant> out = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement("SELECT held_slot_start FROM appointment WHERE clinician_id = ?"
        + " AND held_slot_start >= ? AND held_slot_start < ?")) {
      ps.setLong(1, clinicianId);
      Sql.setInstant(ps, 2, from);
      Sql.setInstant(ps, 3, to);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(Sql.instant(rs, "held_slot_start"));
        }
      }
    }
    return out;
  }

  /** The checked-in patients of a clinician, longest waiting first. */
  static List<Long> queue(Connection c, long clinicianId, int limit) throws SQLException {
    List<Long> out = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement("SELECT id FROM appointment WHERE clinician_id = ?"
        + " AND status = 'CHECKED_IN' ORDER BY checked_in_at, id FETCH FIRST " + limit + " ROWS ONLY")) {
      ps.setLong(1, clinicianId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(rs.getLong(1));
        }
      }
    }
    return out;
  }

  /** Appointments starting in [from, to) of the given clinicians or departments (both empty: all). */
  static List<AppointmentRow> inRange(Connection c, List<Long> departmentIds, List<Long> clinicianIds,
      Instant from, Instant to) throws SQLException {
    StringBuilder sql = new StringBuilder(SELECT).append("WHERE a.start_at >= ? AND a.start_at < ?");
    if (!departmentIds.isEmpty() || !clinicianIds.isEmpty()) {
      List<String> parts = new ArrayList<>();
      if (!departmentIds.isEmpty()) {
        parts.add("a.department_id IN (" + marks(departmentIds.size()) + ")");
      }
      if (!clinicianIds.isEmpty()) {
        parts.add("a.clinician_id IN (" + marks(clinicianIds.size()) + ")");
      }
      sql.append(" AND (").append(String.join(" OR ", parts)).append(')');
    }
    sql.append(" ORDER BY a.start_at, a.id");
    try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
      int i = 1;
      Sql.setInstant(ps, i++, from);
      Sql.setInstant(ps, i++, to);
      for (long id : departmentIds) {
        ps.setLong(i++, id);
      }
      for (long id : clinicianIds) {
        ps.setLong(i++, id);
      }
      return all(ps);
    }
  }

  private static String marks(int n) {
    return String.join(",", java.util.Collections.nCopies(n, "?"));
  }

  private static Optional<AppointmentRow> one(Connection c, String sql, long id) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setLong(1, id);
      List<AppointmentRow> rows = all(ps);
      return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }
  }

  private static List<AppointmentRow> all(PreparedStatement ps) throws SQLException {
    List<AppointmentRow> out = new ArrayList<>();
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.add(row(rs));
      }
    }
    return out;
  }

  private static AppointmentRow row(ResultSet rs) throws SQLException {
    return new AppointmentRow(rs.getLong("id"), rs.getLong("clinician_id"), rs.getLong("department_id"),
        rs.getLong("patient_id"), rs.getString("family_name") + ", " + rs.getString("given_names"),
        rs.getString("mrn"), Sql.instant(rs, "start_at"), Sql.instant(rs, "end_at"),
        AppointmentStatus.valueOf(rs.getString("status")), VisitType.valueOf(rs.getString("visit_type")),
        rs.getString("reason"), rs.getBoolean("walk_in"), rs.getBoolean("overbooked"),
        rs.getString("overbook_reason"), Sql.instant(rs, "checked_in_at"),
        Sql.instant(rs, "consultation_started_at"), Sql.instant(rs, "completed_at"), rs.getString("cancel_reason"),
        rs.getString("cancelled_by"), rs.getLong("rescheduled_from_id"), rs.getLong("rescheduled_to_id"),
        rs.getString("updated_by"), Sql.instant(rs, "updated_at"), rs.getLong("version"));
  }
}
