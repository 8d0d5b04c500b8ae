package org.hospital.server.reports;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The printable day list of one clinician: the clinic door's copy and the paper fallback during downtime. */
public final class DayListReport {

  /** What goes on the page; rows in time order. */
  public record DayList(String clinician, String department, LocalDate day, List<DayListRow> rows,
      String printedBy, ZonedDateTime printedAt) {
    public DayList {
      rows = List.copyOf(rows);
    }
  }

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE, d MMMM uuuu", Locale.ENGLISH);
  private static final DateTimeFormatter PRINTED = DateTimeFormatter.ofPattern("d MMM uuuu HH:mm", Locale.ENGLISH);

  private final PdfReports reports;

  public DayListReport(PdfReports reports) {
    this.reports = reports;
  }

  public PdfReports.Pdf render(DayList list) {
    return reports.render("day-list", parameters(list), list.rows());
  }

  private static Map<String, Object> parameters(DayList list) {
    int n = list.rows().size();
    return Map.of(
        "CLINICIAN", list.clinician(),
        "DEPARTMENT", list.department(),
        "DAY", DAY.format(list.day()),
        "SUMMARY", n == 1 ? "1 appointment" : n + " appointments",
        "PRINTED", "Printed " + PRINTED.format(list.printedAt()) + " by " + list.printedBy());
  }
}
