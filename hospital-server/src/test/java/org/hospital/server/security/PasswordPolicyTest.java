package org.hospital.server.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.hospital.server.errors.DomainException;
import org.hospital.server.errors.FieldViolation;
import org.hospital.server.errors.Violations;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PasswordPolicyTest {

  private final PasswordPolicy policy = new PasswordPolicy();

  /** The password's violation code, or "OK". */
  private String verdict(String username, String password) {
    Violations v = new Violations();
    policy.check(username, password, v);
    try {
      v.throwIfAny();
      return "OK";
    } catch (DomainException e) {
      Map<String, String> byField = new java.util.HashMap<>();
      for (FieldViolation f : e.violations()) {
        byField.put(f.field(), f.code().name());
      }
      assertEquals(java.util.Set.of("password"), byField.keySet());
      return byField.get("password");
    }
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      Ward-7-Night        | OK
      ward7night!x        | OK
      WARD7NIGHT!X        | OK
      correct horse battery | OK
      Ward-7-Nigh         | WEAK_PASSWORD
      wardsevennight      | WEAK_PASSWORD
      ward7nightshift     | WEAK_PASSWORD
      correcthorsebatterystaple | WEAK_PASSWORD
      123456789012345678901 | WEAK_PASSWORD
      Alice-Ward-7        | WEAK_PASSWORD
      xALICEx-Ward7       | WEAK_PASSWORD
      ''                  | REQUIRED
      """)
  void checksLengthVarietyAndUsername(String password, String expected) {
    assertEquals(expected, verdict("alice", password == null ? "" : password));
  }

  @org.junit.jupiter.api.Test
  void limitsLengthAndRefusesControlCharacters() {
    String longest = "Aa1-".repeat(32);
    assertEquals("OK", verdict("alice", longest));
    assertEquals("TOO_LONG", verdict("alice", longest + "x"));
    assertEquals("INVALID_CHARACTERS", verdict("alice", "Ward-7-Night\n"));
    // length counts characters, not UTF-16 units: 12 emoji-containing characters are long enough
    assertEquals("OK", verdict("alice", "Ward-7-Nigh🐎"));
  }
}
