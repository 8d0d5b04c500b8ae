package org.hospital.server.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.hospital.server.testing.TestHospitalServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A demo asked for fewer patients than the wait list has entries (`--demo.patients=3`): it starts, with each
 * patient waiting once, rather than looking for ever for a patient not yet on the list.
 */
class DemoWithFewPatientsTest {

  @Test
  @Timeout(value = 120, unit = TimeUnit.SECONDS)
  void startsWithEveryPatientWaitingOnce() throws Exception {
    try (TestHospitalServer server = TestHospitalServer.start(3, Duration.ofMinutes(15));
        Connection c = server.server().database().dataSource().getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT COUNT(*), COUNT(DISTINCT patient_id) FROM wait_list_entry")) {
      rs.next();
      assertEquals(3, rs.getLong(1));
      assertEquals(3, rs.getLong(2));
    }
  }
}
