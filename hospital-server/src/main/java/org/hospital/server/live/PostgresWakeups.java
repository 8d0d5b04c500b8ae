package org.hospital.server.live;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.hospital.server.persistence.Database;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * On PostgreSQL, wakes this instance's feeds the moment another instance (or this one) commits an event:
 * {@link DurableEventLog#append} sends {@code pg_notify('hospital_live', topic)} in the writing transaction,
 * and this listener, on a connection of its own, hands the topic to {@code wake}, which makes that feed's hub
 * read its log. A wake-up only: the event tables stay the truth, so a notification lost while the connection
 * was down is caught by the hub's periodic poll, and this listener reconnects by itself.
 * See docs/decisions/0315-live-feeds-across-instances.md.
 */
final class PostgresWakeups implements AutoCloseable {

  static final String CHANNEL = "hospital_live";
  private static final Duration WAIT = Duration.ofSeconds(1);
  private static final Duration RECONNECT_AFTER = Duration.ofSeconds(2);
  private static final Logger LOG = Logger.getLogger(PostgresWakeups.class.getName());

  private final Database db;
  private final Consumer<String> wake;
  private final Thread listener;
  private volatile boolean closed;

  PostgresWakeups(Database db, Consumer<String> wake) {
    this.db = db;
    this.wake = wake;
    this.listener = Thread.ofPlatform().name("live-feed-wakeups").daemon().unstarted(this::listen);
  }

  void start() {
    listener.start();
  }

  private void listen() {
    while (!closed) {
      try (Connection c = db.dedicatedConnection()) {
        try (Statement s = c.createStatement()) {
          s.execute("LISTEN " + CHANNEL);
        }
        PGConnection pg = c.unwrap(PGConnection.class);
        while (!closed) {
          PGNotification[] arrived = pg.getNotifications((int) WAIT.toMillis());
          if (arrived != null) {
            for (PGNotification n : arrived) {
              wake.accept(n.getParameter());
            }
          }
        }
      } catch (SQLException | RuntimeException e) {
        if (!closed) {
          // The periodic poll keeps the feeds right meanwhile; only their latency suffers.
          LOG.log(Level.WARNING, "Live feed wake-ups interrupted; reconnecting", e);
          pause();
        }
      }
    }
  }

  private void pause() {
    try {
      Thread.sleep(RECONNECT_AFTER);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    closed = true;
    listener.interrupt();
    try {
      listener.join(WAIT.multipliedBy(3));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
