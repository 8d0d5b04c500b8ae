package org.hospital.server.demo;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.hospital.server.scheduling.SchedulingSeed;
import org.hospital.server.scheduling.appointments.VisitType;

/**
 * A few demo patients on the wait lists of orthopaedics and obstetrics (one for a named clinician, two for
 * anyone in the department), so that the wait list panel and its "slot free" cards have someone to offer when
 * a demo appointment is cancelled. The other departments' lists start empty: the automated tests use them.
 */
final class DemoWaitList {

  private static final String[] DEPARTMENTS = {"ORTHO", "OBGYN"};
  private static final String[] REASONS = {"Wants an earlier appointment", "Results to discuss sooner",
      "Can come at short notice", "Symptoms getting worse", "Travelling later this month"};

  private DemoWaitList() {}

  /** Adds the entries; returns how many. */
  static int seed(SchedulingSeed seed, Map<String, Long> doctorIds, List<Long> patients, LocalDate today,
      Instant now) throws SQLException {
    SplittableRandom random = new SplittableRandom(20261129L);
    int count = 0;
    Set<Long> chosen = new HashSet<>(); // one entry per patient: the list allows one per patient and target
    for (String code : DEPARTMENTS) {
      DemoDepartments.Department department = DemoDepartments.department(code);
      long clinician = firstDoctorOf(code, doctorIds);
      for (int i = 0; i < 3; i++) {
        if (chosen.size() == patients.size()) {
          return count; // a demo with fewer patients than entries: every patient already waits once
        }
        long patient = patients.get(random.nextInt(patients.size()));
        while (!chosen.add(patient)) {
          patient = patients.get(random.nextInt(patients.size()));
        }
        seed.waiting(patient, i == 0 ? clinician : 0, department.id(), today, today.plusDays(28),
            VisitType.FOLLOW_UP, REASONS[random.nextInt(REASONS.length)], now.minus(Duration.ofHours(30L * (count + 1))));
        count++;
      }
    }
    return count;
  }

  private static long firstDoctorOf(String departmentCode, Map<String, Long> doctorIds) {
    for (DemoDepartments.Doctor d : DemoDepartments.DOCTORS) {
      if (d.departmentCode().equals(departmentCode)) {
        return doctorIds.get(d.username());
      }
    }
    throw new IllegalStateException("no demo doctor in " + departmentCode);
  }
}
