package org.hospital.server.operations;

import com.google.protobuf.Timestamp;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.hospital.proto.operations.v1.BackupManifest;
import org.hospital.server.config.ServerConfig;
import org.hospital.server.persistence.Database;

/**
 * A consistent copy of a running server's data, in a new directory under {@code <data.dir>/backups}: the
 * database, the audit checkpoints and signing key, the TLS material, and a manifest with the audit chain's head
 * as of the copy. On H2 the copy is H2's online {@code BACKUP} taken while writes wait (H2 writes one at a time
 * anyway); on PostgreSQL it is {@code pg_dump} of a snapshot exported from the transaction that read the head,
 * so writes go on meanwhile. Backups hold patient data and the CA's private key: the directory is readable by
 * the server's user only. After a backup, the oldest are deleted beyond {@code backup.keep}. See
 * docs/operations.md.
 */
public final class OnlineBackup {

  static final String H2_FILE = "database.zip";
  static final String POSTGRES_FILE = "database.dump";
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'").withZone(ZoneOffset.UTC);

  /** A backup made: where it is, what it holds, and the older backups deleted after it (beyond the retention). */
  public record Made(Path directory, BackupManifest manifest, List<Path> pruned) {}

  private final Database db;
  private final ServerConfig config;
  private final Clock clock;

  public OnlineBackup(Database db, ServerConfig config, Clock clock) {
    this.db = db;
    this.config = config;
    this.clock = clock;
  }

  public Made create() {
    Instant now = clock.instant();
    Path dir = config.backupDir().resolve(STAMP.format(now));
    try {
      Files.createDirectories(config.backupDir());
      Files.createDirectory(dir);
      ownerOnly(dir);
      DatabaseState state = db.vendor() == Database.Vendor.H2 ? copyH2(dir) : copyPostgres(dir);
      BackupFiles.copyTree(config.tlsDir(), dir.resolve("tls"));
      // without this key the restored database's two-step secrets could not be opened
      BackupFiles.copyTree(config.keysDir(), dir.resolve("keys"));
      BackupManifest manifest = BackupManifest.newBuilder()
          .setCreatedAt(Timestamp.newBuilder().setSeconds(now.getEpochSecond()).setNanos(now.getNano()))
          .setDatabaseKind(db.vendor() == Database.Vendor.H2 ? "h2" : "postgresql")
          .setSchemaVersion(state.schemaVersion())
          .setAuditLastSequence(state.auditLastSequence())
          .setAuditLastHash(state.auditLastHash())
          .setPatients(state.patients())
          .setAppointments(state.appointments())
          .setStaffAccounts(state.staffAccounts())
          .addAllFiles(BackupFiles.list(dir))
          .build();
      ManifestFile.write(dir, manifest);
      // Only now that this backup is complete: a failed one must never cost an older one.
      List<Path> pruned = new BackupRetention(config.operations().backupKeep()).prune(config.backupDir(), dir);
      return new Made(dir, manifest, pruned);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the backup in " + dir, e);
    }
  }

  /**
   * The audit files first, then the head and the database in one step while no write runs: every checkpoint
   * copied signs a head the copied chain reaches.
   */
  private DatabaseState copyH2(Path dir) {
    return db.writing(() -> {
      try (Connection c = db.dataSource().getConnection()) {
        BackupFiles.copyTree(config.auditDir(), dir.resolve("audit"));
        DatabaseState state = DatabaseState.read(c);
        try (Statement s = c.createStatement()) {
          s.execute("BACKUP TO '" + dir.resolve(H2_FILE).toString().replace("'", "''") + "'");
        }
        return state;
      } catch (SQLException e) {
        throw new IllegalStateException("The H2 backup failed", e);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }

  /** The audit files, then a repeatable-read snapshot: the head read in it and pg_dump of the same snapshot. */
  private DatabaseState copyPostgres(Path dir) throws IOException {
    BackupFiles.copyTree(config.auditDir(), dir.resolve("audit"));
    try (Connection c = db.dataSource().getConnection()) {
      c.setAutoCommit(false);
      c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
      try {
        String snapshot;
        try (PreparedStatement ps = c.prepareStatement("SELECT pg_export_snapshot()");
            ResultSet rs = ps.executeQuery()) {
          rs.next();
          snapshot = rs.getString(1);
        }
        DatabaseState state = DatabaseState.read(c);
        new PostgresTools(config.jdbcUrl(), config.dbUser(), config.dbPassword())
            .dump(snapshot, dir.resolve(POSTGRES_FILE));
        c.commit();
        return state;
      } catch (SQLException | IOException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new IllegalStateException("The PostgreSQL backup failed", e);
    }
  }

  private static void ownerOnly(Path dir) throws IOException {
    try {
      Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
    } catch (UnsupportedOperationException notPosix) {
      // Windows: the data directory's own access rules apply
    }
  }
}
