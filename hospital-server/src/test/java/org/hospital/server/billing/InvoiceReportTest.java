package org.hospital.server.billing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.hospital.server.reports.PdfReports;
import org.hospital.server.testing.PdfText;
import org.junit.jupiter.api.Test;

/** The printed invoice of 30 lines runs onto a second page with its column headings, totals after the last line. */
class InvoiceReportTest {

  @Test
  void aLongInvoiceTakesTwoPagesWithEveryLineAndTheTotalsLast() throws Exception {
    List<InvoiceReport.Line> lines = new ArrayList<>();
    for (int i = 1; i <= 30; i++) {
      lines.add(new InvoiceReport.Line("PROC-" + i, "Wound dressing and débridement, visit " + i, "7 Dec 2026", "1",
          "€\u00a032.40", "0 %", "€\u00a032.40"));
    }
    PdfReports.Pdf pdf = new InvoiceReport(new PdfReports()).invoice(new InvoiceReport.InvoicePage("Hôpital Général",
        "ES-B12345678", "2026-000042", "7 Dec 2026", "ŁUKASZEWICZ, Jiří", "10000042", "Calle Mayor 1, 28013 Madrid, ES",
        true, 2, "€\u00a0972.00", "€\u00a00.00", "€\u00a0972.00", "€\u00a0100.00", "€\u00a0872.00", BillingPrints.TERMS,
        "7 Dec 2026 10:00", lines));
    assertEquals(2, pdf.pages());
    String text = PdfText.of(pdf.content());
    assertTrue(text.contains("PROC-1 ") && text.contains("PROC-30"), text);
    assertTrue(text.contains("ŁUKASZEWICZ, Jiří") && text.contains("Hôpital Général"), text);
    assertTrue(text.contains("COPY (print 2)"), text);
    assertTrue(text.indexOf("Amount due") > text.indexOf("PROC-30"), "the totals come after the last line");
    Path out = Path.of("target", "reports");
    Files.createDirectories(out);
    Files.write(out.resolve("invoice-30-lines.pdf"), pdf.content());
  }
}
