package org.hospital.server.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.hospital.server.config.SignInLimits;
import org.hospital.server.errors.DomainException;
import org.junit.jupiter.api.Test;

/** What an attacker could learn by guessing: nothing from timing (racing: see SignInThrottleTest). */
class LoginProbingTest {

  /** Counts Argon2 computations: every hash takes exactly one permit. */
  private static final class CountingSemaphore extends Semaphore {
    final AtomicInteger acquired = new AtomicInteger();

    CountingSemaphore() {
      super(Runtime.getRuntime().availableProcessors());
    }

    @Override
    public void acquireUninterruptibly() {
      acquired.incrementAndGet();
      super.acquireUninterruptibly();
    }
  }

  @Test
  void everyRefusalCostsOneArgon2HashSoTimingDoesNotRevealUsernames() {
    try (SecurityFixture f = SecurityFixture.open("h2")) {
      f.staff("rita", Role.RECEPTION);
      f.staff("dora", Role.DOCTOR);
      CountingSemaphore hashes = new CountingSemaphore();
      SessionService sessions = new SessionService(f.db(), new PasswordHasher(hashes), f.audit, f.clock,
          SecurityFixture.IDLE, SignInThrottles.configured(f.db(), f.audit, f.clock,
              new SignInLimits(1, 20, 10, 100, java.time.Duration.ofMinutes(5))));
      Function<Runnable, Integer> hashesFor = attempt -> {
        int before = hashes.acquired.get();
        assertThrows(DomainException.class, attempt::run);
        return hashes.acquired.get() - before;
      };
      assertEquals(1, hashesFor.apply(() -> sessions.login("nobody", "Wrong-Password-1", "", "p")));
      assertEquals(1, hashesFor.apply(() -> sessions.login("rita", "Wrong-Password-1", "", "p")));
      // one free failure per name: both names are delayed now, and a delayed attempt costs no hash at all,
      // known or not, so a flood of attempts cannot tie up the cores
      assertEquals(0, hashesFor.apply(() -> sessions.login("rita", SecurityFixture.PASSWORD, "", "p")));
      assertEquals(0, hashesFor.apply(() -> sessions.login("nobody", SecurityFixture.PASSWORD, "", "p")));
      Rows.update(f.db(), "UPDATE staff_account SET enabled = FALSE WHERE username = 'dora'");
      assertEquals(1, hashesFor.apply(() -> sessions.login("dora", SecurityFixture.PASSWORD, "", "p")));
    }
  }
}
