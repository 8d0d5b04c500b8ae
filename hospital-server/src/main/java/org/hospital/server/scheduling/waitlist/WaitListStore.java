package org.hospital.server.scheduling.waitlist;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.hospital.proto.common.v1.FieldViolationCode;
import org.hospital.server.errors.Violations;
import org.hospital.server.persistence.DbTime;
import org.hospital.server.scheduling.appointments.Sql;
import org.hospital.server.scheduling.appointments.VisitType;

/** The wait_list_entry table. */
public final class WaitListStore {

  static final int MAX_LISTED = 500;
  private static final String SELECT = "SELECT w.*, p.family_name, p.given_names, p.mrn FROM wait_list_entry w"
      + " JOIN patient p ON p.id = w.patient_id ";

  private WaitListStore() {}

  /** The key that keeps one open entry per patient and target. */
  static String openTarget(long clinicianId, long departmentId) {
    return clinicianId != 0 ? "C" + clinicianId : "D" + departmentId;
  }

  /** A new open entry; fails with a unique violation when the patient already waits for that target. */
  public static long insert(Connection c, long patientId, long clinicianId, long departmentId, LocalDate earliest,
      LocalDate latest, VisitType visitType, String reason, String by, Instant now) throws SQLException {
    long id;
    try (PreparedStatement seq = c.prepareStatement("SELECT nextval('wait_list_id_seq')");
        ResultSet rs = seq.executeQuery()) {
      rs.next();
      id = rs.getLong(1);
    }
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO wait_list_entry (id, patient_id, clinician_id,"
        + " department_id, earliest, latest, visit_type, reason, status, open_target, added_by, added_at, version)"
        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'OPEN', ?, ?, ?, 1)")) {
      ps.setLong(1, id);
      ps.setLong(2, patientId);
      Sql.setLongOrNull(ps, 3, clinicianId);
      ps.setLong(4, departmentId);
      ps.setObject(5, earliest);
      ps.setObject(6, latest);
      ps.setString(7, visitType.name());
      ps.setString(8, reason);
      ps.setString(9, openTarget(clinicianId, departmentId));
      ps.setString(10, by);
      DbTime.set(ps, 11, now);
      ps.executeUpdate();
    }
    return id;
  }

  static Optional<WaitListEntry> find(Connection c, long id) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(SELECT + "WHERE w.id = ?")) {
      ps.setLong(1, id);
      return all(ps).stream().findFirst();
    }
  }

  static Optional<WaitListEntry> findOpen(Connection c, long patientId, String openTarget) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(SELECT + "WHERE w.patient_id = ? AND w.open_target = ?")) {
      ps.setLong(1, patientId);
      ps.setString(2, openTarget);
      return all(ps).stream().findFirst();
    }
  }

  /** Locks the entry for a change; the caller checks its version. */
  static Optional<WaitListEntry> lock(Connection c, long id) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT id FROM wait_list_entry WHERE id = ? FOR UPDATE")) {
      ps.setLong(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
      }
    }
    return find(c, id);
  }

  static void remove(Connection c, long id, String reason, String by, Instant now) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("UPDATE wait_list_entry SET status = 'REMOVED',"
        + " open_target = NULL, removed_reason = ?, removed_by = ?, removed_at = ?, version = version + 1"
        + " WHERE id = ?")) {
      ps.setString(1, reason);
      ps.setString(2, by);
      DbTime.set(ps, 3, now);
      ps.setLong(4, id);
      ps.executeUpdate();
    }
  }

  /** Open entries of these departments or clinicians (both empty: all) not over by {@code today}. */
  static List<WaitListEntry> open(Connection c, List<Long> departmentIds, List<Long> clinicianIds, LocalDate today)
      throws SQLException {
    StringBuilder sql = new StringBuilder(SELECT).append("WHERE w.status = 'OPEN' AND w.latest >= ?");
    List<String> parts = new ArrayList<>();
    if (!departmentIds.isEmpty()) {
      parts.add("w.department_id IN (" + String.join(",", Collections.nCopies(departmentIds.size(), "?")) + ")");
    }
    if (!clinicianIds.isEmpty()) {
      parts.add("w.clinician_id IN (" + String.join(",", Collections.nCopies(clinicianIds.size(), "?")) + ")");
    }
    if (!parts.isEmpty()) {
      sql.append(" AND (").append(String.join(" OR ", parts)).append(')');
    }
    sql.append(" ORDER BY w.added_at, w.id FETCH FIRST ").append(MAX_LISTED).append(" ROWS ONLY");
    try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
      int i = 1;
      ps.setObject(i++, today);
      for (long id : departmentIds) {
        ps.setLong(i++, id);
      }
      for (long id : clinicianIds) {
        ps.setLong(i++, id);
      }
      return all(ps);
    }
  }

  /**
   * Open entries that could take a slot of this clinician on {@code day}: for the clinician or for the whole
   * department, days containing {@code day}, visit type {@code visitType} (null: any); the clinician's own
   * before the department's, then longest waiting first.
   */
  static List<WaitListEntry> candidates(Connection c, long clinicianId, long departmentId, LocalDate day,
      VisitType visitType, int max) throws SQLException {
    String sql = SELECT + "WHERE w.status = 'OPEN' AND (w.clinician_id = ? OR (w.clinician_id IS NULL"
        + " AND w.department_id = ?)) AND w.earliest <= ? AND w.latest >= ?"
        + (visitType != null ? " AND w.visit_type = ?" : "")
        + " ORDER BY CASE WHEN w.clinician_id IS NULL THEN 1 ELSE 0 END, w.added_at, w.id FETCH FIRST " + max
        + " ROWS ONLY";
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setLong(1, clinicianId);
      ps.setLong(2, departmentId);
      ps.setObject(3, day);
      ps.setObject(4, day);
      if (visitType != null) {
        ps.setString(5, visitType.name());
      }
      return all(ps);
    }
  }

  private static List<WaitListEntry> all(PreparedStatement ps) throws SQLException {
    List<WaitListEntry> out = new ArrayList<>();
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        boolean open = rs.getString("status").equals("OPEN");
        out.add(new WaitListEntry(rs.getLong("id"), rs.getLong("patient_id"),
            rs.getString("family_name") + ", " + rs.getString("given_names"), rs.getString("mrn"),
            rs.getLong("clinician_id"), rs.getLong("department_id"), rs.getObject("earliest", LocalDate.class),
            rs.getObject("latest", LocalDate.class), VisitType.valueOf(rs.getString("visit_type")),
            rs.getString("reason"), DbTime.get(rs, "added_at"), rs.getString("added_by"), open,
            open ? rs.getString("added_by") : rs.getString("removed_by"),
            open ? DbTime.get(rs, "added_at") : DbTime.get(rs, "removed_at"), rs.getLong("version")));
      }
    }
    return out;
  }

  /** The patient's wait-list entry; UNKNOWN_ID when there is none or it is another patient's. */
  public static WaitListEntry requireForPatient(Connection c, long entryId, long patientId, String field)
      throws SQLException {
    Optional<WaitListEntry> entry = find(c, entryId).filter(e -> e.patientId() == patientId);
    if (entry.isEmpty()) {
      new Violations().add(field, FieldViolationCode.UNKNOWN_ID).throwIfAny();
    }
    return entry.get();
  }
}
