package org.hospital.server.patients;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/**
 * Every name key ever registered, indexed by its one-deletion variants. A typed token's own variants meet a
 * dictionary name's variants when the two are one typo apart, so misspellings are found by index look-ups on a
 * table the size of the set of distinct names, not of the patients.
 */
final class NameDictionary {

  private NameDictionary() {}

  /** The keys a patient's name adds to the dictionary: the family name and each given name. */
  static List<String> keysOf(Patient p) {
    List<String> keys = new ArrayList<>(List.of(p.familyKey()));
    for (String part : p.givenNames().split("\\s+")) {
      keys.add(NameKeys.fold(part));
    }
    return keys;
  }

  /**
   * Adds names inside the caller's transaction (a registration's, or a bulk load's): a name already known is
   * skipped with one look-up, a new one adds its variants in one batch.
   */
  static void learn(Connection c, Collection<String> keys) throws SQLException {
    try (PreparedStatement known = c.prepareStatement(
            "SELECT 1 FROM name_variant WHERE variant = ? AND name_key = ?");
        PreparedStatement add = c.prepareStatement(
            "INSERT INTO name_variant (variant, name_key) VALUES (?, ?) ON CONFLICT DO NOTHING")) {
      int pending = 0;
      for (String key : keys) {
        if (key.length() < 2 || key.length() > 100 || isKnown(known, key)) {
          continue;
        }
        for (String variant : NameKeys.deletions(key)) {
          add.setString(1, variant);
          add.setString(2, key);
          add.addBatch();
          if (++pending == BATCH) {
            add.executeBatch();
            pending = 0;
          }
        }
      }
      if (pending > 0) {
        add.executeBatch();
      }
    }
  }

  private static final int BATCH = 1000;

  private static boolean isKnown(PreparedStatement known, String key) throws SQLException {
    known.setString(1, key);
    known.setString(2, key);
    try (ResultSet rs = known.executeQuery()) {
      return rs.next();
    }
  }

  /** Names within a typo or two of {@code typed} (one for short names), not counting {@code typed} itself. */
  static List<String> similar(Connection c, String typed) throws SQLException {
    if (typed.length() < 3) {
      return List.of();
    }
    Set<String> variants = NameKeys.deletions(typed);
    String marks = String.join(",", Collections.nCopies(variants.size(), "?"));
    int limit = typed.length() >= 7 ? 2 : 1;
    List<String> out = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(
        "SELECT DISTINCT name_key FROM name_variant WHERE variant IN (" + marks + ")")) {
      int i = 1;
      for (String v : variants) {
        ps.setString(i++, v);
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          String key = rs.getString(1);
          if (!key.equals(typed) && NameKeys.distance(typed, key, limit) <= limit) {
            out.add(key);
          }
        }
      }
    }
    return out;
  }
}
