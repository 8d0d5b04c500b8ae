package org.hospital.server.wards.writes;

import java.sql.Connection;
import java.sql.SQLException;
import org.hospital.server.persistence.Database;

/** The wards' reads: a pooled connection of their own, outside any transaction; they cannot write. */
public final class WardReads {

  /** A read's body. */
  public interface Read<T> {
    T run(Connection c) throws SQLException;
  }

  private final Database db;

  public WardReads(Database db) {
    this.db = db;
  }

  public <T> T read(Read<T> work) {
    try (Connection c = db.dataSource().getConnection()) {
      return work.run(c);
    } catch (SQLException e) {
      throw new WardWriter.SqlFailure(e);
    }
  }
}
