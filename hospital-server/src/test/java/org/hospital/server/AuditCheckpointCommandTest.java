package org.hospital.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.hospital.server.audit.AuditAction;
import org.hospital.server.audit.AuditEvent;
import org.hospital.server.audit.AuditOutcome;
import org.hospital.server.audit.AuditTampering;
import org.hospital.server.audit.CheckpointKeys;
import org.hospital.server.audit.CheckpointLog;
import org.hospital.server.audit.DatabaseAuditTrail;
import org.hospital.server.testing.TestHospitalServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * verify-audit against the signed checkpoints, on a real H2 file database: two server runs (two shutdown
 * checkpoints) with 120 and 30 entries, then the tampering an attacker with the stopped server's files can do.
 */
class AuditCheckpointCommandTest {

  private TestHospitalServer hospital;
  private Path log;

  @BeforeEach
  void twoRunsWithCheckpoints() {
    hospital = TestHospitalServer.start();
    writeEntries(120);
    hospital.restart();
    writeEntries(30);
    hospital.stop();
    log = hospital.config().auditDir().resolve(CheckpointLog.FILE);
  }

  @AfterEach
  void close() {
    hospital.close();
  }

  @Test
  void intactChainWithCheckpointsPasses() throws Exception {
    List<String> lines = Files.readAllLines(log);
    assertEquals(2, lines.size(), lines.toString());
    Path key = hospital.config().auditDir().resolve(CheckpointKeys.PRIVATE_KEY_FILE);
    if (Files.getFileStore(key).supportsFileAttributeView("posix")) {
      assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(key)));
    }
    Run r = verify();
    assertEquals(0, r.exit(), r.out());
    assertTrue(r.out().contains("verified against 2 signed checkpoints"), r.out());
  }

  @Test
  void tailCutWithTheHeadMovedBackIsReported() throws Exception {
    long last;
    try (Connection c = connect()) {
      last = AuditTampering.lastSeq(c);
      AuditTampering.cutTail(c, 75);
    }
    Run r = verify();
    assertEquals(3, r.exit(), r.out());
    assertTrue(r.out().contains("signed entry " + last + " but the chain ends at " + (last - 75) + ": entries "
        + (last - 74) + ".." + last + " are missing"), r.out());
    assertFalse(r.out().contains("does not match its hash chain"), "the chain itself is consistent: " + r.out());
  }

  @Test
  void wholeChainRecomputedAfterAnEditIsReported() throws Exception {
    long firstCheckpoint = Long.parseLong(Files.readAllLines(log).getFirst().split(" ")[1]);
    try (Connection c = connect()) {
      AuditTampering.rewriteFrom(c, 5, "nothing to see here");
    }
    Run r = verify();
    assertEquals(3, r.exit(), r.out());
    assertTrue(r.out().contains("entry " + firstCheckpoint + "'s hash differs from the checkpoint of "), r.out());
    assertTrue(r.out().contains("the chain was rewritten"), r.out());
  }

  @Test
  void removedCheckpointFileIsReported() throws Exception {
    Files.delete(log);
    Run r = verify();
    assertEquals(3, r.exit(), r.out());
    assertTrue(r.out().contains("the audit trail records 2 checkpoints but " + log
        + " is missing or empty: the checkpoint file was removed"), r.out());
  }

  @Test
  void editedCheckpointLineIsReported() throws Exception {
    List<String> lines = new ArrayList<>(Files.readAllLines(log));
    String[] f = lines.getFirst().split(" ");
    f[1] = Long.toString(Long.parseLong(f[1]) - 1);
    lines.set(0, String.join(" ", f));
    Files.write(log, lines);
    Run r = verify();
    assertEquals(3, r.exit(), r.out());
    assertTrue(r.out().contains("line 1 of " + log + " (checkpoint of "), r.out());
    assertTrue(r.out().contains("has a bad signature: the checkpoint file was edited"), r.out());
  }

  @Test
  void reorderedCheckpointLinesAreReported() throws Exception {
    List<String> lines = new ArrayList<>(Files.readAllLines(log));
    Files.write(log, List.of(lines.get(1), lines.get(0)));
    Run r = verify();
    assertEquals(3, r.exit(), r.out());
    assertTrue(r.out().contains("is out of order after entry"), r.out());
  }

  @Test
  void tornLastLineIsAWarningNotTampering() throws Exception {
    Files.writeString(log, "v1 151 0a1b", java.nio.file.StandardOpenOption.APPEND);
    Run r = verify();
    assertEquals(0, r.exit(), r.out());
    assertTrue(r.out().contains("WARNING: line 3 of " + log + " is incomplete"), r.out());
  }

  @Test
  void copiesKeptElsewhereAreCheckedInsteadOfTheLocalFiles(@TempDir Path elsewhere) throws Exception {
    Path checkpoints = Files.copy(log, elsewhere.resolve("checkpoints.log"));
    Path publicKey = Files.copy(hospital.config().auditDir().resolve(CheckpointKeys.PUBLIC_KEY_FILE),
        elsewhere.resolve("server.pub"));
    // whoever cut the tail also removed the local checkpoints; the exported copy still catches it
    Files.delete(log);
    try (Connection c = connect()) {
      AuditTampering.cutTail(c, 10);
    }
    HospitalServerMain.VerifyOptions options = HospitalServerMain.VerifyOptions.take(new String[] {
        "--data.dir=x", "--checkpoints", checkpoints.toString(), "--public-key=" + publicKey});
    assertEquals(List.of("--data.dir=x"), List.of(options.rest()));
    Run r = verify(options.checkpoints(), options.publicKey());
    assertEquals(3, r.exit(), r.out());
    assertTrue(r.out().contains("are missing"), r.out());
  }

  private void writeEntries(int count) {
    try (DatabaseAuditTrail trail = new DatabaseAuditTrail(hospital.server().database(), Clock.systemUTC())) {
      trail.recordAll(IntStream.range(0, count).mapToObj(i -> new AuditEvent("reception", "RECEPTION",
          AuditAction.PATIENT_READ, i + 1, "test read " + i, "127.0.0.1", AuditOutcome.SUCCESS)).toList());
    }
  }

  private Connection connect() throws Exception {
    return DriverManager.getConnection(hospital.config().jdbcUrl(), hospital.config().dbUser(),
        hospital.config().dbPassword());
  }

  private record Run(int exit, String out) {}

  private Run verify() {
    return verify(null, null);
  }

  private Run verify(Path checkpoints, Path publicKey) {
    PrintStream original = System.out;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    try {
      int exit = HospitalServerMain.verifyAudit(hospital.config(), checkpoints, publicKey);
      return new Run(exit, out.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(original);
    }
  }
}
