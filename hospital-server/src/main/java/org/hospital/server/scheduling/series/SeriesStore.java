package org.hospital.server.scheduling.series;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import org.hospital.server.persistence.DbTime;

/** Writes to the appointment_series table; its members are rows of the appointment table. */
final class SeriesStore {

  private SeriesStore() {}

  static long insert(Connection c, SeriesCommand cmd, Instant now, String by) throws SQLException {
    long id;
    try (PreparedStatement ps = c.prepareStatement("SELECT nextval('appointment_series_id_seq')");
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      id = rs.getLong(1);
    }
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO appointment_series (id, clinician_id,"
        + " patient_id, occurrences, interval_weeks, created_by, created_at) VALUES (?,?,?,?,?,?,?)")) {
      ps.setLong(1, id);
      ps.setLong(2, cmd.clinicianId());
      ps.setLong(3, cmd.patientId());
      ps.setInt(4, cmd.occurrences());
      ps.setInt(5, cmd.intervalWeeks());
      ps.setString(6, by);
      DbTime.set(ps, 7, now);
      ps.executeUpdate();
    }
    return id;
  }
}
