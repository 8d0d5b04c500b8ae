package org.hospital.server.scheduling.appointments;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hospital.server.persistence.DbTime;

/** Reads of the appointment table, with the patient's name and MRN joined in. */
public final class AppointmentReads {

  private static final String SELECT = "SELECT a.*, p.family_name, p.given_names, p.mrn FROM appointment a"
      + " JOIN patient p ON p.id = a.patient_id ";

  private AppointmentReads() {}

  public static Optional<AppointmentRow> find(Connection c, long id) throws SQLException {
    return one(c, SELECT + "WHERE a.id = ?", id);
  }

  /** Highest overbook number among the slot's holders, or -1 when nobody holds it. */
  public static int highestOverbookSeq(Connection c, long clinicianId, Instant slotStart) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT MAX(overbook_seq) FROM appointment"
        + " WHERE clinician_id = ? AND held_slot_start = ?")) {
      ps.setLong(1, clinicianId);
      DbTime.set(ps, 2, slotStart);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        int max = rs.getInt(1);
        return rs.wasNull() ? -1 : max;
      }
    }
  }

  /** Start instants of the clinician's held slots in [from, to). */
  public static List<Instant> heldSlots(Connection c, long clinicianId, Instant from, Instant to) throws SQLException {
    List<Instant> out = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement("SELECT held_slot_start FROM appointment WHERE clinician_id = ?"
        + " AND held_slot_start >= ? AND held_slot_start < ?")) {
      ps.setLong(1, clinicianId);
      DbTime.set(ps, 2, from);
      DbTime.set(ps, 3, to);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(DbTime.get(rs, "held_slot_start"));
        }
      }
    }
    return out;
  }

  /** The clinician's booked (not yet arrived) appointments starting at or after {@code from}, earliest first. */
  public static List<AppointmentRow> bookedFrom(Connection c, long clinicianId, Instant from) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(SELECT + "WHERE a.clinician_id = ? AND a.status = 'BOOKED'"
        + " AND a.start_at >= ? ORDER BY a.start_at, a.id")) {
      ps.setLong(1, clinicianId);
      DbTime.set(ps, 2, from);
      return all(ps);
    }
  }

  /** Every appointment of a series (replacements of rescheduled members too), by position, then oldest first. */
  public static List<AppointmentRow> series(Connection c, long seriesId) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(SELECT + "WHERE a.series_id = ? ORDER BY a.series_position,"
        + " a.id")) {
      ps.setLong(1, seriesId);
      return all(ps);
    }
  }

  /** Ids of the still booked members of a series after {@code position}, earliest position first. */
  public static List<Long> bookedAfter(Connection c, long seriesId, int position) throws SQLException {
    List<Long> out = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement("SELECT id FROM appointment WHERE series_id = ?"
        + " AND series_position > ? AND status = 'BOOKED' ORDER BY series_position, id")) {
      ps.setLong(1, seriesId);
      ps.setInt(2, position);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(rs.getLong(1));
        }
      }
    }
    return out;
  }

  /** The checked-in patients of a clinician, longest waiting first. */
  public static List<Long> queue(Connection c, long clinicianId, int limit) throws SQLException {
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
  public static List<AppointmentRow> inRange(Connection c, List<Long> departmentIds, List<Long> clinicianIds,
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
      DbTime.set(ps, i++, from);
      DbTime.set(ps, i++, to);
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
        rs.getString("mrn"), DbTime.get(rs, "start_at"), DbTime.get(rs, "end_at"),
        AppointmentStatus.valueOf(rs.getString("status")), VisitType.valueOf(rs.getString("visit_type")),
        rs.getString("reason"), rs.getBoolean("walk_in"), rs.getBoolean("overbooked"),
        rs.getString("overbook_reason"), DbTime.get(rs, "checked_in_at"),
        DbTime.get(rs, "consultation_started_at"), DbTime.get(rs, "completed_at"), rs.getString("cancel_reason"),
        rs.getString("cancelled_by"), rs.getLong("rescheduled_from_id"), rs.getLong("rescheduled_to_id"),
        rs.getString("updated_by"), DbTime.get(rs, "updated_at"), rs.getLong("version"),
        new SeriesPlace(rs.getLong("series_id"), rs.getInt("series_position"), rs.getInt("series_count")),
        rs.getBoolean("clinician_unavailable"));
  }
}
