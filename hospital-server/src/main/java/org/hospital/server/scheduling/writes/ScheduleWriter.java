package org.hospital.server.scheduling.writes;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.hospital.proto.scheduling.v1.ScheduleUpdate;
import org.hospital.proto.scheduling.v1.WaitListUpdate;
import org.hospital.server.audit.AuditTrail;
import org.hospital.server.live.LiveFeed;
import org.hospital.server.persistence.Database;
import org.hospital.server.scheduling.feed.ScheduleEventRecord;
import org.hospital.server.scheduling.feed.ScheduleEvents;
import org.hospital.server.scheduling.waitlist.WaitListEventRecord;
import org.hospital.server.scheduling.waitlist.WaitListEvents;

/**
 * Runs scheduling writes: one transaction on the JDBC connection of the persistence unit (so audit entries
 * written through it commit together with the change), the schedule and wait-list events appended as the very
 * last statements (schedule counter first, then the wait list's, always in that order so that writers never
 * wait on each other in a circle), and published to the live feeds only after commit. Reads go through
 * {@link ScheduleReads}.
 */
public final class ScheduleWriter {

  /** A write's body; SQL failures propagate and roll everything back. */
  public interface Work<T> {
    T run(Tx tx) throws SQLException;
  }

  /** Wraps SQL failures so that they cross the transaction boundary with their SQLSTATE. */
  public static final class SqlFailure extends RuntimeException {
    SqlFailure(SQLException cause) {
      super(cause);
    }
  }

  private final Database db;
  private final AuditTrail audit;
  private final LiveFeed<ScheduleEvents.Change, ScheduleEventRecord, ScheduleUpdate> schedule;
  private final LiveFeed<WaitListEvents.Change, WaitListEventRecord, WaitListUpdate> waitList;
  private final Clock clock;

  public ScheduleWriter(Database db, AuditTrail audit,
      LiveFeed<ScheduleEvents.Change, ScheduleEventRecord, ScheduleUpdate> schedule,
      LiveFeed<WaitListEvents.Change, WaitListEventRecord, WaitListUpdate> waitList, Clock clock) {
    this.db = db;
    this.audit = audit;
    this.schedule = schedule;
    this.waitList = waitList;
    this.clock = clock;
  }

  public <T> T write(Work<T> work) {
    AtomicReference<List<ScheduleEventRecord>> events = new AtomicReference<>(List.of());
    AtomicReference<List<WaitListEventRecord>> waitListEvents = new AtomicReference<>(List.of());
    T result = db.inTransaction(em -> {
      Connection c = em.unwrap(Connection.class);
      try {
        Tx tx = new Tx(c, em, audit, clock.instant().truncatedTo(ChronoUnit.MICROS));
        T r = work.run(tx);
        if (!tx.changes().isEmpty()) {
          events.set(schedule.append(c, tx.changes(), tx.now()));
        }
        if (!tx.waitListChanges().isEmpty()) {
          waitListEvents.set(waitList.append(c, tx.waitListChanges(), tx.now()));
        }
        return r;
      } catch (SQLException e) {
        throw new SqlFailure(e);
      }
    });
    schedule.publish(events.get());
    waitList.publish(waitListEvents.get());
    return result;
  }
}
