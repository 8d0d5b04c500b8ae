package org.hospital.server.clinical.reference;

/** Whether two words are within a few typing slips (insertions, deletions, substitutions, swaps). */
final class Typos {

  private Typos() {}

  /** Damerau-Levenshtein (optimal string alignment) distance at most {@code max}, stopping early. */
  static boolean withinDistance(String a, String b, int max) {
    if (Math.abs(a.length() - b.length()) > max) {
      return false;
    }
    int[] twoBack = new int[b.length() + 1];
    int[] back = new int[b.length() + 1];
    int[] row = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      back[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      row[0] = i;
      int best = row[0];
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        int d = Math.min(Math.min(back[j] + 1, row[j - 1] + 1), back[j - 1] + cost);
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
          d = Math.min(d, twoBack[j - 2] + 1);
        }
        row[j] = d;
        best = Math.min(best, d);
      }
      if (best > max) {
        return false;
      }
      int[] t = twoBack;
      twoBack = back;
      back = row;
      row = t;
    }
    return back[b.length()] <= max;
  }
}
