package org.hospital.server.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.hospital.proto.common.v1.ErrorReason;
import org.hospital.server.errors.DomainException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** What an attacker could learn or win by guessing: nothing from timing, nothing from racing. */
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
          SecurityFixture.IDLE, 1, SecurityFixture.LOCK);
      Function<Runnable, Integer> hashesFor = attempt -> {
        int before = hashes.acquired.get();
        assertThrows(DomainException.class, attempt::run);
        return hashes.acquired.get() - before;
      };
      assertEquals(1, hashesFor.apply(() -> sessions.login("nobody", "Wrong-Password-1", "", "p")));
      assertEquals(1, hashesFor.apply(() -> sessions.login("rita", "Wrong-Password-1", "", "p")));
      // threshold 1: rita is locked now, and a locked account still costs one hash
      assertEquals(1, hashesFor.apply(() -> sessions.login("rita", SecurityFixture.PASSWORD, "", "p")));
      Rows.update(f.db(), "UPDATE staff_account SET enabled = FALSE WHERE username = 'dora'");
      assertEquals(1, hashesFor.apply(() -> sessions.login("dora", SecurityFixture.PASSWORD, "", "p")));
    }
  }

  @ParameterizedTest
  @MethodSource("org.hospital.server.testing.TestDatabases#kinds")
  void concurrentGuessesAreCountedOneByOne(String kind) throws Exception {
    try (SecurityFixture f = SecurityFixture.open(kind)) {
      f.staff("rita", Role.RECEPTION);
      // two server instances, so the counting must hold across instances, not only within one
      List<SessionService> instances = List.of(f.security.sessions(), f.anotherInstance());
      int attempts = 2 * SecurityFixture.THRESHOLD;
      ExecutorService pool = Executors.newFixedThreadPool(attempts);
      CountDownLatch start = new CountDownLatch(1);
      List<Future<ErrorReason>> results = new ArrayList<>();
      for (int i = 0; i < attempts; i++) {
        SessionService sessions = instances.get(i % 2);
        results.add(pool.submit(() -> {
          start.await();
          return assertThrows(DomainException.class,
              () -> sessions.login("rita", "Wrong-Password-1", "", "p")).reason();
        }));
      }
      start.countDown();
      List<ErrorReason> reasons = new ArrayList<>();
      for (Future<ErrorReason> r : results) {
        reasons.add(r.get());
      }
      pool.shutdown();
      Map<ErrorReason, Long> counts = reasons.stream()
          .collect(Collectors.groupingBy(r -> r, Collectors.counting()));
      assertEquals(Map.of(ErrorReason.BAD_CREDENTIALS, (long) SecurityFixture.THRESHOLD - 1,
          ErrorReason.ACCOUNT_LOCKED, (long) attempts - SecurityFixture.THRESHOLD + 1), counts);
      assertEquals(ErrorReason.ACCOUNT_LOCKED, assertThrows(DomainException.class,
          () -> f.login("rita")).reason());
    }
  }
}
