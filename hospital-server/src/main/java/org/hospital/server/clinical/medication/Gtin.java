package org.hospital.server.clinical.medication;

/** GS1 trade item numbers (GTIN-8, -12, -13, -14), the barcodes on medicine packs. */
final class Gtin {

  private Gtin() {}

  static boolean valid(String s) {
    if (!s.matches("\\d{8}|\\d{12,14}")) {
      return false;
    }
    return checkDigit(s.substring(0, s.length() - 1)) == s.charAt(s.length() - 1) - '0';
  }

  /** The GS1 check digit: weights 3 and 1 alternating from the right of the body. */
  static int checkDigit(String body) {
    int sum = 0;
    for (int i = 0; i < body.length(); i++) {
      int digit = body.charAt(body.length() - 1 - i) - '0';
      sum += digit * (i % 2 == 0 ? 3 : 1);
    }
    return (10 - sum % 10) % 10;
  }
}
