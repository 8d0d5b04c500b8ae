package org.hospital.server.scheduling;

import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.hospital.server.audit.AuditEvent;

/**
 * One scheduling write transaction: its JDBC connection, its time, and the changes and audit entries it
 * makes. {@link ScheduleWriter} stores those after the work: the events first (the schedule's counter, then
 * the wait list's), the audit entries last, just before commit, so that the audit chain's head row, which every
 * audited write of the server takes, is held only for the moment of the commit (see 0313).
 */
final class Tx {

  final Connection c;
  final Instant now;
  private final List<ScheduleEvents.Change> changes = new ArrayList<>();
  private final List<WaitListEvents.Change> waitListChanges = new ArrayList<>();
  private final List<AuditEvent> auditEntries = new ArrayList<>();

  Tx(Connection c, Instant now) {
    this.c = c;
    this.now = now;
  }

  /** Records that the appointment changed; the event carries the row as read now, after the change. */
  void changed(ScheduleEventType type, AppointmentRow after) {
    changes.add(new ScheduleEvents.Change(type, after));
  }

  /** Records that a wait-list entry was added or removed; the event carries the entry as read now. */
  void waitListChanged(WaitListEventType type, WaitListEntry after) {
    waitListChanges.add(new WaitListEvents.Change(type, after));
  }

  /** Records an audit entry, written with the transaction's other entries as it commits. */
  void audit(AuditEvent event) {
    auditEntries.add(event);
  }

  List<AuditEvent> auditEntries() {
    return auditEntries;
  }

  List<ScheduleEvents.Change> changes() {
    return changes;
  }

  List<WaitListEvents.Change> waitListChanges() {
    return waitListChanges;
  }
}
