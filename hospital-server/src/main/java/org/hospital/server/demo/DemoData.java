package org.hospital.server.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;
import org.hospital.server.patients.PatientBulkLoader;
import org.hospital.server.persistence.Database;
import org.hospital.server.security.Role;
import org.hospital.server.security.StaffAccounts;

/**
 * Demo content for a new installation: one account per role (and a supervisor with two), departments with a
 * few doctors each, and a few thousand synthetic patients. Runs only when the database has no staff yet, so it never touches a live system.
 */
public final class DemoData {

  /** Every demo account has this password; the server prints the accounts when it creates them. */
  public static final String PASSWORD = "Demo-pass-2026";
  private static final Logger LOG = Logger.getLogger(DemoData.class.getName());

  private record DemoAccount(String username, String displayName, Set<Role> roles) {}

  private static final DemoAccount[] ACCOUNTS = {
      new DemoAccount("reception", "Rita Reception", Set.of(Role.RECEPTION)),
      new DemoAccount("nurse", "Nora Nurse", Set.of(Role.NURSE)),
      new DemoAccount("doctor", "Dr. Daniel Doctor", Set.of(Role.DOCTOR)),
      new DemoAccount("billing", "Bill Billing", Set.of(Role.BILLING)),
      new DemoAccount("admin", "Ada Admin", Set.of(Role.ADMIN)),
      new DemoAccount("supervisor", "Sam Supervisor", Set.of(Role.RECEPTION, Role.ADMIN)),
      new DemoAccount("lab", "Lena Lab", Set.of(Role.LAB))};

  private DemoData() {}

  /**
   * The demo accounts that still open with the published demo password. Outside demo mode the server refuses
   * to serve while there are any: anyone who has read the documentation could sign in with them.
   */
  public static List<String> accountsOnTheDemoPassword(StaffAccounts staff) {
    List<String> open = new ArrayList<>();
    for (DemoAccount a : ACCOUNTS) {
      if (staff.opensWith(a.username(), PASSWORD)) {
        open.add(a.username());
      }
    }
    for (DemoDepartments.Doctor d : DemoDepartments.DOCTORS) {
      if (!open.contains(d.username()) && staff.opensWith(d.username(), PASSWORD)) {
        open.add(d.username());
      }
    }
    return open;
  }

  public static void seedIfEmpty(Database db, StaffAccounts staff, int patients, ZoneId zone, Clock clock) {
    if (staff.exists(ACCOUNTS[0].username())) {
      return;
    }
    // Plain JDBC inserts below: they take H2's one write lock like every other write.
    db.writing(() -> {
      seed(db, staff, patients, zone, clock);
      return null;
    });
  }

  private static void seed(Database db, StaffAccounts staff, int patients, ZoneId zone, Clock clock) {
    StringBuilder printed = new StringBuilder("Demo accounts (password ").append(PASSWORD).append("):");
    long doctorId = 0;
    for (DemoAccount a : ACCOUNTS) {
      long id = staff.create(a.username(), a.displayName(), PASSWORD, a.roles());
      if (a.roles().equals(Set.of(Role.DOCTOR))) {
        doctorId = id;
      }
      printed.append("\n  ").append(String.format("%-13s %s", a.username(), a.roles()));
    }
    Map<String, Long> doctors = DemoDepartments.seed(db, staff, doctorId);
    for (String doctor : doctors.keySet()) {
      if (!doctor.equals("doctor")) {
        printed.append("\n  ").append(String.format("%-13s %s", doctor, Set.of(Role.DOCTOR)));
      }
    }
    LOG.info(printed.toString());
    long loaded = new PatientBulkLoader(db).load(new DemoPopulation(20261122L, patients, LocalDate.now()),
        "Demo data");
    LOG.info("Created " + loaded + " demo patients");
    int appointments = DemoSchedules.seed(db, doctors, zone, clock);
    LOG.info("Created weekly schedules for " + doctors.size() + " doctors and " + appointments
        + " demo appointments");
    LOG.info("Created " + DemoWards.seed(db, doctorId, "Dr. Daniel Doctor", clock) + " demo beds in six wards");
  }
}
