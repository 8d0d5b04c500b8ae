package org.hospital.server.clinical.medication;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.awt.image.BufferedImage;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
    try {
      BitMatrix m = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0,
          Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 1));
      int scale = 8;
      BufferedImage img = new BufferedImage(m.getWidth() * scale, m.getHeight() * scale,
          BufferedImage.TYPE_BYTE_BINARY);
      for (int y = 0; y < img.getHeight(); y++) {
        for (int x = 0; x < img.getWidth(); x++) {
          img.setRGB(x, y, m.get(x / scale, y / scale) ? 0x000000 : 0xFFFFFF);
        }
      }
      return img;
    } catch (WriterException e) {
      throw new IllegalStateException("Cannot make the QR code", e);
    }
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
