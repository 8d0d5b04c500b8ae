package org.hospital.server.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * What an attacker with the database to themselves (server stopped, H2 triggers dropped) does to the audit
 * trail, so that tests can show verify-audit catches it.
 */
public final class AuditTampering {

  private AuditTampering() {}

  /** Deletes the last {@code count} entries and moves the stored head back to the new last row. */
  public static void cutTail(Connection c, long count) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute("DROP TRIGGER IF EXISTS audit_entry_no_delete");
      long last = lastSeq(c);
      s.executeUpdate("DELETE FROM audit_entry WHERE seq > " + (last - count));
      s.executeUpdate("UPDATE audit_chain_head SET last_seq = (SELECT MAX(seq) FROM audit_entry), last_hash ="
          + " (SELECT entry_hash FROM audit_entry WHERE seq = (SELECT MAX(seq) FROM audit_entry)) WHERE id = 1");
    }
  }

  /** Changes one entry's detail and recomputes every hash from there on, and the head: a consistent chain. */
  public static void rewriteFrom(Connection c, long seq, String newDetail) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute("DROP TRIGGER IF EXISTS audit_entry_no_update");
    }
    String prev;
    try (PreparedStatement ps = c.prepareStatement("SELECT prev_hash FROM audit_entry WHERE seq = ?")) {
      ps.setLong(1, seq);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        prev = rs.getString(1);
      }
    }
    try (PreparedStatement ps = c.prepareStatement("UPDATE audit_entry SET detail = ? WHERE seq = ?")) {
      ps.setString(1, newDetail);
      ps.setLong(2, seq);
      ps.executeUpdate();
    }
    try (PreparedStatement read = c.prepareStatement("SELECT seq, recorded_at, actor, roles, action, patient_id,"
            + " detail, source, outcome FROM audit_entry WHERE seq >= ? ORDER BY seq");
        PreparedStatement write = c.prepareStatement(
            "UPDATE audit_entry SET prev_hash = ?, entry_hash = ? WHERE seq = ?")) {
      read.setLong(1, seq);
      long last = seq;
      try (ResultSet rs = read.executeQuery()) {
        while (rs.next()) {
          last = rs.getLong(1);
          Instant at = rs.getObject(2, OffsetDateTime.class).toInstant();
          AuditEvent e = new AuditEvent(rs.getString(3), rs.getString(4), AuditAction.valueOf(rs.getString(5)),
              rs.getLong(6), rs.getString(7), rs.getString(8), AuditOutcome.valueOf(rs.getString(9)));
          String hash = AuditHash.of(last, at, e, prev);
          write.setString(1, prev);
          write.setString(2, hash);
          write.setLong(3, last);
          write.executeUpdate();
          prev = hash;
        }
      }
      try (PreparedStatement head = c.prepareStatement(
          "UPDATE audit_chain_head SET last_seq = ?, last_hash = ? WHERE id = 1")) {
        head.setLong(1, last);
        head.setString(2, prev);
        head.executeUpdate();
      }
    }
  }

  public static long lastSeq(Connection c) throws SQLException {
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT MAX(seq) FROM audit_entry")) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
