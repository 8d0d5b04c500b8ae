package org.hospital.server.security;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class PasswordHasherTest {

  // Both made with the reference implementation (Debian package "argon2"), independent of Bouncy Castle:
  //   echo -n password | argon2 somesalt -id -t 2 -m 14 -p 1 -l 32
  //   echo -n Correct-Horse-9 | argon2 saltsaltsaltsalt -id -t 2 -k 19456 -p 1 -l 32
  private static final String REFERENCE_M16384 =
      "$argon2id$v=19$m=16384,t=2,p=1$c29tZXNhbHQ$4EP5eTEbFP+DeLeFRpl06JmgjwVQkyOgSyyinvY/868";
  private static final String REFERENCE_PRODUCTION_PARAMS =
      "$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0c2FsdA$eMepbCgKThmrA7+QjS/fmLHGWtdt0F9PbxIDRZ5hqrE";

  private final PasswordHasher hasher = new PasswordHasher(2);

  @Test
  void hashIsAPhcArgon2idStringThatVerifies() {
    String phc = hasher.hash("Correct-Horse-9");
    assertTrue(phc.matches("\\$argon2id\\$v=19\\$m=19456,t=2,p=1\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}"), phc);
    assertTrue(hasher.verify("Correct-Horse-9", phc));
    assertFalse(phc.contains("Correct-Horse-9"));
  }

  @Test
  void wrongPasswordDoesNotVerify() {
    String phc = hasher.hash("Correct-Horse-9");
    assertFalse(hasher.verify("Correct-Horse-8", phc));
    assertFalse(hasher.verify("correct-horse-9", phc));
    assertFalse(hasher.verify("", phc));
  }

  @Test
  void samePasswordGetsADifferentSaltEachTime() {
    assertNotEquals(hasher.hash("Correct-Horse-9"), hasher.hash("Correct-Horse-9"));
  }

  @Test
  void nonAsciiPasswordsRoundTrip() {
    String phc = hasher.hash("Příliš žluťoučký kůň 🐎");
    assertTrue(hasher.verify("Příliš žluťoučký kůň 🐎", phc));
    assertFalse(hasher.verify("Prilis zlutoucky kun 🐎", phc));
  }

  @Test
  void hashesOfTheReferenceImplementationVerify() {
    assertTrue(hasher.verify("Correct-Horse-9", REFERENCE_PRODUCTION_PARAMS));
    assertFalse(hasher.verify("Correct-Horse-8", REFERENCE_PRODUCTION_PARAMS));
    // other cost parameters are read from the string, so stored hashes survive a change of defaults
    assertTrue(hasher.verify("password", REFERENCE_M16384));
    assertFalse(hasher.verify("Password", REFERENCE_M16384));
  }

  @Test
  void malformedOrForeignHashesNeverMatch() {
    assertFalse(hasher.verify("password", ""));
    assertFalse(hasher.verify("password", "password"));
    assertFalse(hasher.verify("password", "$2a$10$abcdefghijklmnopqrstuu5ZQp/2BIazLmnTjtA6g/2lqQCx1Xo7K"));
    assertFalse(hasher.verify("password", REFERENCE_M16384.replace("argon2id", "argon2i")));
    // absurd cost parameters are refused instead of being computed
    assertFalse(hasher.verify("password", REFERENCE_M16384.replace("m=16384", "m=9999999")));
  }

  @Test
  void hashingWaitsForAPermit() throws Exception {
    Semaphore permits = new Semaphore(1);
    PasswordHasher bounded = new PasswordHasher(permits);
    permits.acquire();
    CompletableFuture<String> hash = CompletableFuture.supplyAsync(() -> bounded.hash("Correct-Horse-9"));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!permits.hasQueuedThreads() && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    assertTrue(permits.hasQueuedThreads(), "hashing did not wait for the permit");
    assertFalse(hash.isDone());
    permits.release();
    assertTrue(bounded.verify("Correct-Horse-9", hash.get(10, TimeUnit.SECONDS)));
    assertTrue(permits.tryAcquire(), "the permit was not given back");
  }
}
