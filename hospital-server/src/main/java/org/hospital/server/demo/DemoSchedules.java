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
import org.hospital.server.scheduling.appointments.AppointmentStatus;
import org.hospital.server.scheduling.SchedulingSeed;
import org.hospital.server.scheduling.appointments.VisitType;
import org.hospital.server.scheduling.hours.WeeklyTemplate;

/**
 * Demo weekly schedules (Monday to Friday 08:00-12:00 and 13:00-17:00; general medicine also Saturday
 * mornings; the emergency department every day 08:00-20:00) and appointments around the day the demo is
 * started: the past week's visits completed (a few no-shows), this morning's mostly done, some patients
 * checked in and waiting, today and the coming days booked. Everything is relative to the server's clock, so
 * a first look at any day of the week shows a working hospital.
 */
final class DemoSchedules {

  private static final String BY = "Demo data";
  private static final LocalTime[][] SESSIONS = {
      {LocalTime.of(8, 0), LocalTime.of(12, 0)}, {LocalTime.of(13, 0), LocalTime.of(17, 0)}};
  private static final String[] REASONS = {"Blood pressure check", "Follow-up after tests", "Persistent cough",
      "Back pain", "Annual check-up", "Rash on forearm", "Medication review", "Knee pain after fall",
      "Headaches for two weeks", "Vaccination", "Chest discomfort on exertion", "Pre-operative assessment"};
  private static final VisitType[] VISIT_TYPES = {VisitType.FOLLOW_UP, VisitType.NEW_PATIENT,
      VisitType.CONSULTATION, VisitType.FOLLOW_UP, VisitType.PROCEDURE, VisitType.URGENT};
  private static final LocalTime[][] EVERY_DAY_SESSIONS = {{LocalTime.of(8, 0), LocalTime.of(20, 0)}};
  private static final int DAYS_AHEAD = 6;
  private static final int DAYS_BACK = 7;

  private DemoSchedules() {}

  /** Creates the templates and, when there are patients, the appointments; returns how many appointments. */
  static int seed(Database db, Map<String, Long> doctorIds, ZoneId zone, Clock clock) {
    try (Connection c = db.dataSource().getConnection()) {
      c.setAutoCommit(false);
      LocalDate today = LocalDate.now(clock.withZone(zone));
      SchedulingSeed seed = new SchedulingSeed(c, BY);
      for (Map.Entry<String, Long> d : doctorIds.entrySet()) {
        seed.weeklyHours(d.getValue(), week(d.getValue(), slotMinutes(d.getKey()), generalMedicine(d.getKey()),
            everyDay(d.getKey()), today.minusDays(DAYS_BACK)), today.minusDays(DAYS_BACK));
      }
      List<Long> patients = patientIds(c);
      int count = 0;
      if (!patients.isEmpty()) {
        SplittableRandom random = new SplittableRandom(20261128L);
        Instant now = clock.instant();
        for (Map.Entry<String, Long> d : doctorIds.entrySet()) {
          long department = departmentOf(d.getKey());
          for (int day = -DAYS_BACK; day <= DAYS_AHEAD; day++) {
            LocalDate date = today.plusDays(day);
            for (Instant start : slotStarts(date, zone, slotMinutes(d.getKey()), generalMedicine(d.getKey()),
                everyDay(d.getKey()))) {
              // the past and today as full as a real clinic's; the coming days fill up as they come closer
              if (random.nextInt(100) < (day <= 0 ? 80 : 70 - 5 * day)) {
                appointment(seed, d.getValue(), department, patients.get(random.nextInt(patients.size())),
                    start, start.plus(Duration.ofMinutes(slotMinutes(d.getKey()))), now, random);
                count++;
              }
            }
          }
        }
        DemoWaitList.seed(seed, doctorIds, patients, today, now);
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

  private static boolean everyDay(String username) {
    return DemoDepartments.department(doctor(username).departmentCode()).everyDay();
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

  private static List<WeeklyTemplate> week(long clinicianId, int minutes, boolean saturday, boolean everyDay,
      LocalDate validFrom) {
    List<WeeklyTemplate> sessions = new ArrayList<>();
    for (int weekday = 1; weekday <= 7; weekday++) {
      for (LocalTime[] session : sessions(DayOfWeek.of(weekday), saturday, everyDay)) {
        sessions.add(new WeeklyTemplate(clinicianId, weekday, session[0], session[1], minutes, 0, validFrom, null));
      }
    }
    return sessions;
  }

  /** The sessions of a weekday: none on Sundays (Saturdays but general medicine's morning) unless every day. */
  private static List<LocalTime[]> sessions(DayOfWeek dow, boolean saturday, boolean everyDay) {
    if (everyDay) {
      return List.of(EVERY_DAY_SESSIONS);
    }
    if (dow == DayOfWeek.SUNDAY || dow == DayOfWeek.SATURDAY && !saturday) {
      return List.of();
    }
    return dow == DayOfWeek.SATURDAY ? List.<LocalTime[]>of(SESSIONS[0]) : List.of(SESSIONS);
  }

  private static List<Instant> slotStarts(LocalDate date, ZoneId zone, int minutes, boolean saturday,
      boolean everyDay) {
    List<Instant> out = new ArrayList<>();
    for (LocalTime[] session : sessions(date.getDayOfWeek(), saturday, everyDay)) {
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

  private static Instant min(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }

  /**
   * Past slots are done (a few no-shows), those of the last hour and a bit are checked in and
   * waiting, later ones booked. Booked three days ago, then moved through the states at the times they happened.
   */
  private static void appointment(SchedulingSeed seed, long clinicianId, long departmentId, long patientId,
      Instant start, Instant end, Instant now, SplittableRandom random) throws SQLException {
    long id = seed.booked(clinicianId, departmentId, patientId, start, end,
        VISIT_TYPES[random.nextInt(VISIT_TYPES.length)], REASONS[random.nextInt(REASONS.length)],
        // booked some days before the visit, and never after now
        min(start, now).minus(Duration.ofDays(3)));
    if (end.isBefore(now.minus(Duration.ofMinutes(60)))) {
      if (random.nextInt(10) == 0) {
        seed.moved(id, AppointmentStatus.NO_SHOW, end);
      } else {
        seed.moved(id, AppointmentStatus.CHECKED_IN, start.minus(Duration.ofMinutes(10)));
        seed.moved(id, AppointmentStatus.IN_CONSULTATION, start.plus(Duration.ofMinutes(5)));
        seed.moved(id, AppointmentStatus.COMPLETED, end.plus(Duration.ofMinutes(3)));
      }
    } else if (start.isBefore(now.plus(Duration.ofMinutes(30)))) {
      Instant arrival = start.minus(Duration.ofMinutes(15 + random.nextInt(20)));
      seed.moved(id, AppointmentStatus.CHECKED_IN, arrival.isAfter(now) ? now.minus(Duration.ofMinutes(1)) : arrival);
    }
  }
}
