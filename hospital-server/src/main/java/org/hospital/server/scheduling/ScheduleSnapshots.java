package org.hospital.server.scheduling;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.Collectors;
import org.hospital.server.audit.AuditAction;
import org.hospital.server.audit.AuditEvent;
import org.hospital.server.audit.AuditOutcome;
import org.hospital.server.audit.AuditTrail;
import org.hospital.server.persistence.Database;
import org.hospital.server.security.CurrentUser;

/**
 * The starting point of a live subscription: the sequence of the last committed change, then the matching
 * appointments, read in one repeatable-read transaction. Reading the counter first means the appointments
 * reflect at least every event up to it; a change committed in between may show too, and comes again as a
 * later event, which subscribers apply by version (an event older than what they hold is skipped).
 */
public final class ScheduleSnapshots {

  /** The appointments matching a filter as of {@code sequence}. */
  public record Snapshot(long sequence, List<AppointmentRow> appointments) {}

  private final Database db;
  private final AuditTrail audit;

  public ScheduleSnapshots(Database db, AuditTrail audit) {
    this.db = db;
    this.audit = audit;
  }

  public Snapshot read(ScheduleFilter filter, CurrentUser user) {
    Snapshot s;
    try (Connection c = db.dataSource().getConnection()) {
      c.setAutoCommit(false);
      c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
      try {
        long sequence;
        try (PreparedStatement ps = c.prepareStatement("SELECT last_seq FROM schedule_sequence WHERE id = 1");
            ResultSet rs = ps.executeQuery()) {
          rs.next();
          sequence = rs.getLong(1);
        }
        s = new Snapshot(sequence, AppointmentReads.inRange(c, filter.departments(), filter.clinicians(),
            filter.from(), filter.to()));
        c.commit();
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot read the schedule", e);
    }
    // The pool resets isolation and auto-commit when the connection goes back.
    audit.record(AuditEvent.by(user, AuditAction.SCHEDULE_VIEWED, AuditEvent.NO_PATIENT,
        "snapshot sequence=" + s.sequence() + " appointments=" + s.appointments().size() + " patients="
            + s.appointments().stream().map(a -> Long.toString(a.patientId())).distinct()
            .collect(Collectors.joining(",")), AuditOutcome.SUCCESS));
    return s;
  }
}
