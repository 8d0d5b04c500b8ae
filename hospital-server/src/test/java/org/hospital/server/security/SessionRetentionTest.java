package org.hospital.server.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Session rows past the retention (90 days as shipped) go; the rest stay, the open session keeps working and
 * the audit keeps every entry. On H2 and PostgreSQL.
 */
class SessionRetentionTest {

  private static final Duration RETENTION = Duration.ofDays(90);

  @ParameterizedTest
  @MethodSource("org.hospital.server.testing.TestDatabases#kinds")
  void sessionsEndedOrAbandonedBeforeTheRetentionAreDeleted(String kind) {
    try (SecurityFixture f = SecurityFixture.open(kind)) {
      f.staff("rita", Role.RECEPTION);
      f.staff("nina", Role.NURSE);
      SessionService sessions = f.security.sessions();
      sessions.logout(login(sessions, "rita", "old-logout"));
      login(sessions, "nina", "old-abandoned");
      f.clock.advance(Duration.ofMinutes(2));
      sessions.logout(login(sessions, "nina", "ended-a-minute-inside"));
      f.clock.advance(Duration.ofDays(60));
      sessions.logout(login(sessions, "rita", "recent-logout"));
      // now: 90 days and a minute after the first two, 90 days less a minute after the third
      f.clock.advance(RETENTION.minus(Duration.ofDays(60)).minusMinutes(1));
      String open = login(sessions, "rita", "open-now");
      long auditEntries = Rows.count(f.db(), "audit_entry");

      assertEquals(2, f.security.sessionRetention().purge());

      assertEquals(List.of("ended-a-minute-inside", "open-now", "recent-logout"), workstations(f));
      assertEquals("rita", sessions.resolve(open).username(), "an open session is not touched");
      assertEquals(auditEntries, Rows.count(f.db(), "audit_entry"),
          "the audit names users and sources, not session rows: it keeps every entry");
      assertEquals(0, f.security.sessionRetention().purge(), "nothing more to delete");
    }
  }

  @ParameterizedTest
  @MethodSource("org.hospital.server.testing.TestDatabases#kinds")
  void aRetentionShorterThanTheIdleTimeoutNeverDeletesALiveSession(String kind) {
    try (SecurityFixture f = SecurityFixture.open(kind)) {
      f.staff("rita", Role.RECEPTION);
      SessionService sessions = f.security.sessions();
      String open = login(sessions, "rita", "open");
      f.clock.advance(SecurityFixture.IDLE.minusMinutes(1));
      SessionRetention tooShort = new SessionRetention(f.db(), f.clock, Duration.ofMinutes(1),
          SecurityFixture.IDLE);

      assertEquals(0, tooShort.purge());
      assertEquals("rita", sessions.resolve(open).username());
    }
  }

  private static String login(SessionService sessions, String user, String workstation) {
    return sessions.login(user, SecurityFixture.PASSWORD, workstation, "10.0.0.7").token();
  }

  private static List<String> workstations(SecurityFixture f) {
    return Rows.query(f.db(), "SELECT workstation FROM staff_session ORDER BY workstation").stream()
        .map(r -> (String) r.get("workstation")).toList();
  }
}
