package org.hospital.server.patients;

import java.text.Normalizer;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import org.apache.commons.codec.language.DoubleMetaphone;

/**
 * How names are folded for search: "Jiří Nováková-Łukasz" and "jiri novakovalukasz" are the same key.
 * Accents are stripped, letters that do not decompose are spelled out (ß, Ł, Ø, Æ ...), and everything but
 * letters is dropped, so hyphens, apostrophes and spaces never decide whether a name is found.
 */
public final class NameKeys {

  private static final int SOUND_LENGTH = 6;

  private NameKeys() {}

  public static String fold(String name) {
    String decomposed = Normalizer.normalize(name, Normalizer.Form.NFKD);
    StringBuilder sb = new StringBuilder(decomposed.length());
    for (int i = 0; i < decomposed.length(); ) {
      int cp = decomposed.codePointAt(i);
      i += Character.charCount(cp);
      if (Character.getType(cp) == Character.NON_SPACING_MARK) {
        continue;
      }
      String spelled = spellOut(cp);
      if (spelled != null) {
        sb.append(spelled);
      } else if (Character.isLetter(cp)) {
        sb.appendCodePoint(Character.toLowerCase(cp));
      }
    }
    return sb.toString().toLowerCase(Locale.ROOT);
  }

  private static String spellOut(int cp) {
    return switch (cp) {
      case 'ß' -> "ss";
      case 'Æ', 'æ' -> "ae";
      case 'Œ', 'œ' -> "oe";
      case 'Ø', 'ø' -> "o";
      case 'Ł', 'ł' -> "l";
      case 'Đ', 'đ' -> "d";
      case 'Þ', 'þ' -> "th";
      case 'ı' -> "i";
      default -> null;
    };
  }

  /** Phonetic code of a folded key (Double Metaphone), so Steven finds Stephen; empty for non-Latin keys. */
  public static String sound(String key) {
    if (key.isEmpty() || !key.chars().allMatch(c -> c >= 'a' && c <= 'z')) {
      return "";
    }
    DoubleMetaphone dm = new DoubleMetaphone();
    dm.setMaxCodeLen(SOUND_LENGTH);
    String code = dm.doubleMetaphone(key);
    return code == null ? "" : code;
  }

  /** A phonetic code to compare against: never matches when the name has none (non-Latin scripts). */
  static String soundForQuery(String key) {
    String s = sound(key);
    return s.isEmpty() ? "!" : s;
  }

  /** The first given name's key: the one people search by. */
  public static String firstToken(String givenNames) {
    for (String part : givenNames.trim().split("[\\s]+")) {
      String key = fold(part);
      if (!key.isEmpty()) {
        return key;
      }
    }
    return "";
  }

  /** The key itself and every key one deletion away: the symmetric-delete neighbourhood. */
  public static Set<String> deletions(String key) {
    Set<String> out = new LinkedHashSet<>();
    out.add(key);
    if (key.length() > 2) {
      for (int i = 0; i < key.length(); i++) {
        out.add(key.substring(0, i) + key.substring(i + 1));
      }
    }
    return out;
  }

  /**
   * Optimal string alignment distance (Levenshtein plus adjacent transpositions), stopping early above
   * {@code limit}: a typed "smtih" is one edit from "smith".
   */
  public static int distance(String a, String b, int limit) {
    if (Math.abs(a.length() - b.length()) > limit) {
      return limit + 1;
    }
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      int rowMin = Integer.MAX_VALUE;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        int v = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
          v = Math.min(v, d[i - 2][j - 2] + 1);
        }
        d[i][j] = v;
        rowMin = Math.min(rowMin, v);
      }
      if (rowMin > limit) {
        return limit + 1;
      }
    }
    return d[a.length()][b.length()];
  }

  /** Digits of a phone number, without a leading international prefix's zeros; the last 10 at most. */
  public static String phoneKey(String phone) {
    String digits = phone.replaceAll("\\D", "");
    return digits.length() > 10 ? digits.substring(digits.length() - 10) : digits;
  }
}
