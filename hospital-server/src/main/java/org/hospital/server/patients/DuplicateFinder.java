package org.hospital.server.patients;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Likely existing records for someone about to be registered: the same national id; or the same birth date
 * with a similar family or first name (this also flags twins, who are a classic source of mix-ups); or the
 * same phone with a similar first name (families share phones, so the family name alone is not enough).
 */
final class DuplicateFinder {

  static final int MAX_CANDIDATES = 10;
  private final DataSource dataSource;

  DuplicateFinder(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  List<PatientMatch> candidates(PatientDraft d) {
    String familyKey = NameKeys.fold(d.familyName());
    String givenKey = NameKeys.firstToken(d.givenNames());
    Map<Long, PatientMatch> found = new LinkedHashMap<>();
    try (Connection c = dataSource.getConnection()) {
      c.setReadOnly(true);
      if (d.nationalId().isPresent()) {
        run(c, "national_id = ?", List.of(d.nationalId().get()), List.of("NATIONAL_ID"), found);
      }
      List<String> families = new ArrayList<>(NameDictionary.similar(c, familyKey));
      families.add(familyKey);
      List<String> givens = new ArrayList<>(NameDictionary.similar(c, givenKey));
      givens.add(givenKey);
      String familyIn = "family_key IN (" + marks(families.size()) + ")";
      String givenFirst = "(" + givenKeyStarts(givens.size()) + " OR given_sound = ?)";

      List<Object> byBirth = new ArrayList<>(List.of(d.birthDate()));
      byBirth.addAll(families);
      byBirth.add(NameKeys.soundForQuery(familyKey));
      givens.forEach(g -> byBirth.add(g + "%"));
      byBirth.add(NameKeys.soundForQuery(givenKey));
      run(c, "birth_date = ? AND (" + familyIn + " OR family_sound = ? OR " + givenFirst + ")", byBirth,
          List.of("BIRTH_DATE", "NAME_SIMILAR"), found);

      if (d.phone().isPresent()) {
        List<Object> byPhone = new ArrayList<>(List.of(NameKeys.phoneKey(d.phone().get())));
        givens.forEach(g -> byPhone.add(g + "%"));
        byPhone.add(NameKeys.soundForQuery(givenKey));
        run(c, "phone_key = ? AND " + givenFirst, byPhone, List.of("PHONE", "NAME_SIMILAR"), found);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Duplicate check failed", e);
    }
    return List.copyOf(found.values()).subList(0, Math.min(found.size(), MAX_CANDIDATES));
  }

  private static String marks(int n) {
    return String.join(",", Collections.nCopies(n, "?"));
  }

  private static String givenKeyStarts(int n) {
    return String.join(" OR ", Collections.nCopies(n, "given_key LIKE ?"));
  }

  private static void run(Connection c, String where, List<Object> params, List<String> reasons,
      Map<Long, PatientMatch> found) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT " + PatientRow.COLUMNS + " FROM patient WHERE " + where
        + " ORDER BY family_key, given_key, id LIMIT " + MAX_CANDIDATES)) {
      for (int i = 0; i < params.size(); i++) {
        ps.setObject(i + 1, params.get(i));
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          PatientRow row = PatientRow.read(rs);
          found.putIfAbsent(row.id(), new PatientMatch(row, reasons));
        }
      }
    }
  }
}
