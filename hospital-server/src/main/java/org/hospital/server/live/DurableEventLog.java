package org.hospital.server.live;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.hospital.server.persistence.Database;
import org.hospital.server.persistence.DbTime;

/**
 * The persisted, ordered log of one feed's events: rows of {@code <topic>_event} numbered by the single row of
 * {@code <topic>_sequence}. {@link #append} runs inside the changing transaction, among its last statements: it
 * increments the counter row, whose row lock then stays held until commit, so that no other change can take a
 * sequence before this one commits. Sequence order is commit order and a rolled-back change gives its numbers
 * back: subscribers see a sequence without gaps. See docs/decisions/0302-schedule-event-sequence.md and, for
 * adding a feed, docs/decisions/0313-one-live-feed.md.
 *
 * @param <C> a change as the feature records it within its transaction
 * @param <R> the event as subscribers' filters and messages use it
 */
public final class DurableEventLog<C, R extends Sequenced> implements EventLog<R> {

  /** How a feed's changes become rows, and rows become events again. */
  public interface Codec<C, R extends Sequenced> {

    /** The event table's columns besides {@code seq}, in the order {@link #bind} binds them. */
    List<String> columns();

    /**
     * Binds the columns for one change, from parameter 2 on (1 is the sequence), and returns the event exactly
     * as {@link #read} will read it back.
     */
    R bind(PreparedStatement insert, long sequence, C change, Instant now) throws SQLException;

    /** The event of a row holding {@code seq} and {@link #columns()} (read them by name). */
    R read(ResultSet row) throws SQLException, IOException;
  }

  /** What a snapshot reads, on the snapshot's connection and transaction. */
  public interface SnapshotReader<T> {
    T read(Connection c) throws SQLException;
  }

  /** The feed's state as of {@code sequence}: a subscriber starts there and follows the events after it. */
  public record Snapshot<T>(long sequence, T contents) {}

  private static final Pattern TOPIC = Pattern.compile("[a-z][a-z_]*");

  private final Database db;
  private final String topic;
  private final String eventTable;
  private final String counterTable;
  private final Codec<C, R> codec;
  private final String insert;
  private final String select;

  /**
   * @param topic names the tables ({@code <topic>_event}, {@code <topic>_sequence}); lower case and underscores,
   *     since it becomes part of the SQL
   */
  public DurableEventLog(Database db, String topic, Codec<C, R> codec) {
    if (!TOPIC.matcher(topic).matches()) {
      throw new IllegalArgumentException("A topic is lower case letters and underscores: " + topic);
    }
    this.db = db;
    this.topic = topic;
    this.eventTable = topic + "_event";
    this.counterTable = topic + "_sequence";
    this.codec = codec;
    String columns = String.join(", ", codec.columns());
    this.insert = "INSERT INTO " + eventTable + " (seq, " + columns + ") VALUES (?"
        + ", ?".repeat(codec.columns().size()) + ")";
    this.select = "SELECT seq, " + columns + " FROM " + eventTable + " WHERE seq > ? ORDER BY seq";
  }

  public String topic() {
    return topic;
  }

  /** Appends the changes in order; call last in the transaction, then publish what it returns after commit. */
  public List<R> append(Connection c, List<C> changes, Instant now) throws SQLException {
    try (PreparedStatement up = c.prepareStatement(
        "UPDATE " + counterTable + " SET last_seq = last_seq + ? WHERE id = 1")) {
      up.setInt(1, changes.size());
      up.executeUpdate();
    }
    long seq = latestWithin(c) - changes.size();
    List<R> out = new ArrayList<>(changes.size());
    try (PreparedStatement ins = c.prepareStatement(insert)) {
      for (C change : changes) {
        seq++;
        ins.setLong(1, seq);
        out.add(codec.bind(ins, seq, change, now));
        ins.addBatch();
      }
      ins.executeBatch();
    }
    if (db.vendor() == Database.Vendor.POSTGRESQL) {
      // Delivered at commit, to every server instance listening (PostgresWakeups): a wake-up only, the
      // tables stay the truth, and a lost notification is caught by the hub's periodic poll.
      try (PreparedStatement notify = c.prepareStatement("SELECT pg_notify(?, ?)")) {
        notify.setString(1, PostgresWakeups.CHANNEL);
        notify.setString(2, topic);
        notify.execute();
      }
    }
    return out;
  }

  /** The last sequence taken and committed, or taken by the transaction of {@code c}. */
  public long latestWithin(Connection c) throws SQLException {
    try (PreparedStatement q = c.prepareStatement("SELECT last_seq FROM " + counterTable + " WHERE id = 1");
        ResultSet rs = q.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /**
   * The counter, then what {@code reader} reads, in one repeatable-read transaction. Reading the counter first
   * means the contents reflect at least every event up to it; a change committed in between may show too, and
   * comes again as a later event, which subscribers apply by version.
   */
  public <T> Snapshot<T> snapshot(SnapshotReader<T> reader) {
    try (Connection c = db.dataSource().getConnection()) {
      c.setAutoCommit(false);
      c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
      try {
        long sequence = latestWithin(c);
        Snapshot<T> s = new Snapshot<>(sequence, reader.read(c));
        c.commit();
        return s;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
      // The pool resets isolation and auto-commit when the connection goes back.
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot read the " + topic + " snapshot", e);
    }
  }

  @Override
  public long latest() {
    return query("SELECT last_seq FROM " + counterTable + " WHERE id = 1");
  }

  /** The lowest sequence still held, or 0 when the log is empty. */
  public long oldestRetained() {
    return query("SELECT MIN(seq) FROM " + eventTable);
  }

  @Override
  public List<R> after(long sequence, int limit) {
    List<R> out = new ArrayList<>();
    try (Connection c = db.dataSource().getConnection();
        PreparedStatement ps = c.prepareStatement(select + " FETCH FIRST " + limit + " ROWS ONLY")) {
      ps.setLong(1, sequence);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(codec.read(rs));
        }
      }
    } catch (SQLException | IOException e) {
      throw new IllegalStateException("Cannot read the " + topic + " event log", e);
    }
    return out;
  }

  /**
   * Forgets events beyond the retention window: more than {@code keepEvents} behind the latest, or older than
   * {@code keepSince}. Resuming from before the oldest kept event gets a fresh snapshot instead.
   */
  public int purge(long keepEvents, Instant keepSince) {
    try (Connection c = db.dataSource().getConnection();
        PreparedStatement ps = c.prepareStatement(
            "DELETE FROM " + eventTable + " WHERE seq <= ? OR occurred_at < ?")) {
      ps.setLong(1, latest() - keepEvents);
      DbTime.set(ps, 2, keepSince);
      return ps.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot purge the " + topic + " event log", e);
    }
  }

  private long query(String sql) {
    try (Connection c = db.dataSource().getConnection();
        PreparedStatement ps = c.prepareStatement(sql);
        ResultSet rs = ps.executeQuery()) {
      return rs.next() ? rs.getLong(1) : 0; // getLong gives 0 for NULL (an empty log)
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot read the " + topic + " event log", e);
    }
  }
}
