package org.hospital.server.security;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.concurrent.Semaphore;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Argon2id password hashes as PHC strings ({@code $argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>}, unpadded
 * standard Base64). One hash needs 19 MiB and tens of milliseconds, so at most {@code maxConcurrent} run at
 * once: a burst of logins queues here instead of exhausting the heap.
 */
public final class PasswordHasher {

  static final int MEMORY_KIB = 19_456;
  static final int ITERATIONS = 2;
  static final int PARALLELISM = 1;
  private static final int SALT_BYTES = 16;
  private static final int HASH_BYTES = 32;
  private static final Pattern PHC = Pattern.compile(
      "\\$argon2id\\$v=19\\$m=(\\d{1,7}),t=(\\d{1,2}),p=(\\d{1,2})\\$([A-Za-z0-9+/]{11,64})\\$([A-Za-z0-9+/]{22,128})");
  private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
  private static final Base64.Decoder B64_DECODER = Base64.getDecoder();

  private final SecureRandom random = new SecureRandom();
  private final Semaphore permits;

  public PasswordHasher(int maxConcurrent) {
    this(new Semaphore(requirePositive(maxConcurrent), true));
  }

  /** With the caller's semaphore, so a test can hold the permits and watch hashing wait. */
  PasswordHasher(Semaphore permits) {
    this.permits = permits;
  }

  private static int requirePositive(int maxConcurrent) {
    if (maxConcurrent < 1) {
      throw new IllegalArgumentException("maxConcurrent must be at least 1");
    }
    return maxConcurrent;
  }

  /** A fresh PHC string for the password, with a new random salt. */
  public String hash(String password) {
    byte[] salt = new byte[SALT_BYTES];
    random.nextBytes(salt);
    byte[] hash = argon2(password, salt, MEMORY_KIB, ITERATIONS, PARALLELISM, HASH_BYTES);
    return "$argon2id$v=19$m=" + MEMORY_KIB + ",t=" + ITERATIONS + ",p=" + PARALLELISM
        + "$" + B64.encodeToString(salt) + "$" + B64.encodeToString(hash);
  }

  /**
   * Whether the password matches the stored PHC string. The comparison takes the same time wherever the
   * first differing byte is. A string that is not a PHC Argon2id hash never matches.
   */
  public boolean verify(String password, String phc) {
    Matcher m = PHC.matcher(phc);
    if (!m.matches()) {
      return false;
    }
    int memory = Integer.parseInt(m.group(1));
    int iterations = Integer.parseInt(m.group(2));
    int parallelism = Integer.parseInt(m.group(3));
    // Bounds keep a tampered row from making one login cost gigabytes or minutes.
    if (memory < 8 || memory > 262_144 || iterations < 1 || parallelism < 1 || parallelism > 16) {
      return false;
    }
    byte[] salt = B64_DECODER.decode(m.group(4));
    byte[] expected = B64_DECODER.decode(m.group(5));
    byte[] actual = argon2(password, salt, memory, iterations, parallelism, expected.length);
    return org.bouncycastle.util.Arrays.constantTimeAreEqual(expected, actual);
  }

  private byte[] argon2(String password, byte[] salt, int memoryKib, int iterations, int parallelism,
      int length) {
    Argon2Parameters params = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
        .withVersion(Argon2Parameters.ARGON2_VERSION_13)
        .withMemoryAsKB(memoryKib)
        .withIterations(iterations)
        .withParallelism(parallelism)
        .withSalt(salt)
        .build();
    byte[] secret = utf8(password);
    byte[] out = new byte[length];
    permits.acquireUninterruptibly();
    try {
      Argon2BytesGenerator generator = new Argon2BytesGenerator();
      generator.init(params);
      generator.generateBytes(secret, out);
      return out;
    } finally {
      permits.release();
      Arrays.fill(secret, (byte) 0);
    }
  }

  private static byte[] utf8(String password) {
    ByteBuffer buffer = StandardCharsets.UTF_8.encode(CharBuffer.wrap(password));
    byte[] bytes = new byte[buffer.remaining()];
    buffer.get(bytes);
    if (buffer.hasArray()) {
      Arrays.fill(buffer.array(), (byte) 0);
    }
    return bytes;
  }
}
