package org.hospital.server.errors;

import java.util.Optional;
import org.hospital.proto.common.v1.FieldViolationCode;

/** Checks shared by every free-text field: length, and no control or invisible formatting characters. */
public final class TextRules {

  private TextRules() {}

  public static boolean hasForbiddenCharacters(String s) {
    return s.codePoints().anyMatch(cp -> Character.isISOControl(cp)
        || Character.getType(cp) == Character.FORMAT && cp != 0x200D // zero-width joiner is part of some names
        || Character.getType(cp) == Character.SURROGATE
        || Character.getType(cp) == Character.UNASSIGNED
        || Character.getType(cp) == Character.PRIVATE_USE
        || cp == 0x2028 || cp == 0x2029);
  }

  /** A required field: trimmed, within length, clean; empty string when invalid (a violation is recorded). */
  public static String required(Violations v, String field, String raw, int max) {
    String s = raw.strip();
    if (s.isEmpty()) {
      v.add(field, FieldViolationCode.REQUIRED);
      return "";
    }
    return check(v, field, s, max) ? s : "";
  }

  public static Optional<String> optional(Violations v, String field, String raw, int max) {
    String s = raw.strip();
    if (s.isEmpty()) {
      return Optional.empty();
    }
    return check(v, field, s, max) ? Optional.of(s) : Optional.empty();
  }

  /**
   * Text written in paragraphs (a clinical note): like {@link #optional}, but line breaks and tabs are part of
   * it. Line ends are kept as written; other control characters are still refused.
   */
  public static Optional<String> optionalMultiline(Violations v, String field, String raw, int max) {
    String s = raw.strip();
    if (s.isEmpty()) {
      return Optional.empty();
    }
    return check(v, field, s, max, true) ? Optional.of(s) : Optional.empty();
  }

  private static boolean check(Violations v, String field, String s, int max) {
    return check(v, field, s, max, false);
  }

  private static boolean check(Violations v, String field, String s, int max, boolean multiline) {
    if (s.codePointCount(0, s.length()) > max) {
      v.addTooLong(field, max);
      return false;
    }
    if (hasForbiddenCharacters(multiline ? s.replaceAll("[\\n\\r\\t]", " ") : s)) {
      v.add(field, FieldViolationCode.INVALID_CHARACTERS);
      return false;
    }
    return true;
  }
}
