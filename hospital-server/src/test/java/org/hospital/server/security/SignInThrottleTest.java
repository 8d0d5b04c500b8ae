package org.hospital.server.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.hospital.proto.common.v1.ErrorReason;
import org.hospital.server.errors.DomainException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Failed sign-ins slow guessing without handing anyone a lock: per name at one address and per address,
 * growing delays and a daily cap, the same for names that exist and names that do not, on both databases and
 * across two server instances.
 */
class SignInThrottleTest {

  private static final String WRONG = "Wrong-Password-1";

  private static DomainException refused(SessionService sessions, String name, String password, String peer) {
    return assertThrows(DomainException.class, () -> sessions.login(name, password, "ward-3", peer));
  }

  /** What an attempt answers: the reason, and when throttled, how long until a check. */
  private static String answer(SecurityFixture f, SessionService sessions, String name, String password,
      String peer) {
    DomainException e = refused(sessions, name, password, peer);
    if (e.reason() == ErrorReason.SIGN_IN_THROTTLED) {
      Instant after = Instant.parse(e.metadata().get("retry_after"));
      return "THROTTLED " + Duration.between(f.clock.instant(), after).toSeconds() + "s";
    }
    return e.reason().name();
  }

  @ParameterizedTest
  @MethodSource("org.hospital.server.testing.TestDatabases#kinds")
  void failuresDelayTheNameAtThatAddressWithGrowingDelaysAndNeverLockTheAccount(String kind) {
    try (SecurityFixture f = SecurityFixture.open(kind)) {
      f.staff("rita", Role.RECEPTION);
      SessionService sessions = f.security.sessions();
      String stranger = "10.9.9.9";
      for (int i = 0; i < SecurityFixture.LIMITS.nameFree() - 1; i++) {
        assertEquals("BAD_CREDENTIALS", answer(f, sessions, "rita", WRONG, stranger));
      }
      assertEquals("BAD_CREDENTIALS", answer(f, sessions, "rita", WRONG, stranger), "checked, and now delayed");
      assertEquals("THROTTLED 1s", answer(f, sessions, "rita", SecurityFixture.PASSWORD, stranger),
          "not checked while delayed, even with the right password");
      assertNotNull(sessions.resolve(f.login("rita")), "the real user at her own desk is not held up");

      f.clock.advance(Duration.ofSeconds(1));
      assertEquals("BAD_CREDENTIALS", answer(f, sessions, "rita", WRONG, stranger));
      assertEquals("THROTTLED 2s", answer(f, sessions, "rita", WRONG, stranger));
      f.clock.advance(Duration.ofSeconds(2));
      assertEquals("BAD_CREDENTIALS", answer(f, sessions, "rita", WRONG, stranger));
      assertEquals("THROTTLED 4s", answer(f, sessions, "rita", WRONG, stranger));
      f.clock.advance(Duration.ofSeconds(4));
      assertNotNull(sessions.login("rita", SecurityFixture.PASSWORD, "ward-3", stranger).token(),
          "after the delay the right password signs in");
      assertEquals("BAD_CREDENTIALS", answer(f, sessions, "rita", WRONG, stranger), "and the count starts again");
      assertEquals("BAD_CREDENTIALS", answer(f, sessions, "rita", WRONG, stranger));

      List<AuditRows.Row> audit = AuditRows.all(f.db());
      assertEquals(3, audit.stream().filter(r -> r.action().equals("SIGN_IN_THROTTLED")).count(),
          "each delay that begins is audited once");
      assertTrue(audit.stream().anyMatch(r -> r.action().equals("LOGIN") && r.detail().startsWith("THROTTLED until")
          && r.source().equals(stranger + " ward-3")), "every refused attempt is audited with where it came from");
    }
  }

  @ParameterizedTest
  @MethodSource("org.hospital.server.testing.TestDatabases#kinds")
  void aNameThatDoesNotExistAnswersExactlyAsOneThatDoes(String kind) {
    try (SecurityFixture f = SecurityFixture.open(kind)) {
      f.staff("rita", Role.RECEPTION);
      SessionService sessions = f.security.sessions();
      List<String> known = new ArrayList<>();
      List<String> unknown = new ArrayList<>();
      for (int i = 0; i < 12; i++) {
        known.add(answer(f, sessions, "rita", WRONG, "10.1.0.1"));
        unknown.add(answer(f, sessions, "nobody", WRONG, "10.1.0.2"));
        f.clock.advance(Duration.ofMillis(900));
      }
      assertEquals(known, unknown);
      assertTrue(known.contains("THROTTLED 1s"), known.toString());
      Map<String, Object> row = Rows.query(f.db(),
          "SELECT failures FROM sign_in_throttle WHERE throttle_key = 'name:nobody@10.1.0.2'").getFirst();
      assertTrue(((Number) row.get("failures")).intValue() > SecurityFixture.LIMITS.nameFree());
    }
  }

  @ParameterizedTest
  @MethodSource("org.hospital.server.testing.TestDatabases#kinds")
  void theDailyCapStopsChecksUntilTheDayIsOverOrAnAdministratorClearsIt(String kind) {
    try (SecurityFixture f = SecurityFixture.open(kind)) {
      long adminId = f.staff("adam", Role.ADMIN);
      f.staff("rita", Role.RECEPTION);
      SessionService sessions = f.security.sessions();
      String stranger = "10.9.9.9";
      Instant first = f.clock.instant();
      for (int i = 0; i < SecurityFixture.LIMITS.nameDailyCap(); i++) {
        assertEquals("BAD_CREDENTIALS", answer(f, sessions, "rita", WRONG, stranger), "failure " + (i + 1));
        f.clock.advance(SecurityFixture.LIMITS.maxDelay());
      }
      DomainException capped = refused(sessions, "rita", SecurityFixture.PASSWORD, stranger);
      assertEquals(ErrorReason.SIGN_IN_THROTTLED, capped.reason());
      assertEquals(first.plus(Duration.ofDays(1)), Instant.parse(capped.metadata().get("retry_after")),
          "a day after the first failure of the window");

      SignInThrottles throttles = f.security.throttles();
      SignInThrottle shown = throttles.current().stream()
          .filter(t -> t.scope() == SignInThrottle.Scope.NAME_AT_ADDRESS).findFirst().orElseThrow();
      assertEquals(List.of("rita", stranger, "ward-3", SecurityFixture.LIMITS.nameDailyCap()),
          List.of(shown.username(), shown.address(), shown.lastWorkstation(), shown.failures()));
      assertTrue(throttles.capped(shown));
      CurrentUser admin = new CurrentUser(adminId, "adam", "Test adam", java.util.Set.of(Role.ADMIN), "10.0.0.1");
      assertTrue(throttles.clear(shown.key(), admin));
      assertFalse(throttles.clear(shown.key(), admin), "clearing twice changes nothing");
      assertNotNull(sessions.login("rita", SecurityFixture.PASSWORD, "ward-3", stranger).token());
      AuditRows.Row cleared = AuditRows.all(f.db()).stream()
          .filter(r -> r.action().equals("SIGN_IN_THROTTLE_CLEARED")).findFirst().orElseThrow();
      assertEquals(List.of("adam", "name:rita@" + stranger + " after 20 failures"),
          List.of(cleared.actor(), cleared.detail()));
    }
  }

  @ParameterizedTest
  @MethodSource("org.hospital.server.testing.TestDatabases#kinds")
  void anAddressTryingManyNamesIsDelayedForAllOfThemAndNoOtherAddressIs(String kind) {
    try (SecurityFixture f = SecurityFixture.open(kind)) {
      f.staff("rita", Role.RECEPTION);
      SessionService sessions = f.security.sessions();
      String sprayer = "10.6.6.6";
      for (int i = 0; i < SecurityFixture.LIMITS.addressFree(); i++) {
        assertEquals("BAD_CREDENTIALS", answer(f, sessions, "guess" + i, WRONG, sprayer));
      }
      assertEquals("THROTTLED 1s", answer(f, sessions, "someone-new", WRONG, sprayer));
      assertEquals("THROTTLED 1s", answer(f, sessions, "rita", SecurityFixture.PASSWORD, sprayer));
      assertNotNull(sessions.resolve(f.login("rita")));
    }
  }

  @ParameterizedTest
  @MethodSource("org.hospital.server.testing.TestDatabases#kinds")
  void concurrentGuessesOnTwoInstancesAreEachCountedOnce(String kind) throws Exception {
    try (SecurityFixture f = SecurityFixture.open(kind)) {
      f.staff("rita", Role.RECEPTION);
      List<SessionService> instances = List.of(f.security.sessions(), f.anotherInstance());
      int attempts = 12;
      ExecutorService pool = Executors.newFixedThreadPool(attempts);
      CountDownLatch start = new CountDownLatch(1);
      List<Future<ErrorReason>> results = new ArrayList<>();
      for (int i = 0; i < attempts; i++) {
        SessionService sessions = instances.get(i % 2);
        results.add(pool.submit(() -> {
          start.await();
          return refused(sessions, "rita", WRONG, "10.9.9.9").reason();
        }));
      }
      start.countDown();
      List<ErrorReason> reasons = new ArrayList<>();
      for (Future<ErrorReason> r : results) {
        reasons.add(r.get());
      }
      pool.shutdown();
      Map<ErrorReason, Long> counts = reasons.stream().collect(Collectors.groupingBy(r -> r, Collectors.counting()));
      long checked = counts.getOrDefault(ErrorReason.BAD_CREDENTIALS, 0L);
      assertEquals(attempts, checked + counts.getOrDefault(ErrorReason.SIGN_IN_THROTTLED, 0L), counts.toString());
      assertTrue(checked >= SecurityFixture.LIMITS.nameFree(), counts.toString());
      for (String key : List.of("name:rita@10.9.9.9", "address:10.9.9.9")) {
        assertEquals(checked, ((Number) Rows.query(f.db(), "SELECT failures FROM sign_in_throttle WHERE"
            + " throttle_key = ?", key).getFirst().get("failures")).longValue(), "every checked failure counted: " + key);
      }
      assertNotNull(f.login("rita"), "no lock: the account signs in from its own address");
    }
  }
}
