package org.hospital.server.reports;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.SortedSet;
import org.hospital.server.testing.TestHospitalServer;
import org.junit.jupiter.api.Test;

/**
 * Right after the server starts, every feature's print template is compiled in the background: the cache fills
 * without any print asking for it, so the first print finds its template compiled.
 */
class ReportWarmUpTest {

  @Test
  void everyTemplateIsCompiledSoonAfterStartWithoutAPrint() throws Exception {
    SortedSet<String> templates = PdfReports.templates();
    assertTrue(templates.containsAll(List.of("invoice", "credit-note", "receipt", "day-list", "prescription",
        "specimen-label")), templates.toString());
    PdfReports.forgetCompiledTemplates();
    try (TestHospitalServer hospital = TestHospitalServer.start()) {
      PdfReports pdfs = hospital.server().pdfReports();
      Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
      while (!templates.stream().allMatch(pdfs::isCompiled) && Instant.now().isBefore(deadline)) {
        Thread.sleep(100);
      }
      for (String t : templates) {
        assertTrue(pdfs.isCompiled(t), t + " not compiled after start");
      }
    }
  }

  @Test
  void aFreshRendererCompilesNothingUntilWarmedUp() throws Exception {
    PdfReports.forgetCompiledTemplates();
    PdfReports pdfs = new PdfReports();
    assertTrue(PdfReports.templates().stream().noneMatch(pdfs::isCompiled));
    pdfs.warmUp().join();
    assertTrue(PdfReports.templates().stream().allMatch(pdfs::isCompiled));
  }
}
