package org.hospital.server.scheduling;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.hospital.server.audit.AuditTrail;
import org.hospital.server.live.EventHub;
import org.hospital.server.persistence.Database;

/**
 * Runs scheduling writes: one transaction on the JDBC connection of the persistence unit (so audit entries
 * written through it commit together with the change), the schedule and wait-list events appended as the very
 * last statements (schedule counter first, then the wait list's, always in that order so that writers never
 * wait on each other in a circle), and published to the live hubs only after commit.
 */
final class ScheduleWriter {

  /** A write's body; SQL failures propagate and roll everything back. */
  interface Work<T> {
    T run(Tx tx) throws SQLException;
  }

  /** Wraps SQL failures so that they cross the transaction boundary with their SQLSTATE. */
  static final class SqlFailure extends RuntimeException {
    SqlFailure(SQLException cause) {
      super(cause);
    }
  }

  private final Database db;
  private final AuditTrail audit;
  private final EventHub<ScheduleEventRecord> hub;
  private final EventHub<WaitListEventRecord> waitListHub;
  private final Clock clock;

  ScheduleWriter(Database db, AuditTrail audit, EventHub<ScheduleEventRecord> hub,
      EventHub<WaitListEventRecord> waitListHub, Clock clock) {
    this.db = db;
    this.audit = audit;
    this.hub = hub;
    this.waitListHub = waitListHub;
    this.clock = clock;
  }

  <T> T write(Work<T> work) {
    AtomicReference<List<ScheduleEventRecord>> events = new AtomicReference<>(List.of());
    AtomicReference<List<WaitListEventRecord>> waitListEvents = new AtomicReference<>(List.of());
    T result = db.inTransaction(em -> {
      Connection c = em.unwrap(Connection.class);
      try {
        if (db.vendor() == Database.Vendor.H2) {
          // H2 gives up on a row lock after one second by default; bookings queue for the event counter.
          try (Statement s = c.createStatement()) {
            s.execute("SET LOCK_TIMEOUT 20000");
          }
        }
        Tx tx = new Tx(c, em, audit, clock.instant().truncatedTo(ChronoUnit.MICROS));
        T r = work.run(tx);
        if (!tx.changes().isEmpty()) {
          events.set(ScheduleEventLog.append(c, tx.changes(), tx.now));
        }
        if (!tx.waitListChanges().isEmpty()) {
          waitListEvents.set(WaitListEventLog.append(c, tx.waitListChanges(), tx.now));
        }
        return r;
      } catch (SQLException e) {
        throw new SqlFailure(e);
      }
    });
    if (!events.get().isEmpty()) {
      hub.publish(events.get());
    }
    if (!waitListEvents.get().isEmpty()) {
      waitListHub.publish(waitListEvents.get());
    }
    return result;
  }

  /** A read on a connection of its own (no transaction needed: one consistent statement at a time suffices). */
  <T> T read(Work<T> work) {
    try (Connection c = db.dataSource().getConnection()) {
      return work.run(new Tx(c, null, audit, clock.instant().truncatedTo(ChronoUnit.MICROS)));
    } catch (SQLException e) {
      throw new SqlFailure(e);
    }
  }
}
