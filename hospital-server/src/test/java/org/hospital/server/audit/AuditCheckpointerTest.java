package org.hospital.server.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.hospital.server.testing.TestHospitalServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditCheckpointerTest {

  @Test
  void checkpointsOnTheScheduleOnlyWhenTheChainHasGrown(@TempDir Path auditDir) throws Exception {
    try (TestHospitalServer hospital = TestHospitalServer.start();
        DatabaseAuditTrail trail = new DatabaseAuditTrail(hospital.server().database(), Clock.systemUTC())) {
      CheckpointLog log = new CheckpointLog(auditDir.resolve(CheckpointLog.FILE));
      try (AuditCheckpointer checkpointer = new AuditCheckpointer(hospital.server().database().dataSource(), trail,
          auditDir, Duration.ofMillis(200), Clock.systemUTC())) {
        trail.record(read());
        waitForLines(log, 1);
        Thread.sleep(1_000);
        assertEquals(1, log.read().size(), "the head did not move, so no new checkpoint");
        Checkpoint first = Checkpoint.parse(log.read().getFirst().text()).orElseThrow();
        try (Connection c = hospital.server().database().dataSource().getConnection()) {
          // the checkpoint covers its own AUDIT_CHECKPOINT entry, which is the last committed one
          assertEquals(AuditTampering.lastSeq(c), first.seq());
        }
        assertTrue(first.signedBy(CheckpointKeys.readPublic(auditDir.resolve(CheckpointKeys.PUBLIC_KEY_FILE))));
        trail.record(read());
        waitForLines(log, 2);
      }
      List<CheckpointLog.Line> lines = log.read();
      assertEquals(2, lines.size(), "closing without new entries writes no checkpoint: " + lines);
    }
  }

  private static AuditEvent read() {
    return new AuditEvent("reception", "RECEPTION", AuditAction.PATIENT_READ, 1, "test", "127.0.0.1",
        AuditOutcome.SUCCESS);
  }

  private static void waitForLines(CheckpointLog log, int n) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (log.read().size() < n && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    assertEquals(n, log.read().size());
  }
}
