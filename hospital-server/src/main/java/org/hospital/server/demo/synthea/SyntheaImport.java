package org.hospital.server.demo.synthea;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import org.hospital.server.clinical.reference.DrugSubstanceList;
import org.hospital.server.clinical.reference.Icd10cmCodes;
import org.hospital.server.patients.PatientBulkLoader;
import org.hospital.server.persistence.Database;
import org.hospital.server.persistence.DbTime;

/**
 * Imports the demo's outside records (227 Synthea patients with their encounters, conditions, medications and
 * allergies) so that demo charts look like real ones. Runs once: the encounters keep their Synthea ids as source,
 * and a second start finds them. Everything but the patients is written in one transaction.
 */
public final class SyntheaImport {

  static final String SOURCE = "synthea:";
  static final String CLINICIAN = "Outside record (Synthea)";
  static final String BY = "Demo data (Synthea)";
  private static final Logger LOG = Logger.getLogger(SyntheaImport.class.getName());

  /** What one import wrote. */
  public record Counts(int patients, int encounters, int problems, int codedProblems, int prescriptions,
      int allergies) {
    static final Counts NONE = new Counts(0, 0, 0, 0, 0, 0);
  }

  private final Database db;
  private final Icd10cmCodes codes;
  private final DrugSubstanceList substances;
  private final ZoneId zone;
  private final Clock clock;

  public SyntheaImport(Database db, Icd10cmCodes codes, DrugSubstanceList substances, ZoneId zone, Clock clock) {
    this.db = db;
    this.codes = codes;
    this.substances = substances;
    this.zone = zone;
    this.clock = clock;
  }

  /** Imports the records unless a start before this one did; the demo doctor account stands for their authors. */
  public Counts importIfAbsent() {
    return db.writing(() -> {
      try (Connection c = db.dataSource().getConnection()) {
        if (SqlRows.exists(c, "SELECT 1 FROM encounter WHERE source_id LIKE 'synthea:%'")) {
          return Counts.NONE;
        }
        Long doctor = SqlRows.longValue(c, "SELECT id FROM staff_account WHERE username = 'doctor'");
        if (doctor == null) {
          return Counts.NONE;
        }
        List<Map<String, String>> patientRows = SyntheaFiles.table("patients");
        Map<String, Long> patients = patients(c, patientRows);
        c.setAutoCommit(false);
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        SqlRows.ChartIds ids = new SqlRows.ChartIds(c);
        SyntheaChartRows chart = new SyntheaChartRows(c, ids, codes, doctor, now);
        SyntheaMedicationRows medication = new SyntheaMedicationRows(c, ids, chart, substances, doctor, zone, now);
        Map<String, LocalDate> deaths = deaths(c, patientRows, patients);
        int encounters = chart.encounters(SyntheaFiles.table("encounters"), patients);
        SyntheaChartRows.ProblemCounts problems = chart.problems(SyntheaFiles.table("conditions"), patients,
            SyntheaFiles.mapping("snomed-icd10cm.tsv"));
        int prescriptions = medication.prescriptions(SyntheaFiles.table("medications"), patients, deaths);
        int allergies = medication.allergies(SyntheaFiles.table("allergies"), patients,
            SyntheaFiles.mapping("allergy-substances.tsv"));
        c.commit();
        Counts counts = new Counts(patients.size(), encounters, problems.all(), problems.coded(), prescriptions,
            allergies);
        LOG.info("Imported the demo's outside records: " + counts);
        return counts;
      } catch (SQLException e) {
        throw new IllegalStateException("The demo's outside records could not be imported", e);
      }
    });
  }

  /**
   * Registers the patients not yet registered, and answers each Synthea id with its patient's id. A national id
   * already held by someone of another name is not theirs: that patient is left out.
   */
  private Map<String, Long> patients(Connection c, List<Map<String, String>> rows) throws SQLException {
    List<org.hospital.server.patients.PatientDraft> missing = new ArrayList<>();
    for (Map<String, String> row : rows) {
      if (registered(c, row.get("SSN")) == null) {
        missing.add(SyntheaPatients.draft(row));
      }
    }
    new PatientBulkLoader(db).load(missing.iterator(), BY);
    Map<String, Long> ids = new HashMap<>();
    for (Map<String, String> row : rows) {
      Registered r = registered(c, row.get("SSN"));
      if (r != null && r.familyName().equals(SyntheaPatients.name(row.get("LAST")))) {
        ids.put(row.get("Id"), r.id());
      } else {
        LOG.warning("Outside record of " + row.get("Id") + " left out: its national id belongs to someone else");
      }
    }
    return ids;
  }

  private record Registered(long id, String familyName) {}

  private static Registered registered(Connection c, String nationalId) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT id, family_name FROM patient WHERE national_id = ?")) {
      ps.setString(1, nationalId);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? new Registered(rs.getLong(1), rs.getString(2)) : null;
      }
    }
  }

  /** Records the deaths (at noon of the day, the export gives no time) and answers them by Synthea id. */
  private Map<String, LocalDate> deaths(Connection c, List<Map<String, String>> rows, Map<String, Long> patients)
      throws SQLException {
    Map<String, LocalDate> deaths = new HashMap<>();
    try (PreparedStatement ps = c.prepareStatement("UPDATE patient SET deceased_at = ? WHERE id = ?")) {
      for (Map<String, String> row : rows) {
        Long id = patients.get(row.get("Id"));
        if (id == null || row.get("DEATHDATE").isBlank()) {
          continue;
        }
        LocalDate day = LocalDate.parse(row.get("DEATHDATE"));
        deaths.put(row.get("Id"), day);
        ps.setObject(1, day.atTime(12, 0).atZone(zone).toOffsetDateTime());
        ps.setLong(2, id);
        ps.addBatch();
      }
      ps.executeBatch();
    }
    return deaths;
  }

  static OffsetDateTime instant(String iso) {
    return DbTime.toDb(Instant.parse(iso));
  }
}
