package org.hospital.server.lab;

import java.awt.image.BufferedImage;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.hospital.server.printing.Barcodes;
import org.hospital.server.reports.PdfReports;

/**
 * The specimen label: patient, MRN and date of birth, the tests, the specimen, when it was collected (or a line
 * to write it on), and a Code 128 barcode of the accession number. Sized 50 x 25 mm for a label printer.
 */
final class SpecimenLabel {

  static final String TEMPLATE = "specimen-label";
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);
  private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm", Locale.ENGLISH);
  /** Pixels a narrow bar: the page scales the image to its 48 mm, so only the ratio of bars matters. */
  private static final int BAR_SCALE = 3;
  private static final int BAR_HEIGHT = 60;

  private final PdfReports reports;
  private final LabCatalogue catalogue;
  private final ZoneId zone;

  SpecimenLabel(PdfReports reports, LabCatalogue catalogue, ZoneId zone) {
    this.reports = reports;
    this.catalogue = catalogue;
    this.zone = zone;
  }

  PdfReports.Pdf render(LabOrderView v) {
    return reports.render(TEMPLATE, parameters(v), List.of());
  }

  /** The label as the page lays it out, at {@code zoom} pixels a point. */
  BufferedImage image(LabOrderView v, float zoom) {
    return reports.firstPage(TEMPLATE, parameters(v), List.of(), zoom);
  }

  Map<String, Object> parameters(LabOrderView v) {
    LabOrder o = v.order();
    Map<String, Object> p = new HashMap<>();
    p.put("PATIENT", v.patient().familyName().toUpperCase(Locale.ROOT) + ", " + v.patient().givenNames());
    p.put("IDENTITY", "MRN " + v.patient().mrn() + "   DOB " + v.patient().birthDate().format(DAY));
    p.put("TESTS", String.join(", ", o.testCodes().stream().map(c -> catalogue.test(c).map(SpecimenLabel::shortName)
        .orElse(c)).toList()));
    p.put("SPECIMEN", o.specimenType().label());
    p.put("COLLECTED", o.collectedAt() == null ? "Collected ____________ by ______"
        : "Collected " + o.collectedAt().atZone(zone).format(MOMENT) + " " + o.collectedBy());
    p.put("ACCESSION", o.accession());
    p.put("PRIORITY", o.priority() == LabOrder.Priority.ROUTINE ? "" : o.priority().name());
    p.put("BARCODE", Barcodes.code128(o.accession(), BAR_SCALE, BAR_HEIGHT));
    return p;
  }

  /** "CBC" from "Complete blood count (CBC)": labels have room for the short name only. */
  static String shortName(CatalogueTest t) {
    String n = t.name();
    int open = n.lastIndexOf('(');
    return open >= 0 && n.endsWith(")") ? n.substring(open + 1, n.length() - 1) : n;
  }
}
