package org.hospital.client.schedule.hours;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.beans.property.StringProperty;
import org.hospital.client.errors.ErrorMessages;
import org.hospital.client.errors.FieldProblem;
import org.hospital.client.errors.RpcFailure;
import org.hospital.client.i18n.I18n;

/**
 * The checks a template passes before it is sent, so that the usual slips (a typo in a time, two sessions
 * on one morning) are pointed at right away. The server checks the same and remains the authority; its
 * objections are placed on the same rows.
 */
final class TemplateChecks {

  static final int MIN_SLOT = 5;
  static final int MAX_SLOT = 240;
  static final int MAX_BOOKINGS = 1000;
  private static final Pattern TIME = Pattern.compile("([01][0-9]|2[0-3]):[0-5][0-9]");

  private static final Pattern SESSION_FIELD = Pattern.compile("sessions\\[(\\d+)]\\.(\\w+)");

  private final I18n i18n;
  private final ErrorMessages errors;
  private final WeekdayNames weekdays;

  TemplateChecks(I18n i18n, ErrorMessages errors, WeekdayNames weekdays) {
    this.i18n = i18n;
    this.errors = errors;
    this.weekdays = weekdays;
  }

  /** Sets every row's problem (empty when fine); true when all rows are fine. */
  boolean check(List<SessionRow> rows) {
    List<LocalTime[]> times = new ArrayList<>();
    boolean fine = true;
    for (SessionRow row : rows) {
      String problem = problem(row);
      times.add(problem.isEmpty() ? new LocalTime[] {LocalTime.parse(row.startProperty().get().strip()),
          LocalTime.parse(row.endProperty().get().strip())} : null);
      row.problemProperty().set(problem);
      fine &= problem.isEmpty();
    }
    for (int i = 0; i < rows.size(); i++) {
      for (int j = 0; j < i; j++) {
        if (times.get(i) != null && times.get(j) != null && sameDay(rows, i, j)
            && times.get(j)[0].isBefore(times.get(i)[1]) && times.get(i)[0].isBefore(times.get(j)[1])) {
          rows.get(i).problemProperty().set(i18n.format("hours.check.overlap",
              weekdays.name(rows.get(i).weekdayProperty().get()), rows.get(j).startProperty().get().strip(),
              rows.get(j).endProperty().get().strip()));
          fine = false;
        }
      }
    }
    return fine;
  }

  /**
   * Puts the server's field errors where they belong: "sessions[2].start_time" on the third row (of the rows
   * as sent), "effective_from" below the date.
   */
  void showServerProblems(RpcFailure failure, List<SessionRow> sent, StringProperty effectiveFromProblem) {
    sent.forEach(r -> r.problemProperty().set(""));
    for (FieldProblem p : failure.fieldProblems()) {
      Matcher m = SESSION_FIELD.matcher(p.field());
      if (m.matches() && Integer.parseInt(m.group(1)) < sent.size()) {
        String column = column(m.group(2));
        sent.get(Integer.parseInt(m.group(1))).problemProperty().set((column.isEmpty() ? "" : column + ": ")
            + errors.fieldMessage(p));
      } else if (p.field().equals("effective_from")) {
        effectiveFromProblem.set(errors.fieldMessage(p));
      }
    }
  }

  /** The table's name for a field of TemplateSession. */
  private String column(String field) {
    return switch (field) {
      case "weekday" -> i18n.get("hours.field.weekday");
      case "start_time" -> i18n.get("hours.field.start_time");
      case "end_time" -> i18n.get("hours.field.end_time");
      case "slot_minutes" -> i18n.get("hours.field.slot_minutes");
      case "max_appointments" -> i18n.get("hours.field.max_appointments");
      default -> "";
    };
  }

  private static boolean sameDay(List<SessionRow> rows, int i, int j) {
    return rows.get(i).weekdayProperty().get() == rows.get(j).weekdayProperty().get();
  }

  private String problem(SessionRow row) {
    DayOfWeek day = row.weekdayProperty().get();
    if (day == null) {
      return i18n.get("hours.check.weekday");
    }
    LocalTime start = time(row.startProperty().get());
    LocalTime end = time(row.endProperty().get());
    if (start == null || end == null) {
      return i18n.get("hours.check.time");
    }
    if (!start.isBefore(end)) {
      return i18n.get("hours.check.order");
    }
    Integer slot = number(row.slotMinutesProperty().get());
    if (slot == null || slot < MIN_SLOT || slot > MAX_SLOT) {
      return i18n.format("hours.check.slot", MIN_SLOT, MAX_SLOT);
    }
    String max = row.maxAppointmentsProperty().get().strip();
    Integer bookings = max.isEmpty() ? Integer.valueOf(0) : number(max);
    if (bookings == null || bookings < 0 || bookings > MAX_BOOKINGS) {
      return i18n.get("hours.check.max");
    }
    return "";
  }

  private static LocalTime time(String raw) {
    String s = raw == null ? "" : raw.strip();
    if (!TIME.matcher(s).matches()) {
      return null;
    }
    try {
      return LocalTime.parse(s);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static Integer number(String raw) {
    try {
      return Integer.valueOf(raw == null ? "" : raw.strip());
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
