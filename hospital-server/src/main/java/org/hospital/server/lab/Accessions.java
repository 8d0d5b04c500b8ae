package org.hospital.server.lab;

import java.util.Optional;

/**
 * Accession numbers: "L", the order's id and a Luhn check digit, so that a mistyped number (one wrong digit, two
 * swapped neighbours) names no order rather than someone else's. The database keeps them unique.
 */
public final class Accessions {

  private Accessions() {}

  public static String of(long orderId) {
    String digits = Long.toString(orderId);
    return "L" + digits + luhn(digits);
  }

  /** The order id an accession names, if it is well formed and its check digit is right. */
  public static Optional<Long> orderId(String accession) {
    String a = accession.strip().toUpperCase(java.util.Locale.ROOT);
    if (!a.matches("L[1-9][0-9]{0,17}[0-9]")) {
      return Optional.empty();
    }
    String digits = a.substring(1, a.length() - 1);
    if (luhn(digits) != a.charAt(a.length() - 1) - '0') {
      return Optional.empty();
    }
    return Optional.of(Long.parseLong(digits));
  }

  private static int luhn(String digits) {
    int sum = 0;
    boolean twice = true;
    for (int i = digits.length() - 1; i >= 0; i--) {
      int d = digits.charAt(i) - '0';
      if (twice) {
        d *= 2;
        if (d > 9) {
          d -= 9;
        }
      }
      sum += d;
      twice = !twice;
    }
    return (10 - sum % 10) % 10;
  }
}
