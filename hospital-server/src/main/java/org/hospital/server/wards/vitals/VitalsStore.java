package org.hospital.server.wards.vitals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.hospital.server.persistence.DbTime;
import org.hospital.server.wards.beds.BedStore;

/** The vital_signs rows: one per recorded set, with the score as computed then. */
public final class VitalsStore {

  private VitalsStore() {}

  public static long insert(Connection c, long stayId, long patientId, Observations o, Instant takenAt,
      int spo2Scale, News2.Score score, String by, Instant now) throws SQLException {
    long id = BedStore.nextId(c);
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO vital_signs (id, stay_id, patient_id, taken_at,"
        + " recorded_at, recorded_by, temperature_dc, pulse, systolic, diastolic, respiratory_rate, spo2, on_oxygen,"
        + " consciousness, pain_score, spo2_scale, news2_total, escalation, news2_parts)"
        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      ps.setLong(1, id);
      ps.setLong(2, stayId);
      ps.setLong(3, patientId);
      DbTime.set(ps, 4, takenAt);
      DbTime.set(ps, 5, now);
      ps.setString(6, by);
      ps.setInt(7, o.temperatureDecicelsius());
      ps.setInt(8, o.pulse());
      ps.setInt(9, o.systolic());
      ps.setInt(10, o.diastolic());
      ps.setInt(11, o.respiratoryRate());
      ps.setInt(12, o.spo2());
      ps.setBoolean(13, o.onOxygen());
      ps.setString(14, o.consciousness().name());
      if (o.painScore() == null) {
        ps.setNull(15, Types.INTEGER);
      } else {
        ps.setInt(15, o.painScore());
      }
      ps.setInt(16, spo2Scale);
      ps.setInt(17, score.total());
      ps.setString(18, score.escalation().name());
      ps.setString(19, score.encoded());
      ps.executeUpdate();
    }
    return id;
  }

  /** The stay's observations, newest taken first. */
  public static List<VitalsRecord> ofStay(Connection c, long stayId, int limit) throws SQLException {
    List<VitalsRecord> out = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement("SELECT * FROM vital_signs WHERE stay_id = ?"
        + " ORDER BY taken_at DESC, id DESC FETCH FIRST " + limit + " ROWS ONLY")) {
      ps.setLong(1, stayId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(row(rs));
        }
      }
    }
    return out;
  }

  public static VitalsRecord find(Connection c, long id) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT * FROM vital_signs WHERE id = ?")) {
      ps.setLong(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return row(rs);
      }
    }
  }

  private static VitalsRecord row(ResultSet rs) throws SQLException {
    int pain = rs.getInt("pain_score");
    Integer painScore = rs.wasNull() ? null : pain;
    Observations o = new Observations(rs.getInt("temperature_dc"), rs.getInt("pulse"), rs.getInt("systolic"),
        rs.getInt("diastolic"), rs.getInt("respiratory_rate"), rs.getInt("spo2"), rs.getBoolean("on_oxygen"),
        Consciousness.valueOf(rs.getString("consciousness")), painScore);
    return new VitalsRecord(rs.getLong("id"), rs.getLong("stay_id"), rs.getLong("patient_id"), o,
        DbTime.get(rs, "taken_at"), rs.getString("recorded_by"), rs.getInt("spo2_scale"),
        News2.Score.decode(rs.getString("news2_parts")));
  }
}
