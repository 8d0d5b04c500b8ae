package org.hospital.server.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.hospital.server.testing.TestDatabases;
import org.hospital.server.testing.TestDatabases.TestDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class AuditTrailTest {

  private static AuditEvent event(String actor, long patient) {
    return new AuditEvent(actor, "RECEPTION", AuditAction.PATIENT_READ, patient, "get", "127.0.0.1 desk-1",
        AuditOutcome.SUCCESS);
  }

  @ParameterizedTest
  @MethodSource("org.hospital.server.testing.TestDatabases#kinds")
  void concurrentAppendsFormOneIntactChain(String kind) throws Exception {
    try (TestDatabase t = TestDatabases.open(kind);
        DatabaseAuditTrail trail = new DatabaseAuditTrail(t.db(), Clock.systemUTC())) {
      ExecutorService pool = Executors.newFixedThreadPool(8);
      List<Future<?>> futures = new ArrayList<>();
      for (int i = 0; i < 400; i++) {
        int n = i;
        futures.add(pool.submit(() -> trail.record(event("user" + (n % 7), n))));
      }
      for (int i = 0; i < 20; i++) {
        int n = i;
        futures.add(pool.submit(() -> t.db().runInTransaction(em -> trail.recordWithin(em, event("writer", n)))));
      }
      for (Future<?> f : futures) {
        f.get();
      }
      pool.shutdown();
      AuditChainVerifier.Result result = new AuditChainVerifier(t.db().dataSource()).verify();
      assertTrue(result.intact(), () -> "chain broken at " + result.firstBrokenSequence());
      assertEquals(420, result.entriesChecked());
    }
  }

  @ParameterizedTest
  @MethodSource("org.hospital.server.testing.TestDatabases#kinds")
  void entriesCannotBeChangedOrDeleted(String kind) throws Exception {
    try (TestDatabase t = TestDatabases.open(kind);
        DatabaseAuditTrail trail = new DatabaseAuditTrail(t.db(), Clock.systemUTC())) {
      trail.record(event("alice", 1));
      try (Connection c = t.db().dataSource().getConnection(); Statement s = c.createStatement()) {
        assertThrows(java.sql.SQLException.class, () -> s.executeUpdate("UPDATE audit_entry SET actor = 'eve'"));
        assertThrows(java.sql.SQLException.class, () -> s.executeUpdate("DELETE FROM audit_entry"));
      }
      assertTrue(new AuditChainVerifier(t.db().dataSource()).verify().intact());
    }
  }

  @ParameterizedTest
  @MethodSource("org.hospital.server.testing.TestDatabases#kinds")
  void verifierReportsTheFirstTamperedEntry(String kind) throws Exception {
    try (TestDatabase t = TestDatabases.open(kind);
        DatabaseAuditTrail trail = new DatabaseAuditTrail(t.db(), Clock.systemUTC())) {
      for (int i = 1; i <= 10; i++) {
        trail.record(event("alice", i));
      }
      // Someone with owner rights drops the guard and rewrites history: the chain must give them away.
      try (Connection c = t.db().dataSource().getConnection(); Statement s = c.createStatement()) {
        if (kind.equals("h2")) {
          s.execute("DROP TRIGGER audit_entry_no_update");
        } else {
          s.execute("ALTER TABLE audit_entry DISABLE TRIGGER audit_entry_no_update_or_delete");
        }
        s.executeUpdate("UPDATE audit_entry SET actor = 'mallory' WHERE seq = 4");
      }
      AuditChainVerifier.Result result = new AuditChainVerifier(t.db().dataSource()).verify();
      assertFalse(result.intact());
      assertEquals(4, result.firstBrokenSequence());
      assertEquals(3, result.entriesChecked());
    }
  }
}
