package org.hospital.server.crash;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.hospital.server.audit.AuditChainVerifier;

/**
 * Reads the database of a killed server, from outside it, and compares it with the {@link Ledger}: every
 * answered write is there as answered, nothing is half there (a row without its audit entry or its schedule
 * event), no number was given twice, and the audit chain verifies.
 */
final class CrashChecks {

  /** What one check found; empty lists mean all is well. */
  record Findings(List<String> lost, List<String> wrong, List<String> halfWritten, List<String> chain,
      int unansweredButStored) {
    int problems() {
      return lost.size() + wrong.size() + halfWritten.size() + chain.size();
    }
  }

  private CrashChecks() {}

  static Findings check(DataSource ds, Ledger ledger) throws SQLException {
    List<String> lost = new ArrayList<>();
    List<String> wrong = new ArrayList<>();
    List<String> half = new ArrayList<>();
    List<String> chain = new ArrayList<>();
    int unansweredStored;
    try (Connection c = ds.getConnection()) {
      Map<Long, String[]> patients = patients(c);
      for (Ledger.Registration r : ledger.registrations.values()) {
        String[] row = patients.get(r.patientId());
        if (row == null) {
          lost.add("registration of " + r.familyName() + " (MRN " + r.mrn() + ", id " + r.patientId() + ")");
        } else if (!row[0].equals(r.mrn()) || !row[1].equals(r.familyName())) {
          wrong.add("patient " + r.patientId() + " is " + row[1] + " MRN " + row[0] + ", answered as "
              + r.familyName() + " MRN " + r.mrn());
        }
      }
      Set<String> storedNames = new HashSet<>();
      patients.values().forEach(row -> storedNames.add(row[1]));
      synchronized (ledger.unansweredRegistrations) {
        unansweredStored = (int) ledger.unansweredRegistrations.stream().filter(storedNames::contains).count();
      }
      Map<Long, Object[]> appointments = appointments(c);
      for (Ledger.Booking b : ledger.bookings.values()) {
        Object[] row = appointments.get(b.appointmentId());
        if (row == null) {
          lost.add("booking " + b.appointmentId() + " of patient " + b.patientId() + " at " + b.start());
        } else if ((long) row[0] != b.patientId() || (long) row[1] != b.clinicianId() || !row[2].equals(b.start())) {
          wrong.add("appointment " + b.appointmentId() + " differs from the answer");
        }
      }
      for (Ledger.WalkIn w : ledger.walkIns.values()) {
        Object[] row = appointments.get(w.appointmentId());
        if (row == null) {
          lost.add("walk-in " + w.appointmentId() + " of patient " + w.patientId());
        } else if ((long) row[0] != w.patientId() || !"CHECKED_IN".equals(row[3])) {
          wrong.add("walk-in " + w.appointmentId() + " is " + row[3] + " for patient " + row[0]);
        }
      }
      Map<Long, long[]> prescriptions = new java.util.HashMap<>();
      try (var ps = c.prepareStatement("SELECT id, patient_id, product_id FROM prescription");
          var rs = ps.executeQuery()) {
        while (rs.next()) {
          prescriptions.put(rs.getLong(1), new long[] {rs.getLong(2), rs.getLong(3)});
        }
      }
      for (Ledger.Signed p : ledger.prescriptions.values()) {
        long[] row = prescriptions.get(p.prescriptionId());
        if (row == null) {
          lost.add("prescription " + p.prescriptionId() + " of patient " + p.patientId());
        } else if (row[0] != p.patientId() || row[1] != p.productId()) {
          wrong.add("prescription " + p.prescriptionId() + " differs from the answer");
        }
      }
      Set<Long> signedAudit = ids(c, "SELECT patient_id FROM audit_entry WHERE action = 'PRESCRIPTION_SIGNED'");
      for (long[] row : prescriptions.values()) {
        if (!signedAudit.contains(row[0])) {
          half.add("a prescription of patient " + row[0] + " has no PRESCRIPTION_SIGNED audit entry");
        }
      }
      Set<Long> registeredAudit = ids(c, "SELECT patient_id FROM audit_entry WHERE action = 'PATIENT_REGISTERED'");
      for (Long id : patients.keySet()) {
        if (!registeredAudit.contains(id)) {
          half.add("patient " + id + " has no PATIENT_REGISTERED audit entry");
        }
      }
      Set<Long> appointmentAudit = ids(c, "SELECT patient_id FROM audit_entry WHERE action IN"
          + " ('APPOINTMENT_BOOKED', 'APPOINTMENT_CHECKED_IN')");
      Set<Long> withEvent = ids(c, "SELECT appointment_id FROM schedule_event");
      for (Map.Entry<Long, Object[]> a : appointments.entrySet()) {
        if (!appointmentAudit.contains((Long) a.getValue()[0])) {
          half.add("appointment " + a.getKey() + " has no audit entry");
        }
        if (!withEvent.contains(a.getKey())) {
          half.add("appointment " + a.getKey() + " has no schedule event");
        }
      }
    }
    AuditChainVerifier.Result r = new AuditChainVerifier(ds).verify();
    if (!r.intact()) {
      chain.add("audit chain broken at entry " + r.firstBrokenSequence() + " after " + r.entriesChecked());
    }
    return new Findings(lost, wrong, half, chain, unansweredStored);
  }

  /** The crash test's own patients: id to {mrn, family name}. */
  private static Map<Long, String[]> patients(Connection c) throws SQLException {
    Map<Long, String[]> out = new HashMap<>();
    try (PreparedStatement ps = c.prepareStatement(
        "SELECT id, mrn, family_name FROM patient WHERE family_name LIKE ?")) {
      ps.setString(1, Workload.FAMILY_PREFIX + "%");
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.put(rs.getLong(1), new String[] {rs.getString(2), rs.getString(3)});
        }
      }
    }
    return out;
  }

  /** Appointments of the crash test's patients: id to {patient, clinician, start, status}. */
  private static Map<Long, Object[]> appointments(Connection c) throws SQLException {
    Map<Long, Object[]> out = new HashMap<>();
    try (PreparedStatement ps = c.prepareStatement("SELECT a.id, a.patient_id, a.clinician_id, a.start_at,"
        + " a.status FROM appointment a JOIN patient p ON p.id = a.patient_id WHERE p.family_name LIKE ?")) {
      ps.setString(1, Workload.FAMILY_PREFIX + "%");
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          Instant start = rs.getObject(4, OffsetDateTime.class).toInstant();
          out.put(rs.getLong(1), new Object[] {rs.getLong(2), rs.getLong(3), start, rs.getString(5)});
        }
      }
    }
    return out;
  }

  private static Set<Long> ids(Connection c, String sql) throws SQLException {
    Set<Long> out = new HashSet<>();
    try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.add(rs.getLong(1));
      }
    }
    return out;
  }
}
