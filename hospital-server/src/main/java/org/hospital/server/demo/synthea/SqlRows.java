package org.hospital.server.demo.synthea;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** The few plain JDBC helpers the import needs. */
final class SqlRows {

  private SqlRows() {}

  static boolean exists(Connection c, String sql) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
      return rs.next();
    }
  }

  static Long longValue(Connection c, String sql) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
      return rs.next() ? rs.getLong(1) : null;
    }
  }

  /**
   * Ids of the chart's tables, taken from chart_id_seq in blocks of 50 ending at the value the sequence gives,
   * as EclipseLink takes them: rows written here and rows the server writes later never share an id.
   */
  static final class ChartIds {
    private static final int BLOCK = 50;
    private final Connection c;
    private long next;
    private long last = -1;

    ChartIds(Connection c) {
      this.c = c;
    }

    long next() throws SQLException {
      if (next > last) {
        last = longValue(c, "SELECT nextval('chart_id_seq')");
        next = last - BLOCK + 1;
      }
      return next++;
    }
  }
}
