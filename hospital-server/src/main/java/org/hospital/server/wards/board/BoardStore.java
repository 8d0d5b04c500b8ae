package org.hospital.server.wards.board;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hospital.proto.wards.v1.Bed;
import org.hospital.proto.wards.v1.BedState;
import org.hospital.proto.wards.v1.BedTile;
import org.hospital.proto.wards.v1.Census;
import org.hospital.proto.wards.v1.Escalation;
import org.hospital.proto.wards.v1.News2;
import org.hospital.proto.wards.v1.Occupant;
import org.hospital.proto.wards.v1.Ward;
import org.hospital.server.errors.ProtoDates;
import org.hospital.server.persistence.DbTime;

/**
 * What the bed board shows, read in one go: wards, bed tiles (bed, occupant, latest NEWS2) and the census per
 * ward. Used for the snapshot and, inside a write, for the changed beds' events.
 */
public final class BoardStore {

  private static final String TILES = "SELECT b.id, b.ward_id, r.name AS room, b.label, b.state, b.note, b.version,"
      + " s.id AS stay_id, s.patient_id, s.admitted_at, s.version AS stay_version, s.spo2_scale,"
      + " p.family_name, p.given_names, p.mrn"
      + " FROM bed b JOIN ward_room r ON r.id = b.room_id"
      + " LEFT JOIN bed_occupancy o ON o.bed_id = b.id"
      + " LEFT JOIN inpatient_stay s ON s.id = o.stay_id"
      + " LEFT JOIN patient p ON p.id = o.patient_id";

  /** The latest observations of each stay in a bed (latest taken, then latest recorded). */
  private static final String LATEST_NEWS2 = "SELECT v.stay_id, v.news2_total, v.escalation, v.spo2_scale,"
      + " v.taken_at FROM vital_signs v JOIN bed_occupancy o ON o.stay_id = v.stay_id JOIN bed b ON b.id = o.bed_id"
      + " WHERE (? = 0 OR b.ward_id = ?) AND NOT EXISTS (SELECT 1 FROM vital_signs w WHERE w.stay_id = v.stay_id"
      + " AND (w.taken_at > v.taken_at OR (w.taken_at = v.taken_at AND w.id > v.id)))";

  private BoardStore() {}

  public static List<Ward> wards(Connection c) throws SQLException {
    List<Ward> out = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement("SELECT id, code, name FROM ward ORDER BY sort_order, id");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.add(Ward.newBuilder().setId(rs.getLong(1)).setCode(rs.getString(2)).setName(rs.getString(3)).build());
      }
    }
    return out;
  }

  /** Every bed of the ward (0: of every ward), in ward and bed order. */
  public static List<BedTile> tiles(Connection c, long wardId) throws SQLException {
    Map<Long, News2> scores = latestScores(c, wardId);
    List<BedTile> out = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(TILES + " JOIN ward w ON w.id = b.ward_id"
        + " WHERE (? = 0 OR b.ward_id = ?) ORDER BY w.sort_order, b.ward_id, b.sort_order, b.id")) {
      ps.setLong(1, wardId);
      ps.setLong(2, wardId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(tile(rs, scores));
        }
      }
    }
    return out;
  }

  public static Optional<BedTile> tile(Connection c, long bedId) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(TILES + " WHERE b.id = ?")) {
      ps.setLong(1, bedId);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        long stayId = rs.getLong("stay_id");
        Map<Long, News2> scores = stayId == 0 ? Map.of() : latestScores(c, rs.getLong("ward_id"));
        return Optional.of(tile(rs, scores));
      }
    }
  }

  /** The census of the ward (0: of every ward), one entry per ward. */
  public static List<Census> censuses(Connection c, long wardId) throws SQLException {
    Map<Long, Census.Builder> byWard = new LinkedHashMap<>();
    try (PreparedStatement ps = c.prepareStatement("SELECT w.id, b.state, COUNT(b.id) FROM ward w"
        + " LEFT JOIN bed b ON b.ward_id = w.id WHERE (? = 0 OR w.id = ?) GROUP BY w.id, w.sort_order, b.state"
        + " ORDER BY w.sort_order, w.id")) {
      ps.setLong(1, wardId);
      ps.setLong(2, wardId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          Census.Builder b = byWard.computeIfAbsent(rs.getLong(1), id -> Census.newBuilder().setWardId(id));
          String state = rs.getString(2);
          int n = rs.getInt(3);
          if (state == null) {
            continue;
          }
          b.setBeds(b.getBeds() + n);
          switch (BedState.valueOf(state)) {
            case FREE -> b.setFree(n);
            case RESERVED -> b.setReserved(n);
            case OCCUPIED -> b.setOccupied(n);
            case NEEDS_CLEANING -> b.setNeedsCleaning(n);
            case BLOCKED -> b.setBlocked(n);
            default -> throw new IllegalStateException(state);
          }
        }
      }
    }
    return byWard.values().stream().map(Census.Builder::build).toList();
  }

  public static Census census(Connection c, long wardId) throws SQLException {
    return censuses(c, wardId).getFirst();
  }

  private static Map<Long, News2> latestScores(Connection c, long wardId) throws SQLException {
    Map<Long, News2> out = new HashMap<>();
    try (PreparedStatement ps = c.prepareStatement(LATEST_NEWS2)) {
      ps.setLong(1, wardId);
      ps.setLong(2, wardId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.put(rs.getLong("stay_id"), News2.newBuilder().setTotal(rs.getInt("news2_total"))
              .setEscalation(Escalation.valueOf(rs.getString("escalation"))).setSpo2Scale(rs.getInt("spo2_scale"))
              .setRecordedAt(ProtoDates.timestamp(DbTime.get(rs, "taken_at"))).build());
        }
      }
    }
    return out;
  }

  private static BedTile tile(ResultSet rs, Map<Long, News2> scores) throws SQLException {
    Bed.Builder bed = Bed.newBuilder().setId(rs.getLong("id")).setWardId(rs.getLong("ward_id"))
        .setRoom(rs.getString("room")).setLabel(rs.getString("label"))
        .setState(BedState.valueOf(rs.getString("state"))).setVersion(rs.getLong("version"));
    if (rs.getString("note") != null) {
      bed.setNote(rs.getString("note"));
    }
    BedTile.Builder t = BedTile.newBuilder().setBed(bed);
    long stayId = rs.getLong("stay_id");
    if (stayId != 0) {
      Occupant.Builder o = Occupant.newBuilder().setStayId(stayId).setPatientId(rs.getLong("patient_id"))
          .setDisplayName(rs.getString("family_name") + ", " + rs.getString("given_names"))
          .setMrn(rs.getString("mrn")).setAdmittedAt(ProtoDates.timestamp(DbTime.get(rs, "admitted_at")))
          .setStayVersion(rs.getLong("stay_version")).setSpo2Scale(rs.getInt("spo2_scale"));
      News2 score = scores.get(stayId);
      if (score != null) {
        o.setLatestNews2(score);
      }
      t.setOccupant(o);
    }
    return t.build();
  }
}
