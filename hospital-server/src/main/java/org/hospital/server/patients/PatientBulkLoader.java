package org.hospital.server.patients;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Set;
import org.hospital.server.persistence.Database;

/**
 * Loads many patients at once for demo data and benchmarks, with JDBC batches instead of one transaction per
 * patient. Search keys come from the entity itself ({@link Patient#register}), so bulk-loaded rows are found
 * exactly like registered ones. Not audited: it is not a user's action. Not for production imports.
 */
public final class PatientBulkLoader {

  private static final int BATCH = 1_000;
  private static final int ID_BLOCK = 50;

  private final Database db;

  public PatientBulkLoader(Database db) {
    this.db = db;
  }

  /** Inserts every draft; returns how many. */
  public long load(Iterator<PatientDraft> drafts, String createdBy) {
    return db.writing(() -> loadAll(drafts, createdBy));
  }

  private long loadAll(Iterator<PatientDraft> drafts, String createdBy) {
    Set<String> names = new HashSet<>();
    long total = 0;
    try (Connection c = db.dataSource().getConnection()) {
      c.setAutoCommit(false);
      Deque<Long> ids = new ArrayDeque<>();
      try (PreparedStatement ps = c.prepareStatement(PatientColumns.INSERT)) {
        while (drafts.hasNext()) {
          int n = 0;
          Deque<Long> mrns = nextMrns(c, BATCH);
          while (n < BATCH && drafts.hasNext()) {
            if (ids.isEmpty()) {
              ids.addAll(nextIdBlock(c));
            }
            Patient p = Patient.register(Mrn.fromSequence(mrns.pop()), drafts.next(), null, createdBy,
                Instant.now().truncatedTo(ChronoUnit.MICROS));
            bind(ps, ids.pop(), p);
            ps.addBatch();
            names.addAll(NameDictionary.keysOf(p));
            n++;
          }
          ps.executeBatch();
          c.commit();
          total += n;
        }
      }
      NameDictionary.learn(c, names);
      c.commit();
      analyze(c);
      return total;
    } catch (SQLException e) {
      throw new IllegalStateException("Bulk load failed after " + total + " patients", e);
    }
  }

  /** Ids are handed out in blocks of 50 ending at the sequence value, as EclipseLink does. */
  private Deque<Long> nextIdBlock(Connection c) throws SQLException {
    long last = single(c, "SELECT nextval('patient_id_seq')");
    Deque<Long> block = new ArrayDeque<>(ID_BLOCK);
    for (long id = last - ID_BLOCK + 1; id <= last; id++) {
      block.add(id);
    }
    return block;
  }

  private Deque<Long> nextMrns(Connection c, int count) throws SQLException {
    String sql = db.vendor() == Database.Vendor.H2
        ? "SELECT NEXT VALUE FOR patient_mrn_seq FROM SYSTEM_RANGE(1, " + count + ")"
        : "SELECT nextval('patient_mrn_seq') FROM generate_series(1, " + count + ")";
    Deque<Long> out = new ArrayDeque<>(count);
    try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.add(rs.getLong(1));
      }
    }
    return out;
  }

  private static long single(Connection c, String sql) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static void bind(PreparedStatement ps, long id, Patient p) throws SQLException {
    ps.setLong(1, id);
    int i = 2;
    for (PatientColumns.Written column : PatientColumns.WRITTEN) {
      ps.setObject(i++, column.value().apply(p));
    }
  }

  /** Fresh planner statistics after a big load, so PostgreSQL picks the search indexes. */
  private void analyze(Connection c) throws SQLException {
    c.setAutoCommit(true);
    try (PreparedStatement ps = c.prepareStatement(
        db.vendor() == Database.Vendor.H2 ? "ANALYZE" : "ANALYZE patient, name_variant")) {
      ps.execute();
    }
  }

  /** Patients in the database, for loaders that top up to a target size. */
  public long count() {
    try (Connection c = db.dataSource().getConnection()) {
      return single(c, "SELECT COUNT(*) FROM patient");
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
