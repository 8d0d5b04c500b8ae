package org.hospital.server.audit;

import java.io.IOException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;

/**
 * Anchors the audit chain outside the database: on a schedule (when the chain has grown) and at shutdown it
 * signs the committed chain head and appends it to {@code checkpoints.log}. Each checkpoint is preceded by an
 * {@link AuditAction#AUDIT_CHECKPOINT} entry, which the checkpoint then covers: the trail itself says that
 * checkpoints exist, so deleting the file is noticed too.
 */
public final class AuditCheckpointer implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(AuditCheckpointer.class.getName());

  private final DataSource dataSource;
  private final AuditTrail audit;
  private final Ed25519PrivateKeyParameters key;
  private final CheckpointLog log;
  private final Clock clock;
  private final ScheduledExecutorService timer;
  private long lastCheckpointed = -1;

  public AuditCheckpointer(DataSource dataSource, AuditTrail audit, Path auditDir, Duration interval, Clock clock) {
    this.dataSource = dataSource;
    this.audit = audit;
    this.key = CheckpointKeys.loadOrCreate(auditDir);
    this.log = new CheckpointLog(auditDir.resolve(CheckpointLog.FILE));
    this.clock = clock;
    this.timer = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("audit-checkpoint").daemon()
        .factory());
    long millis = interval.toMillis();
    timer.scheduleWithFixedDelay(this::checkpointQuietly, millis, millis, TimeUnit.MILLISECONDS);
  }

  /** Writes a checkpoint when the chain has grown since the last one; returns whether it wrote one. */
  public synchronized boolean checkpointIfMoved() throws IOException {
    if (head().seq() == lastCheckpointed) {
      return false;
    }
    audit.record(new AuditEvent("server", "", AuditAction.AUDIT_CHECKPOINT, AuditEvent.NO_PATIENT,
        entryDetail(key.generatePublicKey()), "server", AuditOutcome.SUCCESS));
    // Read back from the database: only committed entries, including the one just recorded, are signed.
    Head head = head();
    Checkpoint cp = Checkpoint.sign(head.seq(), head.hash(), clock.instant().truncatedTo(ChronoUnit.MILLIS), key);
    log.append(cp);
    lastCheckpointed = head.seq();
    LOG.info("Audit checkpoint: entry " + cp.seq() + " hash " + cp.entryHash() + " at " + cp.at());
    return true;
  }

  /**
   * Names the key, so that with several servers on one database each checkpoint file is compared only with
   * the {@code AUDIT_CHECKPOINT} entries of the server that wrote it.
   */
  static String entryDetail(Ed25519PublicKeyParameters publicKey) {
    byte[] digest;
    try {
      digest = MessageDigest.getInstance("SHA-256").digest(publicKey.getEncoded());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
    return "signed checkpoint appended to " + CheckpointLog.FILE + ", key " + HexFormat.of().formatHex(digest, 0, 8);
  }

  private void checkpointQuietly() {
    try {
      checkpointIfMoved();
    } catch (IOException | RuntimeException e) {
      LOG.log(Level.SEVERE, "Could not write an audit checkpoint to " + log.file(), e);
    }
  }

  private record Head(long seq, String hash) {}

  private Head head() {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement("SELECT last_seq, last_hash FROM audit_chain_head WHERE id = 1");
        ResultSet rs = ps.executeQuery()) {
      if (!rs.next()) {
        throw new IllegalStateException("The audit chain head row is missing");
      }
      return new Head(rs.getLong(1), rs.getString(2));
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot read the audit chain head", e);
    }
  }

  /** Stops the schedule and writes a last checkpoint; call while the audit trail still takes entries. */
  @Override
  public void close() {
    timer.shutdown();
    try {
      timer.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    checkpointQuietly();
  }
}
