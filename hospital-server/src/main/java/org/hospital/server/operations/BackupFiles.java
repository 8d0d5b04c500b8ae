package org.hospital.server.operations;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.hospital.proto.operations.v1.BackupFile;

/** File work shared by backup and restore: copying a directory tree, and listing files with their SHA-256. */
final class BackupFiles {

  private BackupFiles() {}

  /** Copies every file under {@code from} (if it exists) to the same relative place under {@code to}. */
  static void copyTree(Path from, Path to) throws IOException {
    if (!Files.isDirectory(from)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(from)) {
      for (Path p : walk.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.createDirectories(target.getParent());
          Files.copy(p, target, StandardCopyOption.COPY_ATTRIBUTES);
        }
      }
    }
  }

  /** Every file under {@code dir} but the manifest, relative to it, with size and SHA-256. */
  static List<BackupFile> list(Path dir) throws IOException {
    List<BackupFile> out = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
        String relative = dir.relativize(p).toString().replace('\\', '/');
        if (!relative.equals(ManifestFile.NAME)) {
          out.add(BackupFile.newBuilder().setPath(relative).setSize(Files.size(p)).setSha256(sha256(p)).build());
        }
      }
    }
    return out;
  }

  static String sha256(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      byte[] buffer = new byte[1 << 16];
      for (int n; (n = in.read(buffer)) > 0; ) {
        digest.update(buffer, 0, n);
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }

  /** Whether a directory is missing or holds no file at all. */
  static boolean emptyOrMissing(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return true;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.noneMatch(Files::isRegularFile);
    }
  }
}
