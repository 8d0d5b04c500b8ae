package org.hospital.server.scheduling.appointments;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;

/**
 * The one JDBC binding scheduling adds to {@link org.hospital.server.persistence.DbTime}'s: an optional id,
 * 0 in the records, NULL in the tables.
 */
public final class Sql {

  private Sql() {}

  public static void setLongOrNull(PreparedStatement ps, int index, long value) throws SQLException {
    if (value == 0) {
      ps.setNull(index, Types.BIGINT);
    } else {
      ps.setLong(index, value);
    }
  }
}
