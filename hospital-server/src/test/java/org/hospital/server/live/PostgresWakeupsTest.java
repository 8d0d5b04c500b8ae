package org.hospital.server.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.hospital.server.testing.TestDatabases.TestDatabase;
import org.hospital.server.testing.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The wake-up listener on a real PostgreSQL database, driven from other connections: a committed
 * notification arrives with its topic, a rolled-back one never does, and after its connection is killed
 * from outside the listener reconnects and hears the next one.
 */
class PostgresWakeupsTest {

  private TestDatabase pg;
  private PostgresWakeups wakeups;
  private final BlockingQueue<String> woken = new LinkedBlockingQueue<>();

  @BeforeEach
  void start() throws Exception {
    pg = TestDatabases.postgres();
    wakeups = new PostgresWakeups(pg.db(), woken::add);
    wakeups.start();
    awaitListening();
  }

  @AfterEach
  void stop() {
    if (wakeups != null) {
      wakeups.close();
    }
    if (pg != null) {
      pg.close();
    }
  }

  @Test
  void aCommittedNotificationWakesItsTopicAndARolledBackOneNever() throws Exception {
    notify("schedule", true);
    assertEquals("schedule", woken.poll(30, TimeUnit.SECONDS));
    notify("wait_list", false);
    notify("lab_results", true);
    assertEquals("lab_results", woken.poll(30, TimeUnit.SECONDS), "the rolled-back wait_list one never came");
    assertNull(woken.poll(1, TimeUnit.SECONDS));
  }

  @Test
  void afterItsConnectionIsKilledTheListenerReconnectsAndHearsTheNextOne() throws Exception {
    int killed = awaitListening();
    try (Connection c = pg.db().dataSource().getConnection(); Statement s = c.createStatement()) {
      s.execute("SELECT pg_terminate_backend(" + killed + ")");
    }
    // Until a new session listens: the killed one may still show for a moment.
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (listenerPid() == killed || listenerPid() == 0) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("the listener did not come back");
      }
      Thread.sleep(100);
    }
    notify("schedule", true);
    assertEquals("schedule", woken.poll(30, TimeUnit.SECONDS));
  }

  private void notify(String topic, boolean commit) throws SQLException {
    try (Connection c = pg.db().dataSource().getConnection()) {
      c.setAutoCommit(false);
      try (PreparedStatement n = c.prepareStatement("SELECT pg_notify(?, ?)")) {
        n.setString(1, PostgresWakeups.CHANNEL);
        n.setString(2, topic);
        n.execute();
      }
      if (commit) {
        c.commit();
      } else {
        c.rollback();
      }
      c.setAutoCommit(true);
    }
  }

  /** The listening session's process id, once it listens. */
  private int awaitListening() throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (System.nanoTime() < deadline) {
      int pid = listenerPid();
      if (pid != 0) {
        return pid;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("the listener never listened");
  }

  /** The process id of this database's idle session whose last statement was LISTEN, or 0. */
  private int listenerPid() throws SQLException {
    try (Connection c = pg.db().dataSource().getConnection(); Statement s = c.createStatement();
        var rs = s.executeQuery("SELECT pid FROM pg_stat_activity WHERE query LIKE 'LISTEN%'"
            + " AND state = 'idle' AND datname = current_database() ORDER BY backend_start DESC LIMIT 1")) {
      return rs.next() ? rs.getInt(1) : 0;
    }
  }
}
