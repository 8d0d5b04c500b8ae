package org.hospital.server.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import org.hospital.server.reports.DayListReport.DayList;
import org.junit.jupiter.api.Test;

/** Renders day lists and keeps them under target/reports/ to be looked at (pdftoppm -png). */
class DayListReportTest {

  private static final DayListReport REPORT = new DayListReport(new PdfReports());
  private static final ZonedDateTime PRINTED = ZonedDateTime.of(2026, 11, 28, 7, 30, 0, 0, ZoneId.of("UTC"));

  @Test
  void aFullDayFitsOnOnePageAndKeepsEveryAccent() throws IOException {
    List<DayListRow> rows = new ArrayList<>();
    String[] names = {"Dvořák, Jiří", "Łukaszewicz, Zofia", "Nguyễn, Thị Mai", "O'Brien, Siobhán",
        "Müller-Lüdenscheidt, Hans-Jürgen Maximilian", "García Márquez, José"};
    for (int i = 0; i < 24; i++) {
      int minutes = 8 * 60 + i * 20;
      rows.add(new DayListRow(String.format("%02d:%02d", minutes / 60, minutes % 60), names[i % names.length],
          "1000" + (1000 + i), "12 Mar 1961", i % 3 == 0 ? "New patient" : "Follow-up",
          i % 4 == 0 ? "Chest pain on exertion, review ECG" : "Blood pressure", i < 3 ? "Arrived" : ""));
    }
    DayList list = new DayList("Dr. Amara Okafor", "General Medicine", LocalDate.of(2026, 11, 30), rows,
        "Rita Reception", PRINTED);

    PdfReports.Pdf pdf = REPORT.render(list);

    assertEquals("%PDF", new String(pdf.content(), 0, 4, StandardCharsets.US_ASCII));
    assertEquals(1, pdf.pages(), "24 twenty-minute slots fit on one A4 page");
    save("day-list-full.pdf", pdf.content());
  }

  @Test
  void aLongDaySpillsOntoNumberedPages() throws IOException {
    List<DayListRow> rows = new ArrayList<>();
    for (int i = 0; i < 80; i++) {
      rows.add(new DayListRow(String.format("%02d:%02d", 8 + i / 6, (i % 6) * 10), "Patient " + i, "1000" + i,
          "1 Jan 1990", "Follow-up", "", ""));
    }
    DayList list = new DayList("Dr. Samir Haddad", "Cardiology", LocalDate.of(2026, 12, 1), rows, "Ada Admin",
        PRINTED);

    PdfReports.Pdf pdf = REPORT.render(list);

    assertEquals(3, pdf.pages());
    save("day-list-long.pdf", pdf.content());
  }

  @Test
  void anEmptyDaySaysSo() throws IOException {
    DayList list = new DayList("Dr. Hiro Tanaka", "Paediatrics", LocalDate.of(2026, 12, 24), List.of(),
        "Rita Reception", PRINTED);

    PdfReports.Pdf pdf = REPORT.render(list);

    assertEquals(1, pdf.pages());
    assertTrue(pdf.content().length > 1000);
    save("day-list-empty.pdf", pdf.content());
  }

  private static void save(String name, byte[] pdf) throws IOException {
    Path dir = Path.of("target", "reports");
    Files.createDirectories(dir);
    Files.write(dir.resolve(name), pdf);
  }
}
