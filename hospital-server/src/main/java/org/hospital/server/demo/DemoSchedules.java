package org.hospital.server.demo;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.hospital.server.persistence.Database;
import org.hospital.server.persistence.DbTime;

/**
 * Demo weekly schedules (Monday to Friday 08:00-12:00 and 13:00-17:00; general medicine also Saturday
 * mornings) and appointments for today and the coming days: this morning's mostly done, some patients
 * checked in and waiting, the rest of the week partly booked.
 */
final class DemoSchedules {

  private static final String BY = "Demo data";
  private static final LocalTime[][] SESSIONS = {
      {LocalTime.of(8, 0), LocalTime.of(12, 0)}, {LocalTime.of(13, 0), LocalTime.of(17, 0)}};
  private static final String[] REASONS = {"Blood pressure check", "Follow-up after tests", "Persistent cough",
      "Back pain", "Annual check-up", "Rash on forearm", "Medication review", "Knee pain after fall",
      "Headaches for two weeks", "Vaccination", "Chest discomfort on exertion", "Pre-operative assessment"};
  private static final String[] VISIT_TYPES = {"FOLLOW_UP", "NEW_PATIENT", "CONSULTATION", "FOLLOW_UP",
      "PROCEDURE", "URGENT"};
  private static final int DAYS_AHEAD = 6;

  private DemoSchedules() {}

  /** Creates the templates and, when there are patients, the appointments; returns how many appointments. */
  static int seed(Database db, Map<String, Long> doctorIds, ZoneId zone, Clock clock) {
    try (Connection c = db.dataSource().getConnection()) {
      c.setAutoCommit(false);
      LocalDate today = LocalDate.now(clock.withZone(zone));
      for (Map.Entry<String, Long> d : doctorIds.entrySet()) {
        insertTemplates(c, d.getValue(), slotMinutes(d.getKey()), generalMedicine(d.getKey()), today);
      }
      List<Long> patients = patientIds(c);
      int count = 0;
      if (!patients.isEmpty()) {
        SplittableRandom random = new SplittableRandom(20261128L);
        Instant now = clock.instant();
        for (Map.Entry<String, Long> d : doctorIds.entrySet()) {
          long department = departmentOf(d.getKey());
          for (int day = 0; day <= DAYS_AHEAD; day++) {
            LocalDate date = today.plusDays(day);
            for (Instant start : slotStarts(date, zone, slotMinutes(d.getKey()), generalMedicine(d.getKey()))) {
              if (random.nextInt(100) < (day == 0 ? 75 : 55)) {
                insertAppointment(c, ++count, d.getValue(), department, patients.get(random.nextInt(patients.size())),
                    start, start.plus(Duration.ofMinutes(slotMinutes(d.getKey()))), now, random);
              }
            }
          }
        }
        try (PreparedStatement ps = c.prepareStatement("ALTER SEQUENCE appointment_id_seq RESTART WITH "
            + (count + 1))) {
          ps.execute();
        }
        DemoWaitList.seed(c, doctorIds, patients, today, now);
      }
      c.commit();
      return count;
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot create the demo schedules", e);
    }
  }

  private static boolean generalMedicine(String username) {
    return DemoDepartments.department(doctor(username).departmentCode()).code().equals("GENMED");
  }

  /** General medicine sees patients every 15 minutes, the specialists every 20. */
  private static int slotMinutes(String username) {
    return generalMedicine(username) ? 15 : 20;
  }

  private static long departmentOf(String username) {
    return DemoDepartments.department(doctor(username).departmentCode()).id();
  }

  private static DemoDepartments.Doctor doctor(String username) {
    for (DemoDepartments.Doctor d : DemoDepartments.DOCTORS) {
      if (d.username().equals(username)) {
        return d;
      }
    }
    throw new IllegalArgumentException(username);
  }

  private static void insertTemplates(Connection c, long clinicianId, int minutes, boolean saturday,
      LocalDate validFrom) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO schedule_template (id, clinician_id, weekday,"
        + " start_time, end_time, slot_minutes, max_appointments, valid_from, valid_to, version)"
        + " VALUES (nextval('schedule_template_id_seq'), ?, ?, ?, ?, ?, NULL, ?, NULL, 1)")) {
      for (int weekday = 1; weekday <= (saturday ? 6 : 5); weekday++) {
        for (LocalTime[] session : SESSIONS) {
          if (weekday == 6 && session[0].getHour() >= 12) {
            continue;
          }
          ps.setLong(1, clinicianId);
          ps.setInt(2, weekday);
          ps.setObject(3, session[0]);
          ps.setObject(4, session[1]);
          ps.setInt(5, minutes);
          ps.setObject(6, validFrom.minusDays(7));
          ps.addBatch();
        }
      }
      ps.executeBatch();
    }
  }

  private static List<Instant> slotStarts(LocalDate date, ZoneId zone, int minutes, boolean saturday) {
    List<Instant> out = new ArrayList<>();
    DayOfWeek dow = date.getDayOfWeek();
    if (dow == DayOfWeek.SUNDAY || dow == DayOfWeek.SATURDAY && !saturday) {
      return out;
    }
    for (LocalTime[] session : SESSIONS) {
      if (dow == DayOfWeek.SATURDAY && session[0].getHour() >= 12) {
        continue;
      }
      for (LocalTime t = session[0]; !t.plusMinutes(minutes).isAfter(session[1]); t = t.plusMinutes(minutes)) {
        out.add(date.atTime(t).atZone(zone).toInstant());
      }
    }
    return out;
  }

  private static List<Long> patientIds(Connection c) throws SQLException {
    List<Long> ids = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement("SELECT id FROM patient ORDER BY id FETCH FIRST 500 ROWS ONLY");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        ids.add(rs.getLong(1));
      }
    }
    return ids;
  }

  /**
   * Past slots of today are done (a few no-shows), those of the last hour and a bit are checked in and
   * waiting, later ones booked.
   */
  private static void insertAppointment(Connection c, long id, long clinicianId, long departmentId, long patientId,
      Instant start, Instant end, Instant now, SplittableRandom random) throws SQLException {
    String status;
    Instant checkedIn = null;
    Instant started = null;
    Instant completed = null;
    if (end.isBefore(now.minus(Duration.ofMinutes(60)))) {
      status = random.nextInt(10) == 0 ? "NO_SHOW" : "COMPLETED";
      if (status.equals("COMPLETED")) {
        checkedIn = start.minus(Duration.ofMinutes(10));
        started = start.plus(Duration.ofMinutes(5));
        completed = end.plus(Duration.ofMinutes(3));
      }
    } else if (start.isBefore(now.plus(Duration.ofMinutes(30)))) {
      status = "CHECKED_IN";
      Instant arrival = start.minus(Duration.ofMinutes(15 + random.nextInt(20)));
      checkedIn = arrival.isAfter(now) ? now.minus(Duration.ofMinutes(1)) : arrival;
    } else {
      status = "BOOKED";
    }
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO appointment (id, clinician_id, department_id,"
        + " patient_id, start_at, end_at, status, visit_type, reason, walk_in, overbooked, held_slot_start,"
        + " overbook_seq, checked_in_at, consultation_started_at, completed_at, created_by, created_at,"
        + " updated_by, updated_at, version) VALUES (?,?,?,?,?,?,?,?,?,FALSE,FALSE,?,0,?,?,?,?,?,?,?,1)")) {
      ps.setLong(1, id);
      ps.setLong(2, clinicianId);
      ps.setLong(3, departmentId);
      ps.setLong(4, patientId);
      ps.setObject(5, DbTime.toDb(start));
      ps.setObject(6, DbTime.toDb(end));
      ps.setString(7, status);
      ps.setString(8, VISIT_TYPES[random.nextInt(VISIT_TYPES.length)]);
      ps.setString(9, REASONS[random.nextInt(REASONS.length)]);
      ps.setObject(10, status.equals("NO_SHOW") ? null : DbTime.toDb(start));
      ps.setObject(11, DbTime.toDb(checkedIn));
      ps.setObject(12, DbTime.toDb(started));
      ps.setObject(13, DbTime.toDb(completed));
      ps.setString(14, BY);
      ps.setObject(15, DbTime.toDb(now.minus(Duration.ofDays(3))));
      ps.setString(16, BY);
      ps.setObject(17, DbTime.toDb(now.minus(Duration.ofDays(3))));
      ps.executeUpdate();
    }
  }
}
