package org.hospital.server.operations;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.hospital.proto.operations.v1.BackupFile;
import org.hospital.proto.operations.v1.BackupManifest;
import org.hospital.server.audit.AuditChainVerifier;
import org.hospital.server.config.ServerConfig;
import org.hospital.server.persistence.Database;

/**
 * {@code restore --from DIR}: puts a backup back, with the server stopped, into an empty target (the data
 * directory and database the configuration names), then proves it: the audit chain verifies and ends at the
 * head the backup recorded, and the counts match. Nothing is written when the copy is damaged or the target is
 * not empty. Exit codes: 0 restored and verified, 2 wrong kind of target, 3 the backup is damaged, 4 the target
 * is not empty, 6 restored but the check failed (do not start the server on it).
 */
public final class RestoreCommand {

  private RestoreCommand() {}

  public static int run(ServerConfig target, Path from, PrintStream out) {
    BackupManifest m;
    try {
      m = ManifestFile.read(from);
      String damage = damage(from, m);
      if (damage != null) {
        out.println("Not restored: the backup is damaged: " + damage);
        return 3;
      }
    } catch (IOException e) {
      out.println("Not restored: cannot read the backup: " + e.getMessage());
      return 3;
    }
    boolean h2 = m.getDatabaseKind().equals("h2");
    if (h2 != target.isH2()) {
      out.println("Not restored: this is a backup of an " + m.getDatabaseKind() + " database; configure a"
          + (h2 ? "n H2" : " PostgreSQL") + " database to restore it into");
      return 2;
    }
    try {
      String notEmpty = notEmpty(target);
      if (notEmpty != null) {
        out.println("Not restored: the target is not empty: " + notEmpty);
        return 4;
      }
      BackupFiles.copyTree(from.resolve("audit"), target.auditDir());
      BackupFiles.copyTree(from.resolve("tls"), target.tlsDir());
      BackupFiles.copyTree(from.resolve("keys"), target.keysDir());
      if (h2) {
        unzip(from.resolve(OnlineBackup.H2_FILE), h2File(target).getParent());
      } else {
        new PostgresTools(target.jdbcUrl(), target.dbUser(), target.dbPassword())
            .restore(from.resolve(OnlineBackup.POSTGRES_FILE));
      }
    } catch (IOException | SQLException e) {
      out.println("Restore FAILED part way: " + e.getMessage() + ". Empty the target before trying again.");
      return 6;
    }
    return check(target, m, out);
  }

  /** The first file that is missing, of another size, or whose SHA-256 differs; null when all match. */
  private static String damage(Path from, BackupManifest m) throws IOException {
    for (BackupFile f : m.getFilesList()) {
      Path p = from.resolve(f.getPath()).normalize();
      if (!p.startsWith(from.normalize()) || !Files.isRegularFile(p)) {
        return f.getPath() + " is missing";
      }
      if (Files.size(p) != f.getSize() || !BackupFiles.sha256(p).equals(f.getSha256())) {
        return f.getPath() + " is not the file that was backed up";
      }
    }
    return null;
  }

  private static String notEmpty(ServerConfig target) throws IOException, SQLException {
    if (!BackupFiles.emptyOrMissing(target.auditDir())) {
      return target.auditDir() + " holds files";
    }
    if (!BackupFiles.emptyOrMissing(target.tlsDir())) {
      return target.tlsDir() + " holds files";
    }
    if (!BackupFiles.emptyOrMissing(target.keysDir())) {
      return target.keysDir() + " holds files";
    }
    if (target.isH2()) {
      Path file = h2File(target);
      return Files.exists(file) ? file + " exists" : null;
    }
    try (Connection c = DriverManager.getConnection(target.jdbcUrl(), target.dbUser(), target.dbPassword());
        PreparedStatement ps = c.prepareStatement(
            "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = 'public'");
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getLong(1) > 0 ? "the database has " + rs.getLong(1) + " tables" : null;
    }
  }

  /** The H2 database file of a {@code jdbc:h2:file:PATH;...} URL. */
  static Path h2File(ServerConfig config) {
    String url = config.jdbcUrl();
    String path = url.substring("jdbc:h2:".length());
    path = path.startsWith("file:") ? path.substring("file:".length()) : path;
    int options = path.indexOf(';');
    return Path.of((options < 0 ? path : path.substring(0, options)) + ".mv.db");
  }

  private static void unzip(Path zip, Path dir) throws IOException {
    Files.createDirectories(dir);
    try (InputStream in = Files.newInputStream(zip); ZipInputStream z = new ZipInputStream(in)) {
      for (ZipEntry e; (e = z.getNextEntry()) != null; ) {
        Path out = dir.resolve(e.getName()).normalize();
        if (!out.startsWith(dir.normalize())) {
          throw new IOException("the database copy names a file outside its directory: " + e.getName());
        }
        if (e.isDirectory()) {
          Files.createDirectories(out);
        } else {
          Files.createDirectories(out.getParent());
          Files.copy(z, out);
        }
      }
    }
  }

  /** Opens the restored database as the server would and compares it with the manifest. */
  private static int check(ServerConfig target, BackupManifest m, PrintStream out) {
    try (Database db = Database.open(target.jdbcUrl(), target.dbUser(), target.dbPassword(), 2);
        Connection c = db.dataSource().getConnection()) {
      AuditChainVerifier.Result chain = new AuditChainVerifier(db.dataSource()).verify();
      DatabaseState s = DatabaseState.read(c);
      if (!chain.intact()) {
        out.println("Restored, but the audit chain is broken at entry " + chain.firstBrokenSequence());
        return 6;
      }
      if (s.auditLastSequence() != m.getAuditLastSequence() || !s.auditLastHash().equals(m.getAuditLastHash())) {
        out.println("Restored, but the audit chain ends at " + s.auditLastSequence() + ", not at the backup's "
            + m.getAuditLastSequence());
        return 6;
      }
      if (s.patients() != m.getPatients() || s.appointments() != m.getAppointments()
          || s.staffAccounts() != m.getStaffAccounts()) {
        out.println("Restored, but the counts differ from the backup's: " + s);
        return 6;
      }
      out.println("Restored and verified: audit chain intact (" + chain.entriesChecked() + " entries, ending at "
          + s.auditLastSequence() + " as backed up); " + s.patients() + " patients, " + s.appointments()
          + " appointments, " + s.staffAccounts() + " staff accounts.");
      return 0;
    } catch (SQLException | RuntimeException e) {
      out.println("Restored, but it could not be checked: " + e.getMessage());
      return 6;
    }
  }
}
