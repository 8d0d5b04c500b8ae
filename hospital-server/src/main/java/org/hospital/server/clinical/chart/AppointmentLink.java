package org.hospital.server.clinical.chart;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/** What the chart reads of scheduling: the appointment a consultation starts from, and a clinician's department. */
final class AppointmentLink {

  record Appointment(long id, long patientId, long departmentId, String status, String reason) {}

  private AppointmentLink() {}

  /** The appointment, locked so that two starts of one consultation queue behind each other. */
  static Optional<Appointment> lock(Connection c, long appointmentId) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT id, patient_id, department_id, status, reason"
        + " FROM appointment WHERE id = ? FOR UPDATE")) {
      ps.setLong(1, appointmentId);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(new Appointment(rs.getLong(1), rs.getLong(2), rs.getLong(3),
            rs.getString(4), rs.getString(5))) : Optional.empty();
      }
    }
  }

  /** The department of a clinician's profile; empty for staff without one. */
  static Optional<Long> departmentOf(Connection c, long staffId) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT department_id FROM clinician WHERE staff_id = ?")) {
      ps.setLong(1, staffId);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
      }
    }
  }
}
