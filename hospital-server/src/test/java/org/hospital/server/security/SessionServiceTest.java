package org.hospital.server.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hospital.proto.common.v1.ErrorReason;
import org.hospital.server.errors.DomainException;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class SessionServiceTest {

  private static ErrorReason refusal(Executable call) {
    return assertThrows(DomainException.class, call).reason();
  }

  @ParameterizedTest
  @MethodSource("org.hospital.server.testing.TestDatabases#kinds")
  void loginOpensASessionThatResolvesToTheUser(String kind) {
    try (SecurityFixture f = SecurityFixture.open(kind)) {
      long id = f.staff("rita", Role.RECEPTION, Role.BILLING);
      SessionService sessions = f.security.sessions();
      LoginResult result = sessions.login("Rita", SecurityFixture.PASSWORD, "desk-1", "10.0.0.7");

      assertTrue(result.token().matches("[A-Za-z0-9_-]{43}"), "32 random bytes, base64url");
      assertEquals(SecurityFixture.IDLE, result.idleTimeout());
      CurrentUser user = sessions.resolve(result.token());
      assertEquals(new CurrentUser(id, "rita", "Test rita", Set.of(Role.RECEPTION, Role.BILLING),
          "10.0.0.7 desk-1"), user);
      assertEquals(result.user(), user);
      assertEquals("10.0.0.9 desk-1", sessions.resolve(result.token(), "10.0.0.9").source(),
          "the source is where the call comes from");
      assertFalse(result.toString().contains(result.token()));

      AuditRows.Row audit = AuditRows.last(f.db());
      assertEquals(List.of("rita", "BILLING,RECEPTION", "LOGIN", "SUCCESS", "10.0.0.7 desk-1"),
          List.of(audit.actor(), audit.roles(), audit.action(), audit.outcome(), audit.source()));
    }
  }

  @ParameterizedTest
  @MethodSource("org.hospital.server.testing.TestDatabases#kinds")
  void onlyTheHashOfTheTokenIsStored(String kind) {
    try (SecurityFixture f = SecurityFixture.open(kind)) {
      f.staff("rita", Role.RECEPTION);
      String token = f.login("rita");
      List<Map<String, Object>> rows = Rows.query(f.db(), "SELECT * FROM staff_session");
      assertEquals(1, rows.size());
      assertEquals(SessionTokens.hash(token), rows.getFirst().get("token_hash"));
      for (Object value : rows.getFirst().values()) {
        assertFalse(String.valueOf(value).contains(token), "token stored in clear");
      }
      assertEquals("10.0.0.7", rows.getFirst().get("peer"));
      assertEquals("desk-1", rows.getFirst().get("workstation"));
    }
  }

  @ParameterizedTest
  @MethodSource("org.hospital.server.testing.TestDatabases#kinds")
  void unknownUserAndWrongPasswordGetTheSameAnswerButAreAuditedApart(String kind) {
    try (SecurityFixture f = SecurityFixture.open(kind)) {
      f.staff("rita", Role.RECEPTION);
      SessionService sessions = f.security.sessions();
      assertEquals(ErrorReason.BAD_CREDENTIALS,
          refusal(() -> sessions.login("rita", "Wrong-Password-1", "desk-1", "10.0.0.7")));
      assertEquals(ErrorReason.BAD_CREDENTIALS,
          refusal(() -> sessions.login("nobody", SecurityFixture.PASSWORD, "desk-1", "10.0.0.7")));
      assertEquals(0, Rows.count(f.db(), "staff_session"));
      List<AuditRows.Row> audit = AuditRows.all(f.db());
      assertEquals(List.of("rita LOGIN BAD_PASSWORD FAILURE", "nobody LOGIN UNKNOWN_USER FAILURE"),
          audit.stream().map(r -> r.actor() + " " + r.action() + " " + r.detail() + " " + r.outcome()).toList());
      assertTrue(audit.stream().noneMatch(r -> r.detail().contains("Wrong-Password-1")));
    }
  }

  @ParameterizedTest
  @MethodSource("org.hospital.server.testing.TestDatabases#kinds")
  void aSuccessfulLoginResetsTheNamesFailureCountAtThatAddress(String kind) {
    try (SecurityFixture f = SecurityFixture.open(kind)) {
      f.staff("rita", Role.RECEPTION);
      SessionService sessions = f.security.sessions();
      for (int round = 0; round < 2; round++) {
        for (int i = 1; i < SecurityFixture.LIMITS.nameFree(); i++) {
          assertEquals(ErrorReason.BAD_CREDENTIALS,
              refusal(() -> sessions.login("rita", "Wrong-Password-1", "", "10.0.0.7")));
        }
        f.login("rita");
      }
    }
  }

  @ParameterizedTest
  @MethodSource("org.hospital.server.testing.TestDatabases#kinds")
  void aDisabledAccountCannotSignInAndItsSessionsEnd(String kind) {
    try (SecurityFixture f = SecurityFixture.open(kind)) {
      f.staff("rita", Role.RECEPTION);
      String token = f.login("rita");
      Rows.update(f.db(), "UPDATE staff_account SET enabled = FALSE");
      SessionService sessions = f.security.sessions();
      assertEquals(ErrorReason.BAD_CREDENTIALS, refusal(() -> sessions.login("rita", "Wrong-Password-1", "", "p")));
      assertEquals(ErrorReason.ACCOUNT_DISABLED,
          refusal(() -> sessions.login("rita", SecurityFixture.PASSWORD, "", "p")));
      assertEquals("DISABLED", AuditRows.last(f.db()).detail());

      assertEquals(ErrorReason.SESSION_EXPIRED, refusal(() -> sessions.resolve(token)));
      assertEquals("ACCOUNT_DISABLED", Rows.query(f.db(), "SELECT end_reason FROM staff_session").getFirst()
          .get("end_reason"));
    }
  }

  @ParameterizedTest
  @MethodSource("org.hospital.server.testing.TestDatabases#kinds")
  void aSessionIdleLongerThanTheTimeoutExpiresAndIsAudited(String kind) {
    try (SecurityFixture f = SecurityFixture.open(kind)) {
      f.staff("rita", Role.RECEPTION);
      SessionService sessions = f.security.sessions();
      String token = f.login("rita");
      // each call restarts the idle timer, to the instant
      for (int i = 0; i < 3; i++) {
        f.clock.advance(SecurityFixture.IDLE);
        assertEquals("rita", sessions.resolve(token).username());
      }
      f.clock.advance(SecurityFixture.IDLE.plusMillis(1));
      assertEquals(ErrorReason.SESSION_EXPIRED, refusal(() -> sessions.resolve(token)));
      assertEquals("IDLE", Rows.query(f.db(), "SELECT end_reason FROM staff_session").getFirst().get("end_reason"));
      AuditRows.Row audit = AuditRows.last(f.db());
      assertEquals(List.of("rita", "SESSION_EXPIRED"), List.of(audit.actor(), audit.action()));

      // an expired session stays expired, and its expiry is audited once
      f.clock.advance(Duration.ofSeconds(1));
      assertEquals(ErrorReason.SESSION_EXPIRED, refusal(() -> sessions.resolve(token)));
      assertEquals(1, AuditRows.all(f.db()).stream().filter(r -> r.action().equals("SESSION_EXPIRED")).count());
    }
  }

  @ParameterizedTest
  @MethodSource("org.hospital.server.testing.TestDatabases#kinds")
  void lastSeenIsWrittenAtMostEveryThirtySeconds(String kind) {
    try (SecurityFixture f = SecurityFixture.open(kind)) {
      f.staff("rita", Role.RECEPTION);
      SessionService sessions = f.security.sessions();
      String token = f.login("rita");
      Object atLogin = lastSeen(f);
      f.clock.advance(Duration.ofSeconds(10));
      sessions.resolve(token);
      f.clock.advance(Duration.ofSeconds(10));
      sessions.resolve(token);
      assertEquals(atLogin, lastSeen(f));
      f.clock.advance(Duration.ofSeconds(10));
      sessions.resolve(token);
      assertFalse(atLogin.equals(lastSeen(f)), "last seen not written after 30 s");
    }
  }

  @ParameterizedTest
  @MethodSource("org.hospital.server.testing.TestDatabases#kinds")
  void idlenessCountsFromTheLastCallEvenWhenLastSeenWasNotWritten(String kind) {
    try (SecurityFixture f = SecurityFixture.open(kind)) {
      f.staff("rita", Role.RECEPTION);
      SessionService sessions = f.security.sessions();
      String token = f.login("rita");
      f.clock.advance(Duration.ofSeconds(20));
      sessions.resolve(token);
      // 15:19 after the last written last-seen, but only 14:59 after the last call
      f.clock.advance(SecurityFixture.IDLE.minusSeconds(1));
      assertEquals("rita", sessions.resolve(token).username());
      f.clock.advance(SecurityFixture.IDLE.plusMillis(1));
      assertEquals(ErrorReason.SESSION_EXPIRED, refusal(() -> sessions.resolve(token)));
    }
  }

  @ParameterizedTest
  @MethodSource("org.hospital.server.testing.TestDatabases#kinds")
  void serverInstancesSharingTheDatabaseAgreeOnSessions(String kind) {
    try (SecurityFixture f = SecurityFixture.open(kind)) {
      f.staff("rita", Role.RECEPTION);
      SessionService a = f.security.sessions();
      SessionService b = f.anotherInstance();
      String token = f.login("rita");

      // activity seen only by B keeps the session alive for A
      f.clock.advance(Duration.ofMinutes(10));
      b.resolve(token);
      f.clock.advance(Duration.ofMinutes(10));
      assertEquals("rita", a.resolve(token).username());

      // a logout on B is honoured by A at once
      b.logout(token);
      assertEquals(ErrorReason.SESSION_EXPIRED, refusal(() -> a.resolve(token)));
    }
  }

  @ParameterizedTest
  @MethodSource("org.hospital.server.testing.TestDatabases#kinds")
  void logoutEndsTheSessionOnceAndIsIdempotent(String kind) {
    try (SecurityFixture f = SecurityFixture.open(kind)) {
      f.staff("rita", Role.RECEPTION);
      SessionService sessions = f.security.sessions();
      String token = f.login("rita");
      String other = f.login("rita");
      sessions.logout(token);
      sessions.logout(token);
      sessions.logout("not-a-token");
      assertEquals(ErrorReason.SESSION_EXPIRED, refusal(() -> sessions.resolve(token)));
      assertEquals("rita", sessions.resolve(other).username(), "only the one session ended");
      assertEquals(1, AuditRows.all(f.db()).stream().filter(r -> r.action().equals("LOGOUT")).count());
      assertEquals("LOGOUT", Rows.query(f.db(), "SELECT end_reason FROM staff_session WHERE token_hash = ?",
          SessionTokens.hash(token)).getFirst().get("end_reason"));
    }
  }

  @ParameterizedTest
  @MethodSource("org.hospital.server.testing.TestDatabases#kinds")
  void malformedAndUnknownTokensAreExpiredSessions(String kind) {
    try (SecurityFixture f = SecurityFixture.open(kind)) {
      SessionService sessions = f.security.sessions();
      assertEquals(ErrorReason.SESSION_EXPIRED, refusal(() -> sessions.resolve("")));
      assertEquals(ErrorReason.SESSION_EXPIRED, refusal(() -> sessions.resolve("x' OR '1'='1")));
      assertEquals(ErrorReason.SESSION_EXPIRED, refusal(() -> sessions.resolve(new SessionTokens().newToken())));
    }
  }

  private static Object lastSeen(SecurityFixture f) {
    return Rows.query(f.db(), "SELECT last_seen_at FROM staff_session").getFirst().get("last_seen_at");
  }
}
