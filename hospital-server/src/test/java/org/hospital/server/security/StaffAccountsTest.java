package org.hospital.server.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.hospital.proto.common.v1.ErrorReason;
import org.hospital.server.errors.DomainException;
import org.hospital.server.errors.FieldViolation;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class StaffAccountsTest {

  @ParameterizedTest
  @MethodSource("org.hospital.server.testing.TestDatabases#kinds")
  void createsAnAccountWithHashedPasswordAndRoles(String kind) {
    try (SecurityFixture f = SecurityFixture.open(kind)) {
      StaffAccounts accounts = f.security.staffAccounts();
      assertFalse(accounts.exists("nina.nurse"));
      long id = accounts.create("nina.nurse", "Nina Nurse", SecurityFixture.PASSWORD, Set.of(Role.NURSE,
          Role.DOCTOR));
      assertTrue(accounts.exists("nina.nurse"));

      Map<String, Object> row = Rows.query(f.db(), "SELECT * FROM staff_account WHERE id = ?", id).getFirst();
      assertEquals("nina.nurse", row.get("username"));
      assertEquals("Nina Nurse", row.get("display_name"));
      assertEquals(Boolean.TRUE, row.get("enabled"));
      String stored = (String) row.get("password_hash");
      assertTrue(stored.startsWith("$argon2id$v=19$m=19456,t=2,p=1$"), stored);
      assertFalse(stored.contains(SecurityFixture.PASSWORD));
      assertTrue(new PasswordHasher(1).verify(SecurityFixture.PASSWORD, stored));

      Set<String> roles = Rows.query(f.db(), "SELECT role FROM staff_role WHERE staff_id = ?", id).stream()
          .map(r -> (String) r.get("role")).collect(Collectors.toSet());
      assertEquals(Set.of("NURSE", "DOCTOR"), roles);
    }
  }

  @ParameterizedTest
  @MethodSource("org.hospital.server.testing.TestDatabases#kinds")
  void aTakenUsernameIsRefused(String kind) {
    try (SecurityFixture f = SecurityFixture.open(kind)) {
      f.staff("rita", Role.RECEPTION);
      DomainException e = assertThrows(DomainException.class, () -> f.staff("rita", Role.ADMIN));
      assertEquals(ErrorReason.ALREADY_EXISTS, e.reason());
      assertEquals("username", e.metadata().get("field"));
      assertEquals(1, Rows.count(f.db(), "staff_account"));
    }
  }

  @ParameterizedTest
  @MethodSource("org.hospital.server.testing.TestDatabases#kinds")
  void theDatabaseRefusesADuplicateUsernameAndAnUnknownRole(String kind) {
    try (SecurityFixture f = SecurityFixture.open(kind)) {
      long id = f.staff("rita", Role.RECEPTION);
      assertThrows(IllegalStateException.class, () -> Rows.update(f.db(),
          "INSERT INTO staff_account (id, username, display_name, password_hash, enabled,"
              + " created_at, version) VALUES (9999, 'rita', 'X', 'x', TRUE, CURRENT_TIMESTAMP, 1)"));
      assertThrows(IllegalStateException.class, () -> Rows.update(f.db(),
          "INSERT INTO staff_role (staff_id, role) VALUES (?, 'JANITOR')", id));
    }
  }

  @ParameterizedTest
  @MethodSource("org.hospital.server.testing.TestDatabases#kinds")
  void badInputIsReportedFieldByFieldAndNothingIsWritten(String kind) {
    try (SecurityFixture f = SecurityFixture.open(kind)) {
      StaffAccounts accounts = f.security.staffAccounts();
      assertEquals(Map.of("username", "INVALID_CHARACTERS", "display_name", "INVALID_CHARACTERS",
              "roles", "REQUIRED", "password", "WEAK_PASSWORD"),
          violations(() -> accounts.create("Rita", "Rita\tR", "short", Set.of())));
      assertEquals(Map.of("username", "TOO_SHORT", "display_name", "REQUIRED"),
          violations(() -> accounts.create("ri", " ", SecurityFixture.PASSWORD, Set.of(Role.ADMIN))));
      assertEquals(Map.of("username", "TOO_LONG", "display_name", "TOO_LONG"),
          violations(() -> accounts.create("r".repeat(65), "D".repeat(101), SecurityFixture.PASSWORD,
              Set.of(Role.ADMIN))));
      assertEquals(Map.of("password", "WEAK_PASSWORD"),
          violations(() -> accounts.create("rita", "Rita", "Rita-Password-1", Set.of(Role.ADMIN))));
      assertEquals(0, Rows.count(f.db(), "staff_account"));
      assertEquals(0, Rows.count(f.db(), "staff_role"));
    }
  }

  private static Map<String, String> violations(Runnable create) {
    DomainException e = assertThrows(DomainException.class, create::run);
    assertEquals(ErrorReason.VALIDATION_FAILED, e.reason());
    List<FieldViolation> list = e.violations();
    return list.stream().collect(Collectors.toMap(FieldViolation::field, v -> v.code().name()));
  }
}
