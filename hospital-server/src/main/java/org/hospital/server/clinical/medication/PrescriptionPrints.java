package org.hospital.server.clinical.medication;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.hospital.server.clinical.chart.Allergy;
import org.hospital.server.clinical.chart.AllergyStatement;
import org.hospital.server.patients.Patient;
import org.hospital.server.persistence.Database;
import org.hospital.server.reports.PdfReports;

/** Puts a prescription's page together from the chart and renders it. */
final class PrescriptionPrints {

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);
  private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm", Locale.ENGLISH);

  private final Database db;
  private final PrescriptionReport report;
  private final PrescriptionCodes codes;
  private final String hospital;
  private final Clock clock;
  private final ZoneId zone;

  PrescriptionPrints(Database db, PrescriptionReport report, PrescriptionCodes codes, String hospital, Clock clock,
      ZoneId zone) {
    this.db = db;
    this.report = report;
    this.codes = codes;
    this.hospital = hospital;
    this.clock = clock;
    this.zone = zone;
  }

  PdfReports.Pdf render(PrescriptionView v) {
    Prescription p = v.prescription();
    PrescriptionReport.Page page = db.read(em -> {
      Patient patient = em.find(Patient.class, p.patientId());
      List<Allergy> allergies = em.createQuery("SELECT a FROM Allergy a WHERE a.patientId = :p AND a.status"
          + " = :s ORDER BY a.id", Allergy.class).setParameter("p", p.patientId())
          .setParameter("s", Allergy.Status.ACTIVE).getResultList();
      AllergyStatement statement = em.find(AllergyStatement.class, p.patientId());
      return new PrescriptionReport.Page(hospital, p.prescriberName(),
          registration(p.prescriberId()),
          patient.familyName().toUpperCase(Locale.ROOT) + ", " + patient.givenNames(), patient.mrn(),
          patient.birthDate().format(DAY), allergies(allergies, statement),
          p.signedAt().atZone(zone).format(MOMENT), p.printCount() > 1, p.printCount(), codes.codeOf(p.id()),
          clock.instant().atZone(zone).format(MOMENT), List.of(line(v)));
    });
    return report.render(page);
  }

  private static PrescriptionReport.Line line(PrescriptionView v) {
    Prescription p = v.prescription();
    FormularyProduct product = v.product();
    String directions = PrescriptionOrder.directions(p.dose(), p.doseUnit(), p.route(), p.frequency(),
        p.prnIndication(), p.prnMinIntervalHours(), p.startDate(), p.endDate());
    String supply = (p.quantity() == null ? "Inpatient order, no supply" : "Supply: "
        + PrescriptionOrder.plain(p.quantity()) + " " + p.quantityUnit()) + "   ·   Refills: " + p.refills()
        + "   ·   Starts " + p.startDate().format(DAY);
    List<String> overrides = new ArrayList<>();
    for (PrescriptionView.Override o : v.overrides()) {
      overrides.add("Alert overridden: " + o.summary() + ". Reason: " + o.reason());
    }
    return new PrescriptionReport.Line(product.name(), directions, supply, p.instructions(),
        overrides.isEmpty() ? null : String.join("\n", overrides));
  }

  static String allergies(List<Allergy> active, AllergyStatement statement) {
    if (active.isEmpty()) {
      return statement != null && statement.state() == AllergyStatement.State.NO_KNOWN_DRUG_ALLERGIES
          ? "No known drug allergies" : "Allergies not recorded";
    }
    List<String> parts = new ArrayList<>();
    for (Allergy a : active) {
      StringBuilder b = new StringBuilder(a.substance());
      List<String> d = new ArrayList<>();
      if (a.reaction() != null) d.add(a.reaction());
      if (a.severity() != null) d.add(a.severity().name().toLowerCase(Locale.ROOT));
      if (!d.isEmpty()) b.append(" (").append(String.join(", ", d)).append(')');
      parts.add(b.toString());
    }
    return String.join("; ", parts);
  }

  private String registration(long staffId) {
    try (Connection c = db.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement("SELECT registration_number FROM clinician WHERE staff_id = ?")) {
      ps.setLong(1, staffId);
      try (ResultSet rs = ps.executeQuery()) {
        String r = rs.next() ? rs.getString(1) : null;
        return r == null ? "not recorded" : r;
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot read the registration number", e);
    }
  }
}
