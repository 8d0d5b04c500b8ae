package org.hospital.server.patients;

import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
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

  /** Adds the keys of a registered name, inside the registering transaction. */
  static void learn(EntityManager em, List<String> keys) {
    for (String key : keys) {
      if (key.length() < 2 || key.length() > 100) {
        continue;
      }
      boolean known = !em.createNativeQuery(
              "SELECT 1 FROM name_variant WHERE variant = ?1 AND name_key = ?2")
          .setParameter(1, key).setParameter(2, key).setMaxResults(1).getResultList().isEmpty();
      if (known) {
        continue;
      }
      for (String variant : NameKeys.deletions(key)) {
        em.createNativeQuery("INSERT INTO name_variant (variant, name_key) VALUES (?1, ?2) ON CONFLICT DO NOTHING")
            .setParameter(1, variant).setParameter(2, key).executeUpdate();
      }
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
