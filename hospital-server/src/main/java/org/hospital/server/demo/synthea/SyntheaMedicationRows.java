package org.hospital.server.demo.synthea;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.hospital.server.clinical.reference.DrugSubstanceList;

/**
 * Prescriptions and allergies from the Synthea tables. Synthea names the product (RxNorm) and the dates, not
 * the dose or how often: an imported prescription says so in its instructions, and is written as one unit of
 * the product's form once a day so that it still takes part in the checks. A record that stops the moment it
 * starts is a medicine given once in the encounter, unless the same encounter also starts the medicine for
 * longer: then it is Synthea's trace of the same order and is left out. Medication allergies name an
 * ingredient; the mapping file gives the formulary substance.
 */
final class SyntheaMedicationRows {

  static final String DOSE_NOT_RECORDED = "Outside record: the dose and how often were not recorded."
      + " Confirm them with the patient before renewing.";
  private static final String PRESCRIPTION = "INSERT INTO prescription (id, patient_id, encounter_id, product_id,"
      + " setting, dose, dose_unit, route, frequency, start_date, end_date, refills, instructions, status,"
      + " prescriber_id, prescriber_name, signed_at, print_count, source_id, version, updated_by, updated_at)"
      + " VALUES (?, ?, ?, ?, 'OUTPATIENT', 1, ?, ?, ?, ?, ?, 0, ?, 'ACTIVE', ?, ?, ?, 0, ?, 1, ?, ?)";
  private static final String ALLERGY = "INSERT INTO allergy (id, patient_id, category, allergy_type,"
      + " substance_code, substance, reaction, severity, verified, status, recorded_by, recorded_at, updated_by,"
      + " updated_at, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, FALSE, ?, ?, ?, ?, ?, 1)";
  private static final String STATEMENT = "INSERT INTO allergy_statement (patient_id, state, recorded_by,"
      + " recorded_at, version) VALUES (?, 'HAS_ALLERGIES', ?, ?, 1)";

  private record Product(long id, String form, String route) {}

  private final Connection c;
  private final SqlRows.ChartIds ids;
  private final SyntheaChartRows chart;
  private final DrugSubstanceList substances;
  private final long doctorId;
  private final ZoneId zone;
  private final OffsetDateTime now;

  SyntheaMedicationRows(Connection c, SqlRows.ChartIds ids, SyntheaChartRows chart, DrugSubstanceList substances,
      long doctorId, ZoneId zone, OffsetDateTime now) {
    this.c = c;
    this.ids = ids;
    this.chart = chart;
    this.substances = substances;
    this.doctorId = doctorId;
    this.zone = zone;
    this.now = now;
  }

  /** Medications of the living run on if Synthea gives no stop; those of the dead end on the day they died. */
  int prescriptions(List<Map<String, String>> rows, Map<String, Long> patients, Map<String, LocalDate> deaths)
      throws SQLException {
    Map<String, Product> products = products();
    Set<String> ongoing = new HashSet<>();
    for (Map<String, String> r : rows) {
      if (!once(r)) {
        ongoing.add(r.get("ENCOUNTER") + ":" + r.get("CODE"));
      }
    }
    Set<String> sources = new HashSet<>();
    int written = 0;
    try (PreparedStatement ps = c.prepareStatement(PRESCRIPTION)) {
      for (Map<String, String> r : rows) {
        Long patient = patients.get(r.get("PATIENT"));
        Product product = products.get(r.get("CODE"));
        String source = SyntheaImport.SOURCE + r.get("ENCOUNTER") + ":" + r.get("CODE");
        if (patient == null || product == null || once(r) && ongoing.contains(r.get("ENCOUNTER") + ":" + r.get("CODE"))
            || !sources.add(source)) {
          continue;
        }
        OffsetDateTime signed = SyntheaImport.instant(r.get("START"));
        LocalDate start = signed.toLocalDate();
        LocalDate end = r.get("STOP").isBlank() ? deaths.get(r.get("PATIENT"))
            : SyntheaImport.instant(r.get("STOP")).toLocalDate();
        ps.setLong(1, ids.next());
        ps.setLong(2, patient);
        ps.setObject(3, chart.encounterId(r.get("ENCOUNTER")));
        ps.setLong(4, product.id());
        ps.setString(5, doseUnit(product.form()));
        ps.setString(6, product.route() == null ? "oral" : product.route());
        ps.setString(7, once(r) ? "ONCE" : "DAILY");
        ps.setObject(8, start);
        ps.setObject(9, end == null ? null : end.isBefore(start) ? start : end);
        ps.setString(10, DOSE_NOT_RECORDED);
        ps.setLong(11, doctorId);
        ps.setString(12, SyntheaImport.CLINICIAN);
        ps.setObject(13, signed);
        ps.setString(14, source);
        ps.setString(15, SyntheaImport.BY);
        ps.setObject(16, now);
        ps.addBatch();
        written++;
      }
      ps.executeBatch();
    }
    return written;
  }

  private static boolean once(Map<String, String> r) {
    return r.get("STOP").equals(r.get("START"));
  }

  private Map<String, Product> products() throws SQLException {
    Map<String, Product> byRxnorm = new HashMap<>();
    try (PreparedStatement ps = c.prepareStatement(
        "SELECT id, rxnorm, form, route FROM formulary_product WHERE rxnorm IS NOT NULL");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        byRxnorm.putIfAbsent(rs.getString(2), new Product(rs.getLong(1), rs.getString(3), rs.getString(4)));
      }
    }
    return byRxnorm;
  }

  /** One of what the product comes as: a tablet, a puff; "unit" where the form gives no countable unit. */
  static String doseUnit(String form) {
    String f = form == null ? "" : form.toLowerCase(Locale.ROOT);
    if (f.contains("tablet")) {
      return "tablet";
    } else if (f.contains("capsule")) {
      return "capsule";
    } else if (f.contains("inhaler")) {
      return "puff";
    } else if (f.contains("patch")) {
      return "patch";
    } else if (f.contains("spray")) {
      return "spray";
    } else if (f.contains("cream") || f.contains("gel")) {
      return "application";
    }
    return "unit";
  }

  int allergies(List<Map<String, String>> rows, Map<String, Long> patients, Map<String, String> drugSubstances)
      throws SQLException {
    Set<Long> withAllergies = new HashSet<>();
    int written = 0;
    try (PreparedStatement ps = c.prepareStatement(ALLERGY)) {
      for (Map<String, String> r : rows) {
        Long patient = patients.get(r.get("PATIENT"));
        if (patient == null) {
          continue;
        }
        String drug = r.get("CATEGORY").equals("medication") ? drugSubstances.get(r.get("CODE")) : null;
        boolean coded = drug != null && substances.displayName(drug).isPresent();
        String category = coded ? "DRUG" : switch (r.get("CATEGORY")) {
          case "food" -> "FOOD";
          case "environment" -> "ENVIRONMENT";
          default -> "OTHER";
        };
        String substance = coded ? substances.displayName(drug).orElseThrow() : substance(r);
        OffsetDateTime recorded = LocalDate.parse(r.get("START")).atTime(12, 0).atZone(zone).toOffsetDateTime();
        String severity = r.get("SEVERITY1");
        ps.setLong(1, ids.next());
        ps.setLong(2, patient);
        ps.setString(3, category);
        ps.setString(4, r.get("TYPE").equals("intolerance") ? "INTOLERANCE" : "ALLERGY");
        ps.setString(5, coded ? drug : null);
        ps.setString(6, SyntheaChartRows.clip(substance, 200));
        String reaction = SyntheaChartRows.untagged(r.get("DESCRIPTION1"));
        ps.setString(7, reaction.isEmpty() ? null : SyntheaChartRows.clip(reaction, 200));
        ps.setString(8, Set.of("MILD", "MODERATE", "SEVERE").contains(severity) ? severity : null);
        ps.setString(9, r.get("STOP").isBlank() ? "ACTIVE" : "RESOLVED");
        ps.setString(10, SyntheaImport.BY);
        ps.setObject(11, recorded);
        ps.setString(12, SyntheaImport.BY);
        ps.setObject(13, now);
        ps.addBatch();
        withAllergies.add(patient);
        written++;
      }
      ps.executeBatch();
    }
    try (PreparedStatement ps = c.prepareStatement(STATEMENT)) {
      for (long patient : withAllergies) {
        ps.setLong(1, patient);
        ps.setString(2, SyntheaImport.BY);
        ps.setObject(3, now);
        ps.addBatch();
      }
      ps.executeBatch();
    }
    return written;
  }

  /** "Allergy to substance (finding)" names no substance; the others name one, tagged. */
  private static String substance(Map<String, String> r) {
    return r.get("CODE").equals("419199007") ? "Unspecified substance (outside record)"
        : SyntheaChartRows.untagged(r.get("DESCRIPTION"));
  }
}
