package org.hospital.server.operations;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * What a backup records about the database and a restore checks again: the audit chain's head, the schema
 * version and a few counts an operator recognises.
 */
record DatabaseState(long auditLastSequence, String auditLastHash, String schemaVersion, long patients,
    long appointments, long staffAccounts) {

  /** Reads the state on {@code c}, inside whatever transaction (and snapshot) it is in. */
  static DatabaseState read(Connection c) throws SQLException {
    long seq;
    String hash;
    try (PreparedStatement ps = c.prepareStatement("SELECT last_seq, last_hash FROM audit_chain_head WHERE id = 1");
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      seq = rs.getLong(1);
      hash = rs.getString(2);
    }
    return new DatabaseState(seq, hash, schemaVersion(c), count(c, "patient"), count(c, "appointment"),
        count(c, "staff_account"));
  }

  private static String schemaVersion(Connection c) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT version FROM flyway_schema_history WHERE success"
        + " AND version IS NOT NULL ORDER BY installed_rank DESC FETCH FIRST 1 ROWS ONLY");
        ResultSet rs = ps.executeQuery()) {
      return rs.next() ? rs.getString(1) : "";
    }
  }

  private static long count(Connection c, String table) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM " + table);
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
