package org.hospital.server.billing;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import org.hospital.server.audit.AuditTrail;
import org.hospital.server.persistence.Database;

/**
 * Runs billing writes and reads: one transaction on the persistence unit's connection, so that audit entries
 * commit, or roll back, with the change.
 */
final class BillingWriter {

  interface Work<T> {
    T run(BillingTx tx) throws SQLException;
  }

  /** A SQL failure crossing the transaction boundary (it rolls the write back). */
  static final class SqlFailure extends RuntimeException {
    SqlFailure(SQLException cause) {
      super(cause);
    }
  }

  private final Database db;
  private final AuditTrail audit;
  private final Clock clock;

  BillingWriter(Database db, AuditTrail audit, Clock clock) {
    this.db = db;
    this.audit = audit;
    this.clock = clock;
  }

  <T> T write(Work<T> work) {
    return db.inTransaction(em -> {
      Connection c = em.unwrap(Connection.class);
      try {
        return work.run(new BillingTx(c, em, audit, clock.instant().truncatedTo(ChronoUnit.MICROS)));
      } catch (SQLException e) {
        throw new SqlFailure(e);
      }
    });
  }

  Database database() {
    return db;
  }

  Clock clock() {
    return clock;
  }
}
