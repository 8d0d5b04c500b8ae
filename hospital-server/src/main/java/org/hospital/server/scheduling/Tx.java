package org.hospital.server.scheduling;

import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.hospital.server.audit.AuditEvent;
import org.hospital.server.audit.AuditTrail;

/**
 * One scheduling write transaction: its JDBC connection, its time, and the changes and audit entries it
 * makes, which {@link ScheduleWriter} stores last, just before commit.
 */
final class Tx {

  final Connection c;
  final Instant now;
  private final EntityManager em;
  private final AuditTrail audit;
  private final List<ScheduleEventLog.Change> changes = new ArrayList<>();
  private final List<WaitListEventLog.Change> waitListChanges = new ArrayList<>();

  Tx(Connection c, EntityManager em, AuditTrail audit, Instant now) {
    this.c = c;
    this.em = em;
    this.audit = audit;
    this.now = now;
  }

  /** Records that the appointment changed; the event carries the row as read now, after the change. */
  void changed(ScheduleEventType type, AppointmentRow after) {
    changes.add(new ScheduleEventLog.Change(type, after));
  }

  /** Records that a wait-list entry was added or removed; the event carries the entry as read now. */
  void waitListChanged(WaitListEventType type, WaitListEntry after) {
    waitListChanges.add(new WaitListEventLog.Change(type, after));
  }

  void audit(AuditEvent event) {
    audit.recordWithin(em, event);
  }

  List<ScheduleEventLog.Change> changes() {
    return changes;
  }

  List<WaitListEventLog.Change> waitListChanges() {
    return waitListChanges;
  }
}
