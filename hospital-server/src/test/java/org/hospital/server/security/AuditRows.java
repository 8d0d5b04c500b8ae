package org.hospital.server.security;

import java.util.List;
import org.hospital.server.persistence.Database;

/** The audit log as a test reads it back from the database. */
final class AuditRows {

  record Row(String actor, String roles, String action, String detail, String source, String outcome) {}

  private AuditRows() {}

  static List<Row> all(Database db) {
    return Rows.query(db, "SELECT actor, roles, action, detail, source, outcome FROM audit_entry ORDER BY seq")
        .stream()
        .map(r -> new Row((String) r.get("actor"), (String) r.get("roles"), (String) r.get("action"),
            (String) r.get("detail"), (String) r.get("source"), (String) r.get("outcome")))
        .toList();
  }

  static Row last(Database db) {
    List<Row> rows = all(db);
    if (rows.isEmpty()) {
      throw new AssertionError("audit log is empty");
    }
    return rows.getLast();
  }
}
