package org.hospital.server.wards.prints;

import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.hospital.server.audit.AuditAction;
import org.hospital.server.audit.AuditEvent;
import org.hospital.server.audit.AuditOutcome;
import org.hospital.server.clinical.chart.Allergy;
import org.hospital.server.clinical.chart.AllergyStatement;
import org.hospital.server.errors.DomainException;
import org.hospital.server.patients.Patient;
import org.hospital.server.reports.PdfReports;
import org.hospital.server.security.CurrentUser;
import org.hospital.server.wards.WardFailures;
import org.hospital.server.wards.stays.StayRow;
import org.hospital.server.wards.stays.StayStore;
import org.hospital.server.wards.writes.WardTx;
import org.hospital.server.wards.writes.WardWriter;

/**
 * Printing a patient's wristband and labels. Each print is a write: it is audited, and a wristband print counts
 * on the stay, so that a reprint says COPY. The page is rendered after the transaction, so that no stay stays
 * locked while JasperReports lays out a page.
 */
public final class WardPrints {

  /** One sheet: three across, eight down. */
  public static final int SHEET = 24;
  public static final int MAX_LABELS = 2 * SHEET;
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

  private final WardWriter writer;
  private final WardPrintouts printouts;

  public WardPrints(WardWriter writer, PdfReports reports) {
    this.writer = writer;
    this.printouts = new WardPrintouts(reports);
  }

  public Printed wristband(long stayId, CurrentUser user) {
    PatientBand band = writer.write(tx -> {
      StayRow stay = admitted(tx, stayId);
      int print = countWristband(tx.connection(), stayId);
      PatientBand b = band(tx, stay, print);
      tx.audit(AuditEvent.by(user, AuditAction.WRISTBAND_PRINTED, stay.patientId(), "stay=" + stayId
          + " print=" + print, AuditOutcome.SUCCESS));
      return b;
    });
    return new Printed(printouts.wristband(band), "wristband-" + band.mrn() + ".pdf");
  }

  /** {@code count} labels, validated by the caller (1 to {@link #MAX_LABELS}). */
  public Printed labels(long stayId, int count, CurrentUser user) {
    PatientBand band = writer.write(tx -> {
      StayRow stay = admitted(tx, stayId);
      PatientBand b = band(tx, stay, 0);
      tx.audit(AuditEvent.by(user, AuditAction.PATIENT_LABELS_PRINTED, stay.patientId(), "stay=" + stayId
          + " labels=" + count, AuditOutcome.SUCCESS));
      return b;
    });
    return new Printed(printouts.labels(band, count), "labels-" + band.mrn() + ".pdf");
  }

  /** A rendered page and the file name to suggest for it. */
  public record Printed(PdfReports.Pdf pdf, String fileName) {}

  private static StayRow admitted(WardTx tx, long stayId) throws SQLException {
    // locked: a discharge at the same moment either waits for the print or is seen by it
    StayRow stay = StayStore.lock(tx.connection(), stayId).orElseThrow(() -> WardFailures.unknownId("stay_id"));
    if (stay.discharged()) {
      throw DomainException.patientNotAdmitted();
    }
    return stay;
  }

  private static int countWristband(Connection c, long stayId) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(
        "UPDATE inpatient_stay SET wristband_prints = wristband_prints + 1 WHERE id = ?")) {
      ps.setLong(1, stayId);
      ps.executeUpdate();
    }
    try (PreparedStatement ps = c.prepareStatement("SELECT wristband_prints FROM inpatient_stay WHERE id = ?")) {
      ps.setLong(1, stayId);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    }
  }

  private static PatientBand band(WardTx tx, StayRow stay, int print) throws SQLException {
    EntityManager em = tx.em();
    Patient p = em.find(Patient.class, stay.patientId());
    List<Allergy> allergies = em.createQuery("SELECT a FROM Allergy a WHERE a.patientId = :p AND a.status = :s"
        + " ORDER BY a.id", Allergy.class).setParameter("p", stay.patientId())
        .setParameter("s", Allergy.Status.ACTIVE).getResultList();
    AllergyStatement statement = em.find(AllergyStatement.class, stay.patientId());
    String ward;
    String bed;
    try (PreparedStatement ps = tx.connection().prepareStatement("SELECT w.name, b.label FROM bed b"
        + " JOIN ward w ON w.id = b.ward_id WHERE b.id = ?")) {
      ps.setLong(1, stay.bedId());
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        ward = rs.getString(1);
        bed = rs.getString(2);
      }
    }
    String sex = p.sex().name().charAt(0) + p.sex().name().substring(1).toLowerCase(Locale.ROOT);
    return new PatientBand(stay.id(), p.id(), p.familyName().toUpperCase(Locale.ROOT) + ", " + p.givenNames(),
        p.mrn(), p.birthDate().format(DAY), sex, ward, bed, AllergyFlag.text(allergies, statement),
        !allergies.isEmpty(), print);
  }
}
