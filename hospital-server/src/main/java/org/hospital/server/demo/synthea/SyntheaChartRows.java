package org.hospital.server.demo.synthea;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hospital.server.clinical.reference.Icd10cmCodes;

/**
 * Encounters, the problem list and encounter diagnoses from the Synthea tables. Conditions are SNOMED CT coded;
 * a condition whose concept the mapping file names gets that ICD-10-CM code, the others stay uncoded with their
 * SNOMED CT code kept as the source. Social history findings are not problems and are left out.
 */
final class SyntheaChartRows {

  private static final String ENCOUNTER = "INSERT INTO encounter (id, patient_id, kind, status, clinician_id,"
      + " clinician_name, started_at, ended_at, reason, source_id, version, updated_at, updated_by)"
      + " VALUES (?, ?, ?, 'ENDED', ?, ?, ?, ?, ?, ?, 1, ?, ?)";
  private static final String PROBLEM = "INSERT INTO problem (id, patient_id, code, title, status, active_code,"
      + " onset, resolved_on, note, source_code, encounter_id, recorded_by, recorded_at, updated_by, updated_at,"
      + " version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)";
  private static final String DIAGNOSIS = "INSERT INTO encounter_diagnosis (encounter_id, position, code, title)"
      + " VALUES (?, ?, ?, ?)";
  private static final int MAX_DIAGNOSES = 13;

  record ProblemCounts(int all, int coded) {}

  private final Connection c;
  private final SqlRows.ChartIds ids;
  private final Icd10cmCodes codes;
  private final long doctorId;
  private final OffsetDateTime now;
  private final Map<String, Long> encounterIds = new HashMap<>();

  SyntheaChartRows(Connection c, SqlRows.ChartIds ids, Icd10cmCodes codes, long doctorId, OffsetDateTime now) {
    this.c = c;
    this.ids = ids;
    this.codes = codes;
    this.doctorId = doctorId;
    this.now = now;
  }

  /** Our encounter for a Synthea encounter id, or null. */
  Long encounterId(String syntheaId) {
    return encounterIds.get(syntheaId);
  }

  int encounters(List<Map<String, String>> rows, Map<String, Long> patients) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(ENCOUNTER)) {
      for (Map<String, String> r : rows) {
        Long patient = patients.get(r.get("PATIENT"));
        if (patient == null) {
          continue;
        }
        long id = ids.next();
        OffsetDateTime start = SyntheaImport.instant(r.get("START"));
        OffsetDateTime end = r.get("STOP").isBlank() ? start : SyntheaImport.instant(r.get("STOP"));
        ps.setLong(1, id);
        ps.setLong(2, patient);
        ps.setString(3, r.get("ENCOUNTERCLASS").equals("inpatient") ? "INPATIENT" : "OUTPATIENT");
        ps.setLong(4, doctorId);
        ps.setString(5, SyntheaImport.CLINICIAN);
        ps.setObject(6, start);
        ps.setObject(7, end.isBefore(start) ? start : end);
        ps.setString(8, clip(reason(r), 500));
        ps.setString(9, SyntheaImport.SOURCE + r.get("Id"));
        ps.setObject(10, now);
        ps.setString(11, SyntheaImport.BY);
        ps.addBatch();
        encounterIds.put(r.get("Id"), id);
      }
      ps.executeBatch();
    }
    return encounterIds.size();
  }

  private static String reason(Map<String, String> r) {
    String what = untagged(r.get("DESCRIPTION"));
    String why = untagged(r.get("REASONDESCRIPTION"));
    return why.isEmpty() ? what : what + ": " + why;
  }

  ProblemCounts problems(List<Map<String, String>> rows, Map<String, Long> patients, Map<String, String> icd)
      throws SQLException {
    Set<String> activeCodes = new HashSet<>();
    Set<String> activeConcepts = new HashSet<>();
    Map<Long, Set<String>> diagnoses = new LinkedHashMap<>();
    int all = 0;
    int coded = 0;
    try (PreparedStatement ps = c.prepareStatement(PROBLEM)) {
      for (Map<String, String> r : rows) {
        Long patient = patients.get(r.get("PATIENT"));
        String concept = r.get("CODE");
        String code = icd.get(concept);
        if (patient == null || code == null && isSocialHistory(r.get("DESCRIPTION"))) {
          continue;
        }
        if (code != null && codes.title(code).isEmpty()) {
          code = null; // a mapping to a code the shipped list does not hold is no mapping
        }
        boolean active = r.get("STOP").isBlank();
        if (active && !activeConcepts.add(patient + ":" + concept)) {
          continue; // the same condition recorded again while it is still active
        }
        Long encounter = encounterIds.get(r.get("ENCOUNTER"));
        if (code != null && encounter != null) {
          diagnoses.computeIfAbsent(encounter, e -> new LinkedHashSet<>()).add(code);
        }
        if (code != null && active && !activeCodes.add(patient + ":" + code)) {
          code = null; // another condition already holds this code on the active list: keep this one uncoded
        }
        String term = untagged(r.get("DESCRIPTION"));
        ps.setLong(1, ids.next());
        ps.setLong(2, patient);
        ps.setString(3, code);
        ps.setString(4, clip(code == null ? term : codes.title(code).orElseThrow(), 300));
        ps.setString(5, active ? "ACTIVE" : "RESOLVED");
        ps.setString(6, active ? code : null);
        ps.setObject(7, LocalDate.parse(r.get("START")));
        ps.setObject(8, active ? null : LocalDate.parse(r.get("STOP")));
        ps.setString(9, clip("Outside record: " + term, 2000));
        ps.setString(10, "SNOMED CT " + concept);
        ps.setObject(11, encounter);
        ps.setString(12, SyntheaImport.BY);
        ps.setObject(13, now);
        ps.setString(14, SyntheaImport.BY);
        ps.setObject(15, now);
        ps.addBatch();
        all++;
        coded += code == null ? 0 : 1;
      }
      ps.executeBatch();
    }
    writeDiagnoses(diagnoses);
    return new ProblemCounts(all, coded);
  }

  /** The coded conditions found in an encounter become its diagnoses, the first found the primary one. */
  private void writeDiagnoses(Map<Long, Set<String>> diagnoses) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(DIAGNOSIS)) {
      for (Map.Entry<Long, Set<String>> e : diagnoses.entrySet()) {
        List<String> list = new ArrayList<>(e.getValue());
        for (int i = 0; i < list.size() && i < MAX_DIAGNOSES; i++) {
          ps.setLong(1, e.getKey());
          ps.setInt(2, i + 1);
          ps.setString(3, list.get(i));
          ps.setString(4, clip(codes.title(list.get(i)).orElseThrow(), 300));
          ps.addBatch();
        }
      }
      ps.executeBatch();
    }
  }

  /** Employment, education, housing, stress and the like: findings and situations, not problems to treat. */
  static boolean isSocialHistory(String description) {
    return description.endsWith("(finding)") || description.endsWith("(situation)")
        || description.endsWith("(person)");
  }

  /** "Essential hypertension (disorder)" as a person says it. */
  static String untagged(String s) {
    return s == null ? "" : s.replaceAll("\\s*\\([a-z ]+\\)$", "").replaceAll("\\s+", " ").strip();
  }

  static String clip(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max);
  }
}
