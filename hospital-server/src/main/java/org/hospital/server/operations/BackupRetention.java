package org.hospital.server.operations;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.hospital.proto.operations.v1.BackupManifest;

/**
 * Keeps the most recent backups and deletes older ones, after a new backup has been written. Only what is
 * certainly a backup is ever deleted: a directory (not a link) named like one, holding a manifest that reads.
 * Anything else under the backup directory (an operator's copy, a half-written backup without its manifest,
 * a file) is left alone and does not count. The backup just made is never deleted, whatever the clock says.
 */
final class BackupRetention {

  /** The name {@link OnlineBackup} gives a backup directory. */
  private static final Pattern BACKUP_NAME = Pattern.compile("\\d{8}T\\d{6}\\.\\d{3}Z");
  private static final Logger LOG = Logger.getLogger(BackupRetention.class.getName());

  private record Backup(Path dir, Instant createdAt) {}

  private final int keep;

  BackupRetention(int keep) {
    if (keep < 1) {
      throw new IllegalArgumentException("keep at least the backup just made");
    }
    this.keep = keep;
  }

  /** Deletes all but the {@code keep} newest backups in {@code backupDir}; returns what it deleted. */
  List<Path> prune(Path backupDir, Path justMade) throws IOException {
    List<Backup> backups = new ArrayList<>();
    try (Stream<Path> entries = Files.list(backupDir)) {
      for (Path p : entries.toList()) {
        if (!p.equals(justMade) && isBackup(p)) {
          backups.add(new Backup(p, createdAt(p)));
        }
      }
    }
    // Newest first; the one just made takes one of the places.
    backups.sort(Comparator.comparing(Backup::createdAt).reversed());
    List<Path> deleted = new ArrayList<>();
    for (Backup b : backups.subList(Math.min(keep - 1, backups.size()), backups.size())) {
      deleteTree(b.dir());
      deleted.add(b.dir());
    }
    return deleted;
  }

  private static boolean isBackup(Path p) {
    if (!Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS) || !BACKUP_NAME.matcher(p.getFileName().toString())
        .matches() || !Files.isRegularFile(p.resolve(ManifestFile.NAME), LinkOption.NOFOLLOW_LINKS)) {
      return false;
    }
    try {
      ManifestFile.read(p);
      return true;
    } catch (IOException damaged) {
      LOG.log(Level.WARNING, "Not pruning " + p + ": its manifest does not read", damaged);
      return false;
    }
  }

  private static Instant createdAt(Path dir) throws IOException {
    BackupManifest m = ManifestFile.read(dir);
    return Instant.ofEpochSecond(m.getCreatedAt().getSeconds(), m.getCreatedAt().getNanos());
  }

  /** Deepest first; links inside are removed as links (walk does not follow them). */
  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> all = Files.walk(dir)) {
      for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
