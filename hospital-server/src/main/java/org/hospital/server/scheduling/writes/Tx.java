package org.hospital.server.scheduling.writes;

import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.hospital.server.audit.AuditEvent;
import org.hospital.server.audit.AuditTrail;
import org.hospital.server.scheduling.appointments.AppointmentRow;
import org.hospital.server.scheduling.feed.ScheduleEventType;
import org.hospital.server.scheduling.feed.ScheduleEvents;
import org.hospital.server.scheduling.waitlist.WaitListEntry;
import org.hospital.server.scheduling.waitlist.WaitListEventType;
import org.hospital.server.scheduling.waitlist.WaitListEvents;

/**
 * One scheduling write transaction: its JDBC connection, its time, and what it changes. Audit entries go into
 * the transaction as they are recorded (taking the audit chain's head row lock then, held to commit); the feed
 * events it collects are appended by {@link ScheduleWriter} last, just before commit. Writing the audit
 * entries last as well was measured, and was no faster under four concurrent bookers (187 and 256 bookings a
 * second on PostgreSQL, against 278 and 272 this way; BENCHMARKS.md): taking the audit row first orders the
 * writers once, where taking both hot rows at the end makes them queue twice.
 */
public final class Tx {

  private final Connection c;
  private final Instant now;
  private final List<ScheduleEvents.Change> changes = new ArrayList<>();
  private final List<WaitListEvents.Change> waitListChanges = new ArrayList<>();
  private final EntityManager em;
  private final AuditTrail audit;

  Tx(Connection c, EntityManager em, AuditTrail audit, Instant now) {
    this.c = c;
    this.em = em;
    this.audit = audit;
    this.now = now;
  }

  /** The transaction's connection: statements on it commit or roll back with the write. */
  public Connection connection() {
    return c;
  }

  /** The write's time, to the microsecond: every row and event it makes carries this one instant. */
  public Instant now() {
    return now;
  }

  /** Records that the appointment changed; the event carries the row as read now, after the change. */
  public void changed(ScheduleEventType type, AppointmentRow after) {
    changes.add(new ScheduleEvents.Change(type, after));
  }

  /** Records that a wait-list entry was added or removed; the event carries the entry as read now. */
  public void waitListChanged(WaitListEventType type, WaitListEntry after) {
    waitListChanges.add(new WaitListEvents.Change(type, after));
  }

  /** Writes an audit entry into this transaction: it commits, or rolls back, with the change. */
  public void audit(AuditEvent event) {
    audit.recordWithin(em, event);
  }

  List<ScheduleEvents.Change> changes() {
    return changes;
  }

  List<WaitListEvents.Change> waitListChanges() {
    return waitListChanges;
  }
}
