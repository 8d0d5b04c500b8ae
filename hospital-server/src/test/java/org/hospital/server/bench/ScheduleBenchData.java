package org.hospital.server.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import javax.sql.DataSource;

/**
 * A hospital's year of clinics, written straight into the tables: {@value #CLINICIANS} clinicians across the
 * demo departments, each working Monday to Friday 08:00-12:00 and 13:00-17:00 in 15-minute slots, and
 * appointments filling about half of every slot from {@code from} for a year. One day ({@code openDay}) is
 * left free so that the fan-out measurement books into an empty day that every subscriber watches.
 */
final class ScheduleBenchData {

  static final int CLINICIANS = 200;
  static final int SLOT_MINUTES = 15;
  static final long FIRST_STAFF_ID = 90_000_000L;
  private static final LocalTime[][] SESSIONS = {
      {LocalTime.of(8, 0), LocalTime.of(12, 0)}, {LocalTime.of(13, 0), LocalTime.of(17, 0)}};
  private static final int FILL_PERCENT = 50;

  private ScheduleBenchData() {}

  /** Clinician staff ids, creating them (and their year of appointments) if this database has none yet. */
  static List<Long> ensure(DataSource ds, ZoneId zone, LocalDate from, LocalDate openDay, String passwordHash)
      throws SQLException {
    List<Long> ids = new ArrayList<>();
    for (int i = 0; i < CLINICIANS; i++) {
      ids.add(FIRST_STAFF_ID + i);
    }
    try (Connection c = ds.getConnection()) {
      if (count(c, "SELECT COUNT(*) FROM clinician WHERE staff_id >= " + FIRST_STAFF_ID) == CLINICIANS) {
        analyze(c);
        return ids;
      }
      c.setAutoCommit(false);
      long start = System.nanoTime();
      insertClinicians(c, ids, passwordHash);
      long[] patients = patientIds(c);
      long appointments = insertYear(c, ids, zone, from, openDay, patients);
      c.commit();
      analyze(c);
      System.out.printf("Generated %d clinicians and %,d appointments in %.1f s%n", CLINICIANS, appointments,
          (System.nanoTime() - start) / 1e9);
    }
    return ids;
  }

  private static void insertClinicians(Connection c, List<Long> ids, String hash) throws SQLException {
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
    try (PreparedStatement staff = c.prepareStatement("INSERT INTO staff_account (id, username, display_name,"
        + " password_hash, enabled, created_at, version)"
        + " VALUES (?, ?, ?, ?, TRUE, ?, 1)");
        PreparedStatement role = c.prepareStatement("INSERT INTO staff_role (staff_id, role) VALUES (?, 'DOCTOR')");
        PreparedStatement clinician = c.prepareStatement("INSERT INTO clinician (staff_id, department_id,"
            + " specialty, bookable, version) SELECT ?, id, specialty, TRUE, 1 FROM department WHERE id = ?");
        PreparedStatement template = c.prepareStatement("INSERT INTO schedule_template (id, clinician_id,"
            + " weekday, start_time, end_time, slot_minutes, max_appointments, valid_from, valid_to, version)"
            + " VALUES (?, ?, ?, ?, ?, ?, NULL, ?, NULL, 1)")) {
      long templateId = 80_000_000L;
      for (int i = 0; i < ids.size(); i++) {
        long id = ids.get(i);
        staff.setLong(1, id);
        staff.setString(2, "bench.dr" + i);
        staff.setString(3, "Dr. Bench " + i);
        staff.setString(4, hash);
        staff.setObject(5, now);
        staff.addBatch();
        role.setLong(1, id);
        role.addBatch();
        clinician.setLong(1, id);
        clinician.setLong(2, 1 + i % 6);
        clinician.addBatch();
        for (int weekday = 1; weekday <= 5; weekday++) {
          for (LocalTime[] session : SESSIONS) {
            template.setLong(1, templateId++);
            template.setLong(2, id);
            template.setShort(3, (short) weekday);
            template.setObject(4, session[0]);
            template.setObject(5, session[1]);
            template.setInt(6, SLOT_MINUTES);
            template.setObject(7, LocalDate.of(2020, 1, 1));
            template.addBatch();
          }
        }
      }
      staff.executeBatch();
      role.executeBatch();
      clinician.executeBatch();
      template.executeBatch();
    }
  }

  private static long insertYear(Connection c, List<Long> ids, ZoneId zone, LocalDate from, LocalDate openDay,
      long[] patients) throws SQLException {
    long next;
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COALESCE(MAX(id), 0) FROM appointment")) {
      rs.next();
      next = rs.getLong(1) + 1;
    }
    long first = next;
    SplittableRandom random = new SplittableRandom(2026);
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO appointment (id, clinician_id, department_id,"
        + " patient_id, start_at, end_at, status, visit_type, reason, walk_in, overbooked, overbook_reason,"
        + " held_slot_start, overbook_seq, created_by, created_at, updated_by, updated_at, version)"
        + " VALUES (?, ?, ?, ?, ?, ?, 'BOOKED', 'FOLLOW_UP', 'Follow-up', FALSE, FALSE, NULL, ?, 0, 'Benchmark',"
        + " ?, 'Benchmark', ?, 1)")) {
      int batch = 0;
      for (LocalDate day = from; day.isBefore(from.plusYears(1)); day = day.plusDays(1)) {
        if (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY
            || day.equals(openDay)) {
          continue;
        }
        for (int i = 0; i < ids.size(); i++) {
          for (LocalTime[] session : SESSIONS) {
            for (LocalTime t = session[0]; t.isBefore(session[1]); t = t.plusMinutes(SLOT_MINUTES)) {
              if (random.nextInt(100) >= FILL_PERCENT) {
                continue;
              }
              OffsetDateTime startAt = day.atTime(t).atZone(zone).toOffsetDateTime()
                  .withOffsetSameInstant(ZoneOffset.UTC);
              ps.setLong(1, next++);
              ps.setLong(2, ids.get(i));
              ps.setLong(3, 1 + i % 6);
              ps.setLong(4, patients[random.nextInt(patients.length)]);
              ps.setObject(5, startAt);
              ps.setObject(6, startAt.plusMinutes(SLOT_MINUTES));
              ps.setObject(7, startAt);
              ps.setObject(8, now);
              ps.setObject(9, now);
              ps.addBatch();
              if (++batch % 5_000 == 0) {
                ps.executeBatch();
                c.commit();
              }
            }
          }
        }
      }
      ps.executeBatch();
    }
    try (Statement s = c.createStatement()) {
      s.execute("ALTER SEQUENCE appointment_id_seq RESTART WITH " + next);
    }
    return next - first;
  }

  /** Fresh planner statistics, as after any bulk load (and the previous run's bookings). */
  private static void analyze(Connection c) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute("ANALYZE");
    }
    if (!c.getAutoCommit()) {
      c.commit();
    }
  }

  /** Every patient id (8 MB at a million): the ids come in blocks, so they need not be dense. */
  static long[] patientIds(Connection c) throws SQLException {
    long[] ids = new long[(int) count(c, "SELECT COUNT(*) FROM patient")];
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT id FROM patient")) {
      int n = 0;
      while (rs.next() && n < ids.length) {
        ids[n++] = rs.getLong(1);
      }
    }
    return ids;
  }

  private static long count(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
