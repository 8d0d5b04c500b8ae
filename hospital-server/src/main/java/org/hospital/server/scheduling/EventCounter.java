package org.hospital.server.scheduling;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The single-row counters behind the event logs (schedule_sequence, wait_list_sequence). Taking numbers
 * updates the row, whose lock then stays held until commit: sequence order is commit order and a rollback
 * gives the numbers back. See docs/decisions/0302-schedule-event-sequence.md.
 */
final class EventCounter {

  static final String SCHEDULE = "schedule_sequence";
  static final String WAIT_LIST = "wait_list_sequence";

  private EventCounter() {}

  /** Takes {@code count} numbers; returns the last of them. Call last in the transaction. */
  static long take(Connection c, String counter, int count) throws SQLException {
    try (PreparedStatement up = c.prepareStatement(
        "UPDATE " + counter + " SET last_seq = last_seq + ? WHERE id = 1")) {
      up.setInt(1, count);
      up.executeUpdate();
    }
    return read(c, counter);
  }

  /** The last number taken and committed (or taken by this transaction). */
  static long read(Connection c, String counter) throws SQLException {
    try (PreparedStatement q = c.prepareStatement("SELECT last_seq FROM " + counter + " WHERE id = 1");
        ResultSet rs = q.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
