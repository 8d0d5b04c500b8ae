package org.hospital.server.wards.stays;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hospital.server.persistence.DbTime;
import org.hospital.server.wards.beds.BedStore;

/**
 * Inpatient stays and bed_occupancy, the table whose keys forbid two patients in one bed and one patient in
 * two beds: admission inserts the occupancy row, transfer moves it, discharge deletes it.
 */
public final class StayStore {

  private static final String COLUMNS = "id, patient_id, encounter_id, ward_id, bed_id, admitting_doctor_id,"
      + " admitting_doctor_name, reason, admitted_at, discharged_at, destination, spo2_scale, version, updated_at,"
      + " updated_by";

  private StayStore() {}

  public record NewStay(long patientId, long encounterId, long wardId, long bedId, long doctorId,
      String doctorName, String reason) {}

  public static long insert(Connection c, NewStay s, String by, Instant now) throws SQLException {
    long id = BedStore.nextId(c);
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO inpatient_stay (" + COLUMNS + ", admitted_by)"
        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, NULL, 1, 1, ?, ?, ?)")) {
      ps.setLong(1, id);
      ps.setLong(2, s.patientId());
      ps.setLong(3, s.encounterId());
      ps.setLong(4, s.wardId());
      ps.setLong(5, s.bedId());
      ps.setLong(6, s.doctorId());
      ps.setString(7, s.doctorName());
      ps.setString(8, s.reason());
      DbTime.set(ps, 9, now);
      DbTime.set(ps, 10, now);
      ps.setString(11, by);
      ps.setString(12, by);
      ps.executeUpdate();
    }
    return id;
  }

  /** Puts the patient of the stay in the bed; fails on the constraints when either is taken. */
  public static void occupy(Connection c, long bedId, long patientId, long stayId, Instant now) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(
        "INSERT INTO bed_occupancy (bed_id, patient_id, stay_id, since) VALUES (?, ?, ?, ?)")) {
      ps.setLong(1, bedId);
      ps.setLong(2, patientId);
      ps.setLong(3, stayId);
      DbTime.set(ps, 4, now);
      ps.executeUpdate();
    }
  }

  /** The stay whose patient lies in a bed now, if any. */
  public static Optional<Long> occupiedBy(Connection c, long patientId) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT stay_id FROM bed_occupancy WHERE patient_id = ?")) {
      ps.setLong(1, patientId);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
      }
    }
  }

  /** Moves the stay to another bed, in the stay and in bed_occupancy. */
  public static void move(Connection c, long stayId, long wardId, long bedId, String by, Instant now)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("UPDATE bed_occupancy SET bed_id = ?, since = ? WHERE stay_id = ?")) {
      ps.setLong(1, bedId);
      DbTime.set(ps, 2, now);
      ps.setLong(3, stayId);
      ps.executeUpdate();
    }
    try (PreparedStatement ps = c.prepareStatement("UPDATE inpatient_stay SET ward_id = ?, bed_id = ?,"
        + " version = version + 1, updated_at = ?, updated_by = ? WHERE id = ?")) {
      ps.setLong(1, wardId);
      ps.setLong(2, bedId);
      DbTime.set(ps, 3, now);
      ps.setString(4, by);
      ps.setLong(5, stayId);
      ps.executeUpdate();
    }
  }

  /** Ends the stay and frees its place in bed_occupancy. */
  public static void discharge(Connection c, long stayId, Instant at, String destination, String by, Instant now)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("DELETE FROM bed_occupancy WHERE stay_id = ?")) {
      ps.setLong(1, stayId);
      ps.executeUpdate();
    }
    try (PreparedStatement ps = c.prepareStatement("UPDATE inpatient_stay SET discharged_at = ?, destination = ?,"
        + " version = version + 1, updated_at = ?, updated_by = ? WHERE id = ?")) {
      DbTime.set(ps, 1, at);
      ps.setString(2, destination);
      DbTime.set(ps, 3, now);
      ps.setString(4, by);
      ps.setLong(5, stayId);
      ps.executeUpdate();
    }
  }

  public static void setSpo2Scale(Connection c, long stayId, int scale, String by, Instant now) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("UPDATE inpatient_stay SET spo2_scale = ?,"
        + " version = version + 1, updated_at = ?, updated_by = ? WHERE id = ?")) {
      ps.setInt(1, scale);
      DbTime.set(ps, 2, now);
      ps.setString(3, by);
      ps.setLong(4, stayId);
      ps.executeUpdate();
    }
  }

  public static Optional<StayRow> find(Connection c, long stayId) throws SQLException {
    return one(c, "SELECT " + COLUMNS + " FROM inpatient_stay WHERE id = ?", stayId);
  }

  /** The stay, its row locked to the end of the transaction. */
  public static Optional<StayRow> lock(Connection c, long stayId) throws SQLException {
    return one(c, "SELECT " + COLUMNS + " FROM inpatient_stay WHERE id = ? FOR UPDATE", stayId);
  }

  /** The patient's stays, newest first. */
  public static List<StayRow> ofPatient(Connection c, long patientId) throws SQLException {
    List<StayRow> out = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM inpatient_stay"
        + " WHERE patient_id = ? ORDER BY admitted_at DESC, id DESC")) {
      ps.setLong(1, patientId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(row(rs));
        }
      }
    }
    return out;
  }

  private static Optional<StayRow> one(Connection c, String sql, long id) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setLong(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(row(rs)) : Optional.empty();
      }
    }
  }

  private static StayRow row(ResultSet rs) throws SQLException {
    return new StayRow(rs.getLong("id"), rs.getLong("patient_id"), rs.getLong("encounter_id"),
        rs.getLong("ward_id"), rs.getLong("bed_id"), rs.getLong("admitting_doctor_id"),
        rs.getString("admitting_doctor_name"), rs.getString("reason"), DbTime.get(rs, "admitted_at"),
        rs.getObject("discharged_at") == null ? null : DbTime.get(rs, "discharged_at"),
        rs.getString("destination"), rs.getInt("spo2_scale"), rs.getLong("version"), DbTime.get(rs, "updated_at"),
        rs.getString("updated_by"));
  }
}
