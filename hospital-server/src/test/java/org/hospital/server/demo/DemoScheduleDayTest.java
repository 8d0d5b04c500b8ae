package org.hospital.server.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.hospital.server.testing.TestHospitalServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A demo started on a Saturday morning: the emergency department has a full day today, the other departments
 * are closed today and have full weekdays around it, the past ones visited and the coming ones booked.
 */
@ParameterizedClass
@MethodSource("org.hospital.server.testing.TestDatabases#kinds")
class DemoScheduleDayTest {

  private static final LocalDate SATURDAY = LocalDate.of(2026, 12, 12);
  private static final long CARDIOLOGY = 3;
  private static final long EMERGENCY = 7;
  /** Two clinicians per department; emergency 08:00-20:00, the others 08:00-12:00 and 13:00-17:00; 20 minutes. */
  private static final int EMERGENCY_SLOTS = 2 * 36;
  private static final int WEEKDAY_SLOTS = 2 * 24;

  @Parameter
  String kind;

  private static TestHospitalServer server;
  private static ZoneId zone;

  @BeforeParameterizedClassInvocation
  static void start(String kind) {
    zone = ZoneId.systemDefault(); // the test server names no hospital.zone
    server = TestHospitalServer.startAt(kind, 60, SATURDAY.atTime(7, 30).atZone(zone).toInstant());
  }

  @AfterParameterizedClassInvocation
  static void stop() {
    server.close();
  }

  private long count(long department, LocalDate day, String statuses) {
    String sql = "SELECT COUNT(*) FROM appointment WHERE department_id = ? AND start_at >= ? AND start_at < ?"
        + " AND status IN (" + statuses + ")";
    try (Connection c = server.server().database().dataSource().getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setLong(1, department);
      ps.setObject(2, OffsetDateTime.ofInstant(day.atStartOfDay(zone).toInstant(), ZoneOffset.UTC));
      ps.setObject(3, OffsetDateTime.ofInstant(day.plusDays(1).atStartOfDay(zone).toInstant(), ZoneOffset.UTC));
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static final String ANY = "'BOOKED', 'CHECKED_IN', 'IN_CONSULTATION', 'COMPLETED', 'NO_SHOW'";

  @Test
  void theEmergencyDepartmentHasAFullSaturday() {
    long today = count(EMERGENCY, SATURDAY, ANY);
    assertTrue(today >= EMERGENCY_SLOTS * 6 / 10, "most of today's emergency slots are taken: " + today);
    assertTrue(count(EMERGENCY, SATURDAY.plusDays(1), ANY) > 0, "and it works on Sunday");
  }

  @Test
  void otherDepartmentsAreClosedAtTheWeekendAndFullOnWeekdays() {
    assertEquals(0, count(CARDIOLOGY, SATURDAY, ANY));
    assertEquals(0, count(CARDIOLOGY, SATURDAY.plusDays(1), ANY));
    long monday = count(CARDIOLOGY, SATURDAY.plusDays(2), "'BOOKED'");
    assertTrue(monday >= WEEKDAY_SLOTS * 6 / 10, "Monday is booked: " + monday);
  }

  @Test
  void thePastWeekWasVisited() {
    LocalDate friday = SATURDAY.minusDays(1);
    long visited = count(CARDIOLOGY, friday, "'COMPLETED', 'NO_SHOW'");
    assertTrue(visited >= WEEKDAY_SLOTS * 6 / 10, "yesterday's visits happened: " + visited);
    assertEquals(0, count(CARDIOLOGY, friday, "'BOOKED', 'CHECKED_IN', 'IN_CONSULTATION'"),
        "nothing of yesterday is still open");
  }
}
