package org.hospital.server.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Keeps the authenticator secrets out of the database in readable form: each is sealed with AES-256-GCM under a
 * key kept in a file of the server's data directory ({@code keys/two-factor.key}, owner-only), so that a copy of
 * the database alone (a dump, a replica, a stolen backup of PostgreSQL) cannot make anyone's codes. The account's
 * id is bound into each seal as associated data, so a secret copied onto another account's row does not open.
 *
 * <p>The key is made on first use and never replaced: a new key would make every stored secret unreadable, so a
 * missing key file while sealed secrets exist stops the server (see {@link #checkAgainst}).
 */
final class SecretSealer {

  static final String PREFIX = "sealed1:";
  private static final int KEY_BYTES = 32;
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;

  private final Path keyFile;
  private final SecureRandom random = new SecureRandom();
  private SecretKey key;

  SecretSealer(Path keyFile) {
    this.keyFile = keyFile;
  }

  static SecretSealer inKeysDirectory(Path keysDir) {
    return new SecretSealer(keysDir.resolve("two-factor.key"));
  }

  Path keyFile() {
    return keyFile;
  }

  static boolean isSealed(String stored) {
    return stored != null && stored.startsWith(PREFIX);
  }

  String seal(String secret, long accountId) {
    byte[] nonce = new byte[NONCE_BYTES];
    random.nextBytes(nonce);
    try {
      Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
      c.init(Cipher.ENCRYPT_MODE, key(true), new GCMParameterSpec(TAG_BITS, nonce));
      c.updateAAD(associated(accountId));
      byte[] sealed = c.doFinal(secret.getBytes(StandardCharsets.US_ASCII));
      return PREFIX + Base64.getEncoder().encodeToString(ByteBuffer.allocate(nonce.length + sealed.length)
          .put(nonce).put(sealed).array());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot seal a two-step sign-in secret", e);
    }
  }

  /**
   * The secret, or {@code null} when the stored value does not open with this key for this account (edited,
   * moved to another row, or sealed under another key): the caller treats that as a wrong code, never as a pass.
   * A value stored before sealing existed is returned as it is; the server seals those at start.
   */
  String open(String stored, long accountId) {
    if (stored == null || !isSealed(stored)) {
      return stored;
    }
    try {
      byte[] all = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
      if (all.length <= NONCE_BYTES) {
        return null;
      }
      Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
      c.init(Cipher.DECRYPT_MODE, key(false), new GCMParameterSpec(TAG_BITS, all, 0, NONCE_BYTES));
      c.updateAAD(associated(accountId));
      return new String(c.doFinal(all, NONCE_BYTES, all.length - NONCE_BYTES), StandardCharsets.US_ASCII);
    } catch (IllegalArgumentException | GeneralSecurityException e) {
      return null;
    }
  }

  /** Refuses to go on with sealed secrets in the database and no key to open them. */
  void checkAgainst(boolean anySealedSecrets) {
    if (anySealedSecrets && !Files.exists(keyFile)) {
      throw new IllegalStateException("Two-step sign-in secrets are stored sealed but their key " + keyFile
          + " is missing. Restore the data directory's keys/ from the backup (or from another instance);"
          + " starting with a new key would lock every user out of two-step sign-in.");
    }
  }

  private static byte[] associated(long accountId) {
    return ("staff_account:" + accountId).getBytes(StandardCharsets.US_ASCII);
  }

  private synchronized SecretKey key(boolean createIfMissing) {
    if (key != null) {
      return key;
    }
    try {
      if (!Files.exists(keyFile)) {
        if (!createIfMissing) {
          throw new IllegalStateException("the two-step sign-in key " + keyFile + " is missing");
        }
        create();
      }
      byte[] bytes = Base64.getDecoder().decode(Files.readString(keyFile).trim());
      if (bytes.length != KEY_BYTES) {
        throw new IllegalStateException("the two-step sign-in key " + keyFile + " is not a 256-bit key");
      }
      key = new SecretKeySpec(bytes, "AES");
      return key;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the two-step sign-in key " + keyFile, e);
    }
  }

  private void create() throws IOException {
    Files.createDirectories(keyFile.getParent());
    ownerOnly(keyFile.getParent(), "rwx------");
    byte[] bytes = new byte[KEY_BYTES];
    random.nextBytes(bytes);
    Path temp = keyFile.resolveSibling(keyFile.getFileName() + ".new");
    Files.writeString(temp, Base64.getEncoder().encodeToString(bytes) + "\n", StandardOpenOption.CREATE_NEW);
    ownerOnly(temp, "rw-------");
    try {
      // Two instances starting at once on one data directory: the first key written wins for both.
      Files.createLink(keyFile, temp);
    } catch (FileAlreadyExistsException another) {
      // made by someone else meanwhile: use theirs
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  private static void ownerOnly(Path p, String mode) throws IOException {
    try {
      Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(mode));
    } catch (UnsupportedOperationException notPosix) {
      // Windows: the data directory's own access rules apply
    }
  }
}
