package org.hospital.server.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;

/**
 * The Ed25519 key that signs audit checkpoints. It lives in files beside the database, never in it, so that
 * whoever can rewrite the database still cannot forge a checkpoint. Each file holds one Base64 line.
 */
public final class CheckpointKeys {

  public static final String PRIVATE_KEY_FILE = "checkpoint-signing.key";
  public static final String PUBLIC_KEY_FILE = "checkpoint-signing.pub";

  private CheckpointKeys() {}

  /** The signing key in {@code dir}, created (owner-only where the file system allows) on first use. */
  public static Ed25519PrivateKeyParameters loadOrCreate(Path dir) {
    Path key = dir.resolve(PRIVATE_KEY_FILE);
    try {
      Files.createDirectories(dir);
      if (!Files.exists(key)) {
        Ed25519PrivateKeyParameters created = new Ed25519PrivateKeyParameters(new SecureRandom());
        writeOwnerOnly(key, Base64.getEncoder().encodeToString(created.getEncoded()) + "\n");
        Files.writeString(dir.resolve(PUBLIC_KEY_FILE),
            Base64.getEncoder().encodeToString(created.generatePublicKey().getEncoded()) + "\n");
        return created;
      }
      Ed25519PrivateKeyParameters existing = new Ed25519PrivateKeyParameters(decode(key), 0);
      Path pub = dir.resolve(PUBLIC_KEY_FILE);
      if (!Files.exists(pub)) {
        Files.writeString(pub, Base64.getEncoder().encodeToString(existing.generatePublicKey().getEncoded()) + "\n");
      }
      return existing;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read or create the audit checkpoint key in " + dir, e);
    }
  }

  /** A public key file as written beside the private key. */
  public static Ed25519PublicKeyParameters readPublic(Path file) throws IOException {
    return new Ed25519PublicKeyParameters(decode(file), 0);
  }

  private static byte[] decode(Path file) throws IOException {
    try {
      byte[] raw = Base64.getDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII).trim());
      if (raw.length != 32) {
        throw new IOException(file + " does not hold a 32-byte Ed25519 key");
      }
      return raw;
    } catch (IllegalArgumentException e) {
      throw new IOException(file + " is not a Base64 key", e);
    }
  }

  private static void writeOwnerOnly(Path file, String content) throws IOException {
    try {
      if (Files.getFileStore(file.getParent()).supportsFileAttributeView("posix")) {
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      } else {
        Files.createFile(file);
      }
    } catch (FileAlreadyExistsException e) {
      throw new IOException("Another process created " + file + " at the same time", e);
    }
    Files.writeString(file, content, StandardCharsets.US_ASCII);
  }
}
