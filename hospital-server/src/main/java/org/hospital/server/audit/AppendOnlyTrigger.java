package org.hospital.server.audit;

import java.sql.Connection;
import java.sql.SQLException;
import org.h2.api.Trigger;

/** H2's guard for the audit log: any UPDATE or DELETE of an entry fails. PostgreSQL uses a PL/pgSQL trigger. */
public final class AppendOnlyTrigger implements Trigger {

  @Override
  public void fire(Connection conn, Object[] oldRow, Object[] newRow) throws SQLException {
    throw new SQLException("audit_entry is append-only");
  }
}
