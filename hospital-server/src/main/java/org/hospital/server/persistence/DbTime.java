package org.hospital.server.persistence;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * Instants as every table holds them (TIMESTAMP WITH TIME ZONE): UTC, to the microsecond, which is what
 * PostgreSQL keeps, so that a value read back equals the one written. The one conversion for entities and for
 * plain SQL alike.
 */
public final class DbTime {

  private DbTime() {}

  /** The column value of an instant; null for null. */
  public static OffsetDateTime toDb(Instant instant) {
    return instant == null ? null : instant.truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
  }

  /** The instant of a column value; null for null. */
  public static Instant fromDb(OffsetDateTime value) {
    return value == null ? null : value.toInstant();
  }

  public static void set(PreparedStatement ps, int index, Instant instant) throws SQLException {
    if (instant == null) {
      ps.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
    } else {
      ps.setObject(index, toDb(instant));
    }
  }

  public static Instant get(ResultSet rs, String column) throws SQLException {
    return fromDb(rs.getObject(column, OffsetDateTime.class));
  }

  public static Instant get(ResultSet rs, int column) throws SQLException {
    return fromDb(rs.getObject(column, OffsetDateTime.class));
  }
}
