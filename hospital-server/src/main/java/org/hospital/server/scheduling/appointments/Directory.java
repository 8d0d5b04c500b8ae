package org.hospital.server.scheduling.appointments;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hospital.proto.common.v1.FieldViolationCode;
import org.hospital.server.errors.Violations;

/** Departments, bookable clinicians and the existence of patients, as scheduling needs them. */
public final class Directory {

  public record Department(long id, String code, String name, String specialty) {}

  public record Clinician(long id, String displayName, long departmentId, String specialty) {}

  private Directory() {}

  public static List<Department> departments(Connection c) throws SQLException {
    List<Department> out = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(
        "SELECT id, code, name, specialty FROM department WHERE active ORDER BY name");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.add(new Department(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)));
      }
    }
    return out;
  }

  public static List<Clinician> clinicians(Connection c) throws SQLException {
    return clinicians(c, "", null);
  }

  public static Optional<Clinician> clinician(Connection c, long id) throws SQLException {
    return clinicians(c, " AND c.staff_id = ?", id).stream().findFirst();
  }

  public static List<Clinician> inDepartment(Connection c, long departmentId) throws SQLException {
    return clinicians(c, " AND c.department_id = ?", departmentId);
  }

  public static List<Clinician> withSpecialty(Connection c, String specialty) throws SQLException {
    return clinicians(c, " AND LOWER(c.specialty) = LOWER(?)", specialty);
  }

  private static List<Clinician> clinicians(Connection c, String where, Object arg) throws SQLException {
    List<Clinician> out = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement("SELECT c.staff_id, s.display_name, c.department_id,"
        + " c.specialty FROM clinician c JOIN staff_account s ON s.id = c.staff_id"
        + " WHERE c.bookable AND s.enabled" + where + " ORDER BY s.display_name, c.staff_id")) {
      if (arg != null) {
        ps.setObject(1, arg);
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(new Clinician(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4)));
        }
      }
    }
    return out;
  }

  /** The clinician (bookable) and the patient must exist; both are reported at once when they do not. */
  public static Clinician requireParties(Connection c, long clinicianId, String clinicianField, long patientId,
      String patientField) throws SQLException {
    Violations v = new Violations();
    Clinician clinician = clinician(c, clinicianId).orElse(null);
    if (clinician == null) {
      v.add(clinicianField, FieldViolationCode.UNKNOWN_ID);
    }
    if (!patientExists(c, patientId)) {
      v.add(patientField, FieldViolationCode.UNKNOWN_ID);
    }
    v.throwIfAny();
    return clinician;
  }

  public static Clinician requireClinician(Connection c, long clinicianId, String field) throws SQLException {
    Optional<Clinician> clinician = clinician(c, clinicianId);
    if (clinician.isEmpty()) {
      new Violations().add(field, FieldViolationCode.UNKNOWN_ID).throwIfAny();
    }
    return clinician.orElseThrow();
  }

  /** The department (active) and the patient must exist; both are reported at once when they do not. */
  public static void requireDepartmentAndPatient(Connection c, long departmentId, String departmentField,
      long patientId, String patientField) throws SQLException {
    Violations v = new Violations();
    if (departments(c).stream().noneMatch(d -> d.id() == departmentId)) {
      v.add(departmentField, FieldViolationCode.UNKNOWN_ID);
    }
    if (!patientExists(c, patientId)) {
      v.add(patientField, FieldViolationCode.UNKNOWN_ID);
    }
    v.throwIfAny();
  }

  static boolean patientExists(Connection c, long patientId) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM patient WHERE id = ?")) {
      ps.setLong(1, patientId);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    }
  }
}
