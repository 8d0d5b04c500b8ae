package org.hospital.server.patients;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import javax.sql.DataSource;

/**
 * Ranked patient search. Results come in tiers (MRN, exact family name, family-name prefix, the same with the
 * tokens swapped, similar names); within a tier they are ordered by name, which is also index order, so every
 * tier is one bounded index range scan. A later tier runs only while the page is not yet full, and a patient
 * keeps the best tier it appears in.
 */
final class PatientSearch {

  /** One tier: its match reason and its SQL condition with parameters. */
  private record Tier(String reason, String where, List<Object> params) {}

  private final DataSource dataSource;

  PatientSearch(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Rows fetched by birth date or full phone number before ranking: far more than one day's births. */
  static final int NARROW_LIMIT = 5_000;

  /** The first {@code wanted} matches in rank order. */
  List<PatientMatch> search(SearchCriteria c, int wanted) {
    try (Connection conn = dataSource.getConnection()) {
      conn.setReadOnly(true);
      if (c.hasName() && isNarrow(c)) {
        return rankNarrowed(conn, c, wanted);
      }
      Map<Long, PatientMatch> found = new LinkedHashMap<>();
      for (Tier tier : tiers(conn, c)) {
        if (found.size() >= wanted) {
          break;
        }
        runTier(conn, tier, c, wanted, found);
      }
      List<PatientMatch> out = new ArrayList<>(found.values());
      return out.size() > wanted ? out.subList(0, wanted) : out;
    } catch (SQLException e) {
      throw new IllegalStateException("Patient search failed", e);
    }
  }

  /** A birth date or a whole phone number leaves a handful of rows: fetch those, rank them in memory. */
  private static boolean isNarrow(SearchCriteria c) {
    return c.birthDate().isPresent() || c.phoneDigits().filter(p -> p.length() >= 10).isPresent();
  }

  private static List<PatientMatch> rankNarrowed(Connection conn, SearchCriteria c, int wanted)
      throws SQLException {
    NameRanking ranking = new NameRanking(c);
    record Ranked(NameRanking.Rank rank, PatientMatch match) {}
    List<Ranked> ranked = new ArrayList<>();
    runTier(conn, new Tier("NARROWED", "1 = 1", List.of()), c, NARROW_LIMIT, row -> {
      NameRanking.Rank rank = ranking.rank(row);
      if (rank.tier() != NameRanking.NO_MATCH) {
        List<String> reasons = new ArrayList<>(List.of(rank.reason()));
        reasons.addAll(filterReasons(c));
        ranked.add(new Ranked(rank, new PatientMatch(row, reasons)));
      }
    });
    return ranked.stream()
        .sorted(Comparator.comparingInt((Ranked r) -> r.rank().tier())
            .thenComparing(r -> r.match().row().familyKey())
            .thenComparing(r -> r.match().row().givenKey())
            .thenComparingLong(r -> r.match().row().id()))
        .limit(wanted)
        .map(Ranked::match)
        .toList();
  }

  private static List<String> filterReasons(SearchCriteria c) {
    List<String> reasons = new ArrayList<>();
    c.birthDate().ifPresent(d -> reasons.add("BIRTH_DATE"));
    c.phoneDigits().ifPresent(p -> reasons.add("PHONE"));
    return reasons;
  }

  private List<Tier> tiers(Connection conn, SearchCriteria c) throws SQLException {
    List<Tier> tiers = new ArrayList<>();
    if (c.mrn().isPresent()) {
      tiers.add(new Tier("MRN", "mrn = ?", List.of(c.mrn().get())));
      return tiers;
    }
    if (!c.hasName()) {
      tiers.add(new Tier(c.birthDate().isPresent() ? "BIRTH_DATE" : "PHONE", "1 = 1", List.of()));
      return tiers;
    }
    List<String> t = c.nameTokens();
    String family = t.get(0);
    Optional<String> given = t.size() > 1 ? Optional.of(String.join("", t.subList(1, t.size()))) : Optional.empty();
    addNameTiers(tiers, family, given);
    if (!c.familyFirst() && t.size() == 2) {
      addNameTiers(tiers, t.get(1), Optional.of(t.get(0)));
    }
    addSimilarTiers(conn, tiers, family, given);
    return tiers;
  }

  private static void addNameTiers(List<Tier> tiers, String family, Optional<String> given) {
    String givenWhere = given.map(g -> " AND given_key LIKE ?").orElse("");
    List<Object> exact = new ArrayList<>(List.of(family));
    List<Object> prefix = new ArrayList<>(List.of(family + "%"));
    given.ifPresent(g -> {
      exact.add(g + "%");
      prefix.add(g + "%");
    });
    tiers.add(new Tier("NAME_EXACT", "family_key = ?" + givenWhere, exact));
    tiers.add(new Tier("NAME_PREFIX", "family_key LIKE ?" + givenWhere, prefix));
  }

  private static void addSimilarTiers(Connection conn, List<Tier> tiers, String family, Optional<String> given)
      throws SQLException {
    String givenWhere = given.map(g -> " AND (given_key LIKE ? OR given_sound = ?)").orElse("");
    List<String> similar = NameDictionary.similar(conn, family);
    if (!similar.isEmpty()) {
      List<Object> params = new ArrayList<>(similar);
      given.ifPresent(g -> {
        params.add(g + "%");
        params.add(NameKeys.soundForQuery(g));
      });
      String marks = String.join(",", Collections.nCopies(similar.size(), "?"));
      tiers.add(new Tier("NAME_SIMILAR", "family_key IN (" + marks + ")" + givenWhere, params));
    }
    String sound = NameKeys.sound(family);
    if (family.length() >= 4 && !sound.isEmpty()) {
      List<Object> params = new ArrayList<>(List.of(sound));
      given.ifPresent(g -> {
        params.add(g + "%");
        params.add(NameKeys.soundForQuery(g));
      });
      tiers.add(new Tier("NAME_SIMILAR", "family_sound = ?" + givenWhere, params));
    }
  }

  private static void runTier(Connection conn, Tier tier, SearchCriteria c, int wanted,
      Map<Long, PatientMatch> found) throws SQLException {
    List<String> reasons = new ArrayList<>();
    if (!tier.reason().equals("BIRTH_DATE") && !tier.reason().equals("PHONE")) {
      reasons.add(tier.reason());
    }
    reasons.addAll(filterReasons(c));
    runTier(conn, tier, c, wanted, row -> found.putIfAbsent(row.id(), new PatientMatch(row, reasons)));
  }

  /** One tier's query with the birth-date and phone filters, in name order, at most {@code limit} rows. */
  private static void runTier(Connection conn, Tier tier, SearchCriteria c, int limit, Consumer<PatientRow> sink)
      throws SQLException {
    StringBuilder sql = new StringBuilder("SELECT ").append(PatientRow.COLUMNS).append(" FROM patient WHERE ")
        .append(tier.where());
    List<Object> params = new ArrayList<>(tier.params());
    c.birthDate().ifPresent(d -> {
      sql.append(" AND birth_date = ?");
      params.add(d);
    });
    c.phoneDigits().ifPresent(p -> {
      sql.append(p.length() >= 10 ? " AND phone_key = ?" : " AND phone_key LIKE ?");
      params.add(p.length() >= 10 ? p : p + "%");
    });
    sql.append(" ORDER BY family_key, given_key, id LIMIT ?");
    params.add(limit);
    try (PreparedStatement ps = conn.prepareStatement(sql.toString())) {
      for (int i = 0; i < params.size(); i++) {
        ps.setObject(i + 1, params.get(i));
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          sink.accept(PatientRow.read(rs));
        }
      }
    }
  }
}
