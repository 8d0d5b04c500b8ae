package org.hospital.server.wards.beds;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import org.hospital.server.persistence.DbTime;

/** The bed, ward and room rows: created for a ward's layout, locked and changed one bed at a time. */
public final class BedStore {

  private BedStore() {}

  /** The bed, its row locked to the end of the transaction: the one place admissions to it queue. */
  public static Optional<BedRow> lock(Connection c, long bedId) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT id, ward_id, label, state, note, version, updated_at, updated_by,"
        + " (SELECT r.name FROM ward_room r WHERE r.id = bed.room_id) AS room FROM bed WHERE id = ? FOR UPDATE")) {
      ps.setLong(1, bedId);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        return Optional.of(new BedRow(rs.getLong("id"), rs.getLong("ward_id"), rs.getString("room"),
            rs.getString("label"),
            BedState.valueOf(rs.getString("state")), rs.getString("note"), rs.getLong("version"),
            DbTime.get(rs, "updated_at"), rs.getString("updated_by")));
      }
    }
  }

  /** Sets the state and note, taking the next version. */
  public static void setState(Connection c, long bedId, BedState state, String note, String by, Instant now)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("UPDATE bed SET state = ?, note = ?, version = version + 1,"
        + " updated_at = ?, updated_by = ? WHERE id = ?")) {
      ps.setString(1, state.name());
      ps.setString(2, note);
      DbTime.set(ps, 3, now);
      ps.setString(4, by);
      ps.setLong(5, bedId);
      ps.executeUpdate();
    }
  }

  public static long insertWard(Connection c, String code, String name, int sortOrder) throws SQLException {
    long id = nextId(c);
    try (PreparedStatement ps = c.prepareStatement(
        "INSERT INTO ward (id, code, name, sort_order) VALUES (?, ?, ?, ?)")) {
      ps.setLong(1, id);
      ps.setString(2, code);
      ps.setString(3, name);
      ps.setInt(4, sortOrder);
      ps.executeUpdate();
    }
    return id;
  }

  public static long insertRoom(Connection c, long wardId, String name) throws SQLException {
    long id = nextId(c);
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO ward_room (id, ward_id, name) VALUES (?, ?, ?)")) {
      ps.setLong(1, id);
      ps.setLong(2, wardId);
      ps.setString(3, name);
      ps.executeUpdate();
    }
    return id;
  }

  public static long insertBed(Connection c, long wardId, long roomId, String label, int sortOrder, String by,
      Instant now) throws SQLException {
    long id = nextId(c);
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO bed (id, ward_id, room_id, label, sort_order,"
        + " state, note, version, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, 'FREE', NULL, 1, ?, ?)")) {
      ps.setLong(1, id);
      ps.setLong(2, wardId);
      ps.setLong(3, roomId);
      ps.setString(4, label);
      ps.setInt(5, sortOrder);
      DbTime.set(ps, 6, now);
      ps.setString(7, by);
      ps.executeUpdate();
    }
    return id;
  }

  /** A new id for a ward, room, bed, stay or set of vital signs (one sequence for the feature). */
  public static long nextId(Connection c) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT nextval('ward_id_seq')");
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
