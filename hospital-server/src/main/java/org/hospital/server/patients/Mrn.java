package org.hospital.server.patients;

/**
 * Medical record numbers: a number from a database sequence followed by a Luhn check digit, so a mistyped
 * digit or two swapped neighbours are caught before any look-up.
 */
public final class Mrn {

  private Mrn() {}

  public static String fromSequence(long number) {
    String base = Long.toString(number);
    return base + checkDigit(base);
  }

  public static boolean isValid(String mrn) {
    if (mrn.length() < 2 || !mrn.chars().allMatch(Character::isDigit)) {
      return false;
    }
    String base = mrn.substring(0, mrn.length() - 1);
    return checkDigit(base) == mrn.charAt(mrn.length() - 1) - '0';
  }

  static int checkDigit(String digits) {
    int sum = 0;
    boolean doubleIt = true;
    for (int i = digits.length() - 1; i >= 0; i--) {
      int d = digits.charAt(i) - '0';
      if (doubleIt) {
        d *= 2;
        if (d > 9) {
          d -= 9;
        }
      }
      sum += d;
      doubleIt = !doubleIt;
    }
    return (10 - sum % 10) % 10;
  }
}
