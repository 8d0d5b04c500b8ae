package org.hospital.server.wards.prints;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hospital.server.printing.Barcodes;
import org.hospital.server.reports.PdfReports;

/** The wristband and the label sheet laid out by their JRXML templates, with the MRN as a Code 128 barcode. */
public final class WardPrintouts {

  static final String WRISTBAND = "wristband";
  static final String LABELS = "patient-labels";
  /** Pixels a narrow bar: the page scales the image to its frame, so only the ratio of bars matters. */
  private static final int BAR_SCALE = 3;
  private static final int BAR_HEIGHT = 60;

  private final PdfReports reports;

  public WardPrintouts(PdfReports reports) {
    this.reports = reports;
  }

  PdfReports.Pdf wristband(PatientBand b) {
    return reports.render(WRISTBAND, parameters(b), List.of());
  }

  /** The wristband as the page lays it out, at {@code zoom} pixels a point: to check its barcode reads. */
  public BufferedImage wristbandImage(PatientBand b, float zoom) {
    return reports.firstPage(WRISTBAND, parameters(b), List.of(), zoom);
  }

  PdfReports.Pdf labels(PatientBand b, int count) {
    List<Slot> slots = new ArrayList<>();
    for (int i = 1; i <= count; i++) {
      slots.add(new Slot(i));
    }
    return reports.render(LABELS, parameters(b), slots);
  }

  static Map<String, Object> parameters(PatientBand b) {
    Map<String, Object> p = new HashMap<>();
    p.put("PATIENT", b.name());
    p.put("MRN", b.mrn());
    p.put("BIRTH_DATE", b.birthDate());
    p.put("SEX", b.sex());
    p.put("WARD", b.ward());
    p.put("BED", b.bed());
    p.put("ALLERGIES", b.allergies());
    p.put("ALLERGY_ALERT", b.allergyAlert());
    p.put("COPY", b.copy() ? "COPY " + b.print() : "");
    p.put("BARCODE", Barcodes.code128(b.mrn(), BAR_SCALE, BAR_HEIGHT));
    return p;
  }

  /** One label on the sheet (a JavaBean: the bean data source reads getters). */
  public static final class Slot {
    private final int number;

    Slot(int number) {
      this.number = number;
    }

    public int getNumber() {
      return number;
    }
  }
}
