package org.hospital.server.patients;

import java.util.List;
import java.util.Optional;

/**
 * The search tiers as a function of one row, for searches narrowed by birth date or phone number: those
 * return a few dozen rows, which are ranked here exactly as the SQL tiers of {@link PatientSearch} would rank
 * them, instead of walking the name index and filtering.
 */
final class NameRanking {

  static final int NO_MATCH = Integer.MAX_VALUE;
  private final List<String> tokens;
  private final boolean familyFirst;

  NameRanking(SearchCriteria c) {
    this.tokens = c.nameTokens();
    this.familyFirst = c.familyFirst();
  }

  /** Tier number (lower is better) and its reason, or NO_MATCH. */
  record Rank(int tier, String reason) {}

  Rank rank(PatientRow row) {
    String family = tokens.get(0);
    Optional<String> given = tokens.size() > 1 ? Optional.of(String.join("", tokens.subList(1, tokens.size())))
        : Optional.empty();
    Rank best = exactOrPrefix(row, family, given, 0);
    if (best.tier() == NO_MATCH && !familyFirst && tokens.size() == 2) {
      best = exactOrPrefix(row, tokens.get(1), Optional.of(tokens.get(0)), 2);
    }
    if (best.tier() == NO_MATCH && similar(row, family, given)) {
      best = new Rank(4, "NAME_SIMILAR");
    }
    return best;
  }

  private static Rank exactOrPrefix(PatientRow row, String family, Optional<String> given, int offset) {
    boolean givenOk = given.map(g -> row.givenKey().startsWith(g)).orElse(true);
    if (givenOk && row.familyKey().equals(family)) {
      return new Rank(offset, "NAME_EXACT");
    }
    if (givenOk && row.familyKey().startsWith(family)) {
      return new Rank(offset + 1, "NAME_PREFIX");
    }
    return new Rank(NO_MATCH, "");
  }

  private static boolean similar(PatientRow row, String family, Optional<String> given) {
    int limit = family.length() >= 7 ? 2 : 1;
    boolean familyOk = family.length() >= 3 && NameKeys.distance(family, row.familyKey(), limit) <= limit
        || family.length() >= 4 && !row.familySound().isEmpty() && row.familySound().equals(NameKeys.sound(family));
    boolean givenOk = given.map(g -> row.givenKey().startsWith(g) || row.givenSound().equals(NameKeys.sound(g)))
        .orElse(true);
    return familyOk && givenOk;
  }
}
