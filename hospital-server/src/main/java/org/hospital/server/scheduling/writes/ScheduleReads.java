package org.hospital.server.scheduling.writes;

import java.sql.Connection;
import java.sql.SQLException;
import org.hospital.server.persistence.Database;

/**
 * Scheduling's reads: each on a connection of its own, outside any transaction (one consistent statement at a
 * time suffices). A read gets the connection and nothing else, so that it cannot record an event or an audit
 * entry; writes go through {@link ScheduleWriter}.
 */
public final class ScheduleReads {

  /** A read's body; SQL failures propagate as {@link ScheduleWriter.SqlFailure}. */
  public interface Read<T> {
    T run(Connection c) throws SQLException;
  }

  private final Database db;

  public ScheduleReads(Database db) {
    this.db = db;
  }

  public <T> T read(Read<T> work) {
    try (Connection c = db.dataSource().getConnection()) {
      return work.run(c);
    } catch (SQLException e) {
      throw new ScheduleWriter.SqlFailure(e);
    }
  }
}
