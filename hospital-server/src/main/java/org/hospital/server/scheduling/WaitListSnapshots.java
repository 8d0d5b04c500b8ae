package org.hospital.server.scheduling;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import org.hospital.server.audit.AuditAction;
import org.hospital.server.audit.AuditEvent;
import org.hospital.server.audit.AuditOutcome;
import org.hospital.server.audit.AuditTrail;
import org.hospital.server.persistence.Database;
import org.hospital.server.security.CurrentUser;

/**
 * The starting point of a live wait-list subscription: the wait-list counter, then the open entries, in one
 * repeatable-read transaction (as {@link ScheduleSnapshots} does for the schedule). Reading the counter first
 * means the entries reflect at least every event up to it; a change committed in between shows and comes again
 * as an event, which subscribers apply by version. Audited like ListWaitList, since it names patients.
 */
public final class WaitListSnapshots {

  /** The open entries matching a filter as of {@code sequence}. */
  public record Snapshot(long sequence, List<WaitListEntry> entries) {

    /** The entries as the stream sends them. */
    public List<org.hospital.proto.scheduling.v1.WaitListEntry> messages() {
      return entries.stream().map(WaitListRequests::toProto).toList();
    }
  }

  private final Database db;
  private final AuditTrail audit;
  private final ScheduleCalendar calendar;
  private final Clock clock;

  WaitListSnapshots(Database db, AuditTrail audit, ScheduleCalendar calendar, Clock clock) {
    this.db = db;
    this.audit = audit;
    this.calendar = calendar;
    this.clock = clock;
  }

  public Snapshot read(WaitListFilter filter, CurrentUser user) {
    LocalDate today = calendar.dateOf(clock.instant());
    Snapshot s;
    try (Connection c = db.dataSource().getConnection()) {
      c.setAutoCommit(false);
      c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
      try {
        long sequence = EventCounter.read(c, EventCounter.WAIT_LIST);
        s = new Snapshot(sequence, WaitListStore.open(c, filter.departments(), filter.clinicians(), today));
        c.commit();
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot read the wait list", e);
    }
    // The pool resets isolation and auto-commit when the connection goes back.
    if (!s.entries().isEmpty()) {
      audit.record(AuditEvent.by(user, AuditAction.SCHEDULE_VIEWED, AuditEvent.NO_PATIENT, "wait list snapshot"
          + " sequence=" + s.sequence() + " patients=" + s.entries().stream()
          .map(e -> Long.toString(e.patientId())).distinct().collect(Collectors.joining(",")),
          AuditOutcome.SUCCESS));
    }
    return s;
  }
}
