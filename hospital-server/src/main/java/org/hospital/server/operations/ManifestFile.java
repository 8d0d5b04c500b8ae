package org.hospital.server.operations;

import com.google.protobuf.Timestamp;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Properties;
import org.hospital.proto.operations.v1.BackupFile;
import org.hospital.proto.operations.v1.BackupManifest;

/**
 * A backup's manifest as a properties file beside its files: readable by an operator with any editor, and what
 * restore checks the copy against before it writes anything.
 */
final class ManifestFile {

  static final String NAME = "manifest.properties";

  private ManifestFile() {}

  static void write(Path dir, BackupManifest m) throws IOException {
    Properties p = new Properties();
    Instant created = Instant.ofEpochSecond(m.getCreatedAt().getSeconds(), m.getCreatedAt().getNanos());
    p.setProperty("created.at", created.toString());
    p.setProperty("database.kind", m.getDatabaseKind());
    p.setProperty("schema.version", m.getSchemaVersion());
    p.setProperty("audit.last.sequence", Long.toString(m.getAuditLastSequence()));
    p.setProperty("audit.last.hash", m.getAuditLastHash());
    p.setProperty("count.patients", Long.toString(m.getPatients()));
    p.setProperty("count.appointments", Long.toString(m.getAppointments()));
    p.setProperty("count.staff.accounts", Long.toString(m.getStaffAccounts()));
    p.setProperty("files", Integer.toString(m.getFilesCount()));
    for (int i = 0; i < m.getFilesCount(); i++) {
      BackupFile f = m.getFiles(i);
      p.setProperty("file." + i + ".path", f.getPath());
      p.setProperty("file." + i + ".size", Long.toString(f.getSize()));
      p.setProperty("file." + i + ".sha256", f.getSha256());
    }
    try (Writer w = Files.newBufferedWriter(dir.resolve(NAME), StandardCharsets.UTF_8)) {
      p.store(w, "Hospital server backup");
    }
  }

  static BackupManifest read(Path dir) throws IOException {
    Properties p = new Properties();
    try (Reader r = Files.newBufferedReader(dir.resolve(NAME), StandardCharsets.UTF_8)) {
      p.load(r);
    }
    try {
      Instant created = Instant.parse(required(p, "created.at"));
      BackupManifest.Builder m = BackupManifest.newBuilder()
          .setCreatedAt(Timestamp.newBuilder().setSeconds(created.getEpochSecond()).setNanos(created.getNano()))
          .setDatabaseKind(required(p, "database.kind"))
          .setSchemaVersion(required(p, "schema.version"))
          .setAuditLastSequence(Long.parseLong(required(p, "audit.last.sequence")))
          .setAuditLastHash(required(p, "audit.last.hash"))
          .setPatients(Long.parseLong(required(p, "count.patients")))
          .setAppointments(Long.parseLong(required(p, "count.appointments")))
          .setStaffAccounts(Long.parseLong(required(p, "count.staff.accounts")));
      int files = Integer.parseInt(required(p, "files"));
      for (int i = 0; i < files; i++) {
        m.addFiles(BackupFile.newBuilder().setPath(required(p, "file." + i + ".path"))
            .setSize(Long.parseLong(required(p, "file." + i + ".size")))
            .setSha256(required(p, "file." + i + ".sha256")));
      }
      return m.build();
    } catch (RuntimeException e) {
      throw new IOException("The manifest " + dir.resolve(NAME) + " is damaged: " + e.getMessage(), e);
    }
  }

  private static String required(Properties p, String key) {
    String v = p.getProperty(key);
    if (v == null) {
      throw new IllegalArgumentException("no " + key);
    }
    return v;
  }
}
