package org.hospital.server.clinical.chart;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The diagnoses of encounters, in plain SQL: a small ordered set replaced as a whole, on the transaction's
 * connection. Position 1 is the primary diagnosis.
 */
final class EncounterDiagnoses {

  /** A coded diagnosis: ICD-10-CM without its dot, and its title. */
  record Diagnosis(String code, String title) {}

  private EncounterDiagnoses() {}

  static void replace(Connection c, long encounterId, List<Diagnosis> diagnoses) throws SQLException {
    try (PreparedStatement delete = c.prepareStatement("DELETE FROM encounter_diagnosis WHERE encounter_id = ?")) {
      delete.setLong(1, encounterId);
      delete.executeUpdate();
    }
    try (PreparedStatement insert = c.prepareStatement(
        "INSERT INTO encounter_diagnosis (encounter_id, position, code, title) VALUES (?, ?, ?, ?)")) {
      for (int i = 0; i < diagnoses.size(); i++) {
        insert.setLong(1, encounterId);
        insert.setInt(2, i + 1);
        insert.setString(3, diagnoses.get(i).code());
        insert.setString(4, diagnoses.get(i).title());
        insert.addBatch();
      }
      insert.executeBatch();
    }
  }

  /** Each encounter's diagnoses in order (encounters without any are absent). */
  static Map<Long, List<Diagnosis>> of(Connection c, List<Long> encounterIds) throws SQLException {
    Map<Long, List<Diagnosis>> out = new HashMap<>();
    if (encounterIds.isEmpty()) {
      return out;
    }
    String marks = String.join(",", java.util.Collections.nCopies(encounterIds.size(), "?"));
    try (PreparedStatement ps = c.prepareStatement("SELECT encounter_id, code, title FROM encounter_diagnosis"
        + " WHERE encounter_id IN (" + marks + ") ORDER BY encounter_id, position")) {
      for (int i = 0; i < encounterIds.size(); i++) {
        ps.setLong(i + 1, encounterIds.get(i));
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new Diagnosis(rs.getString(2),
              rs.getString(3)));
        }
      }
    }
    return out;
  }
}
