package org.hospital.server.reports;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Reads what a day list prints: the clinician, their department, and the day's appointments that still stand
 * (cancelled and moved ones are gone from the door's list; no-shows stay, marked). Plain SQL: a report is a
 * read-only projection across four tables, and one query is the cheapest way to make it.
 */
public final class DayListQuery {

  /** The list's content and the patients on it (each listed patient is an audited read). */
  public record Result(String clinician, String department, List<DayListRow> rows, List<Long> patientIds) {}

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
  private static final DateTimeFormatter BORN = DateTimeFormatter.ofPattern("d MMM uuuu", Locale.ENGLISH);

  private final DataSource dataSource;

  public DayListQuery(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Printed in place of a visit's reason for a reader who may not see clinical text. */
  static final String WITHHELD = "\u2014";

  /**
   * Empty when there is no such clinician. Without {@code clinicalText} the visit reasons are not read at
   * all, and the list shows {@link #WITHHELD} in their place (the same rule as on screen).
   */
  public Optional<Result> load(long clinicianId, LocalDate day, ZoneId zone, boolean clinicalText) {
    try (Connection c = dataSource.getConnection()) {
      String[] header = header(c, clinicianId);
      if (header == null) {
        return Optional.empty();
      }
      List<DayListRow> rows = new ArrayList<>();
      List<Long> patients = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement("SELECT a.start_at, a.visit_type, "
          + (clinicalText ? "a.reason" : "NULL") + ", a.status,"
          + " a.walk_in, p.id, p.family_name, p.given_names, p.mrn, p.birth_date FROM appointment a"
          + " JOIN patient p ON p.id = a.patient_id WHERE a.clinician_id = ? AND a.start_at >= ?"
          + " AND a.start_at < ? AND a.status NOT IN ('CANCELLED', 'RESCHEDULED') ORDER BY a.start_at, a.id")) {
        ps.setLong(1, clinicianId);
        ps.setObject(2, day.atStartOfDay(zone).toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC));
        ps.setObject(3, day.plusDays(1).atStartOfDay(zone).toOffsetDateTime()
            .withOffsetSameInstant(ZoneOffset.UTC));
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            rows.add(row(rs, zone, clinicalText));
            patients.add(rs.getLong(6));
          }
        }
      }
      return Optional.of(new Result(header[0], header[1], rows, patients));
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot read the day list", e);
    }
  }

  private static String[] header(Connection c, long clinicianId) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT s.display_name, d.name FROM clinician k"
        + " JOIN staff_account s ON s.id = k.staff_id JOIN department d ON d.id = k.department_id"
        + " WHERE k.staff_id = ?")) {
      ps.setLong(1, clinicianId);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? new String[] {rs.getString(1), rs.getString(2)} : null;
      }
    }
  }

  private static DayListRow row(ResultSet rs, ZoneId zone, boolean clinicalText) throws SQLException {
    OffsetDateTime start = rs.getObject(1, OffsetDateTime.class);
    String visit = words(rs.getString(2));
    if (rs.getBoolean(5)) {
      visit = "Walk-in, " + visit.toLowerCase(Locale.ROOT);
    }
    String status = switch (rs.getString(4)) {
      case "BOOKED" -> "";
      case "CHECKED_IN" -> "Arrived";
      case "IN_CONSULTATION" -> "With doctor";
      case "COMPLETED" -> "Done";
      case "NO_SHOW" -> "No-show";
      default -> words(rs.getString(4));
    };
    LocalDate born = rs.getObject(10, LocalDate.class);
    return new DayListRow(TIME.format(start.atZoneSameInstant(zone)), rs.getString(7) + ", " + rs.getString(8),
        rs.getString(9), born == null ? "" : BORN.format(born), visit, !clinicalText ? WITHHELD
        : rs.getString(3) == null ? "" : rs.getString(3), status);
  }

  /** FOLLOW_UP -> "Follow-up"; NEW_PATIENT -> "New patient". */
  static String words(String constant) {
    String s = constant.toLowerCase(Locale.ROOT).replace('_', ' ');
    s = s.equals("follow up") ? "follow-up" : s;
    return Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
