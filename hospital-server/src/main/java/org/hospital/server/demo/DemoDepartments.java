package org.hospital.server.demo;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.hospital.server.persistence.Database;
import org.hospital.server.security.Role;
import org.hospital.server.security.StaffAccounts;

/** Demo departments and a few doctors in each, so that schedules have someone to book. */
final class DemoDepartments {

  /** {@code everyDay}: an emergency-type department, open seven days a week, 08:00-20:00. */
  record Department(long id, String code, String name, String specialty, boolean everyDay) {
    Department(long id, String code, String name, String specialty) {
      this(id, code, name, specialty, false);
    }
  }

  record Doctor(String username, String displayName, String departmentCode) {}

  static final Department[] DEPARTMENTS = {
      new Department(1, "GENMED", "General Medicine", "General medicine"),
      new Department(2, "PAEDS", "Paediatrics", "Paediatrics"),
      new Department(3, "CARDIO", "Cardiology", "Cardiology"),
      new Department(4, "ORTHO", "Orthopaedics", "Orthopaedics"),
      new Department(5, "OBGYN", "Obstetrics and Gynaecology", "Obstetrics and gynaecology"),
      new Department(6, "DERM", "Dermatology", "Dermatology"),
      new Department(7, "EMERG", "Emergency", "Emergency medicine", true)};

  /** The first is the "doctor" demo account; the others exist so that a day view has several columns. */
  static final Doctor[] DOCTORS = {
      new Doctor("doctor", "Dr. Daniel Doctor", "GENMED"),
      new Doctor("dr.okafor", "Dr. Amara Okafor", "GENMED"),
      new Doctor("dr.lindqvist", "Dr. Erik Lindqvist", "GENMED"),
      new Doctor("dr.moreau", "Dr. Claire Moreau", "PAEDS"),
      new Doctor("dr.tanaka", "Dr. Hiro Tanaka", "PAEDS"),
      new Doctor("dr.haddad", "Dr. Samir Haddad", "CARDIO"),
      new Doctor("dr.novak", "Dr. Petra Novak", "CARDIO"),
      new Doctor("dr.silva", "Dr. Lucas Silva", "ORTHO"),
      new Doctor("dr.osei", "Dr. Abena Osei", "OBGYN"),
      new Doctor("dr.kowalski", "Dr. Marta Kowalski", "DERM"),
      new Doctor("dr.mensah", "Dr. Kofi Mensah", "EMERG"),
      new Doctor("dr.ferreira", "Dr. Ines Ferreira", "EMERG")};

  private DemoDepartments() {}

  /**
   * Creates the departments and the doctors' clinician profiles; the "doctor" account must already exist
   * with id {@code firstDoctorId}. Returns each doctor's staff id by username.
   */
  static Map<String, Long> seed(Database db, StaffAccounts staff, long firstDoctorId) {
    Map<String, Long> doctorIds = new LinkedHashMap<>();
    doctorIds.put(DOCTORS[0].username(), firstDoctorId);
    for (int i = 1; i < DOCTORS.length; i++) {
      Doctor d = DOCTORS[i];
      doctorIds.put(d.username(), staff.create(d.username(), d.displayName(), DemoData.PASSWORD,
          Set.of(Role.DOCTOR)));
    }
    try (Connection c = db.dataSource().getConnection()) {
      c.setAutoCommit(false);
      insertDepartments(c);
      insertClinicians(c, doctorIds);
      c.commit();
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot create the demo departments", e);
    }
    return doctorIds;
  }

  private static void insertDepartments(Connection c) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(
        "INSERT INTO department (id, code, name, specialty, active, version) VALUES (?, ?, ?, ?, TRUE, 1)")) {
      for (Department d : DEPARTMENTS) {
        ps.setLong(1, d.id());
        ps.setString(2, d.code());
        ps.setString(3, d.name());
        ps.setString(4, d.specialty());
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  private static void insertClinicians(Connection c, Map<String, Long> doctorIds) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO clinician (staff_id, department_id, specialty,"
        + " bookable, registration_number, version) VALUES (?, ?, ?, TRUE, ?, 1)")) {
      int n = 0;
      for (Doctor d : DOCTORS) {
        Department dept = department(d.departmentCode());
        ps.setLong(1, doctorIds.get(d.username()));
        ps.setLong(2, dept.id());
        ps.setString(3, dept.specialty());
        // a made-up licence number in a shape no real register uses
        ps.setString(4, "DEMO-" + (10_001 + n++));
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  static Department department(String code) {
    for (Department d : DEPARTMENTS) {
      if (d.code().equals(code)) {
        return d;
      }
    }
    throw new IllegalArgumentException(code);
  }
}
