package org.hospital.server.clinical.medication;

import java.awt.image.BufferedImage;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hospital.server.printing.Barcodes;
import org.hospital.server.reports.PdfReports;

/**
 * The printed prescription: hospital header, prescriber with registration number, patient with allergies, the
 * drug with its directions, quantity and refills, overridden alerts, a signature line and a QR code of the
 * prescription's verification code. Reprints say COPY.
 */
public final class PrescriptionReport {

  /** Everything on the page, already formatted. */
  public record Page(String hospital, String prescriber, String registration, String patient, String mrn,
      String born, String allergies, String signed, boolean copy, int printNumber, String code, String printed,
      List<Line> lines) {}

  private final PdfReports reports;

  public PrescriptionReport(PdfReports reports) {
    this.reports = reports;
  }

  public PdfReports.Pdf render(Page page) {
    Map<String, Object> p = new HashMap<>();
    p.put("HOSPITAL", page.hospital());
    p.put("PRESCRIBER", page.prescriber());
    p.put("REGISTRATION", page.registration());
    p.put("PATIENT", page.patient());
    p.put("MRN", page.mrn());
    p.put("BORN", page.born());
    p.put("ALLERGIES", page.allergies());
    p.put("SIGNED", page.signed());
    p.put("COPY", page.copy() ? "COPY (print " + page.printNumber() + ")" : "");
    p.put("CODE", page.code());
    p.put("PRINTED", page.printed());
    p.put("QR", qr(page.code()));
    return reports.render("prescription", p, page.lines());
  }

  static BufferedImage qr(String text) {
    return Barcodes.qr(text, 8, 1);
  }

  /** One drug line; JavaBean getters because the report's data source reads them. */
  public static final class Line {
    private final String drug;
    private final String directions;
    private final String supply;
    private final String instructions;
    private final String overrides;

    public Line(String drug, String directions, String supply, String instructions, String overrides) {
      this.drug = drug;
      this.directions = directions;
      this.supply = supply;
      this.instructions = instructions;
      this.overrides = overrides;
    }

    public String getDrug() { return drug; }
    public String getDirections() { return directions; }
    public String getSupply() { return supply; }
    public String getInstructions() { return instructions; }
    public String getOverrides() { return overrides; }
  }
}
