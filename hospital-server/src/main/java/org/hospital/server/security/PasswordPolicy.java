package org.hospital.server.security;

import java.util.Locale;
import org.hospital.proto.common.v1.FieldViolationCode;
import org.hospital.server.errors.Violations;

/**
 * What a new password must be: 12 to 128 characters, no control characters, not the username nor containing
 * it, and not guessable by shape: at least three of lower case, upper case, digits and symbols, or a
 * passphrase of 20 or more characters (which still may not be all of one kind).
 */
public final class PasswordPolicy {

  public static final String FIELD = "password";
  public static final int MIN_LENGTH = 12;
  public static final int MAX_LENGTH = 128;
  public static final int PASSPHRASE_LENGTH = 20;

  /** Adds the password's violations (if any) to {@code violations}; never echoes the password. */
  public void check(String username, String password, Violations violations) {
    check(username, password, FIELD, violations);
  }

  /** As {@link #check(String, String, Violations)}, naming the request's field {@code field}. */
  public void check(String username, String password, String field, Violations violations) {
    if (password == null || password.isEmpty()) {
      violations.add(field, FieldViolationCode.REQUIRED);
      return;
    }
    int length = password.codePointCount(0, password.length());
    if (length > MAX_LENGTH) {
      violations.addTooLong(field, MAX_LENGTH);
      return;
    }
    if (password.codePoints().anyMatch(Character::isISOControl)) {
      violations.add(field, FieldViolationCode.INVALID_CHARACTERS);
      return;
    }
    if (length < MIN_LENGTH || containsUsername(username, password) || !variedEnough(password, length)) {
      violations.add(field, FieldViolationCode.WEAK_PASSWORD);
    }
  }

  private static boolean containsUsername(String username, String password) {
    if (username == null || username.isBlank()) {
      return false;
    }
    return password.toLowerCase(Locale.ROOT).contains(username.toLowerCase(Locale.ROOT));
  }

  private static boolean variedEnough(String password, int length) {
    int classes = characterClasses(password);
    return classes >= 3 || (classes >= 2 && length >= PASSPHRASE_LENGTH);
  }

  private static int characterClasses(String password) {
    boolean lower = false;
    boolean upper = false;
    boolean digit = false;
    boolean symbol = false;
    for (int cp : password.codePoints().toArray()) {
      if (Character.isLowerCase(cp)) {
        lower = true;
      } else if (Character.isUpperCase(cp)) {
        upper = true;
      } else if (Character.isDigit(cp)) {
        digit = true;
      } else {
        symbol = true;
      }
    }
    return (lower ? 1 : 0) + (upper ? 1 : 0) + (digit ? 1 : 0) + (symbol ? 1 : 0);
  }
}
