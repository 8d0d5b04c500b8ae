package org.hospital.server.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.hospital.server.persistence.Database;

/**
 * Row counts, and the sum of versions where a table has one, of every table: what changes on any insert,
 * delete or versioned update. Left out are the tables a refused call writes by design: the audit trail (a
 * denial is audited), sign-in throttles (a failed sign-in is counted) and Flyway's history.
 */
public final class DataFingerprint {

  private static final Set<String> WRITTEN_ON_REFUSAL = Set.of("audit_entry", "audit_chain_head",
      "sign_in_throttle", "flyway_schema_history");

  private final Database db;
  private final String query;

  public DataFingerprint(Database db) {
    this.db = db;
    List<String> parts = new ArrayList<>();
    List<Object[]> tables = db.read(em -> em.createNativeQuery("SELECT t.table_name,"
            + " (SELECT COUNT(*) FROM information_schema.columns c WHERE c.table_schema = t.table_schema"
            + " AND c.table_name = t.table_name AND c.column_name = 'version')"
            + " FROM information_schema.tables t WHERE t.table_schema = 'public' AND t.table_type IN"
            + " ('BASE TABLE', 'TABLE') ORDER BY t.table_name")
        .getResultList());
    for (Object[] row : tables) {
      String table = ((String) row[0]).toLowerCase(java.util.Locale.ROOT);
      if (WRITTEN_ON_REFUSAL.contains(table)) {
        continue;
      }
      boolean versioned = ((Number) row[1]).longValue() > 0;
      parts.add("'" + table + "=' || (SELECT COUNT(*) FROM " + table + ")"
          + (versioned ? " || '/' || (SELECT COALESCE(SUM(version), 0) FROM " + table + ")" : ""));
    }
    if (parts.size() < 10) {
      throw new IllegalStateException("expected the hospital's tables, found " + tables.size());
    }
    this.query = "SELECT " + String.join(" || ' ' || ", parts);
  }

  public String fingerprint() {
    return db.read(em -> String.valueOf(em.createNativeQuery(query).getSingleResult()));
  }

  /** Ids of rows that exist (patients, appointments, staff), for requests that should reach past lookups. */
  public List<Long> someIds() {
    List<Long> ids = new ArrayList<>();
    for (String sql : List.of("SELECT id FROM patient ORDER BY id LIMIT 5",
        "SELECT id FROM appointment ORDER BY id LIMIT 5", "SELECT id FROM staff_account ORDER BY id LIMIT 5",
        "SELECT id FROM department ORDER BY id LIMIT 3")) {
      for (Object id : db.read(em -> em.createNativeQuery(sql).getResultList())) {
        ids.add(((Number) id).longValue());
      }
    }
    return ids;
  }
}
