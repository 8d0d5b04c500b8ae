package org.hospital.server.scheduling.appointments;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import org.hospital.server.persistence.DbTime;

/** Writes to the appointment table. Reads are in {@link AppointmentReads}. */
public final class AppointmentStore {

  private AppointmentStore() {}

  public static long nextId(Connection c) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT nextval('appointment_id_seq')");
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /** A new row; fails with a unique violation when the slot (and overbook number) is held already. */
  public static void insert(Connection c, NewAppointment a, Instant now, String by) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO appointment (id, clinician_id, department_id,"
        + " patient_id, start_at, end_at, status, visit_type, reason, walk_in, overbooked, overbook_reason,"
        + " held_slot_start, overbook_seq, checked_in_at, rescheduled_from_id, created_by, created_at,"
        + " updated_by, updated_at, series_id, series_position, series_count, version)"
        + " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,1)")) {
      ps.setLong(1, a.id());
      ps.setLong(2, a.clinicianId());
      ps.setLong(3, a.departmentId());
      ps.setLong(4, a.patientId());
      DbTime.set(ps, 5, a.start());
      DbTime.set(ps, 6, a.end());
      ps.setString(7, a.status().name());
      ps.setString(8, a.visitType().name());
      ps.setString(9, a.reason());
      ps.setBoolean(10, a.walkIn());
      ps.setBoolean(11, a.overbookSeq() > 0);
      ps.setString(12, a.overbookReason());
      DbTime.set(ps, 13, a.walkIn() ? null : a.start());
      ps.setInt(14, a.overbookSeq());
      DbTime.set(ps, 15, a.status() == AppointmentStatus.CHECKED_IN ? now : null);
      Sql.setLongOrNull(ps, 16, a.rescheduledFromId());
      ps.setString(17, by);
      DbTime.set(ps, 18, now);
      ps.setString(19, by);
      DbTime.set(ps, 20, now);
      Sql.setLongOrNull(ps, 21, a.series().seriesId());
      Sql.setLongOrNull(ps, 22, a.series().position());
      Sql.setLongOrNull(ps, 23, a.series().count());
      ps.executeUpdate();
    }
  }

  /** Reads and row-locks the appointment, so that the caller's checks hold until it commits. */
  public static Optional<AppointmentRow> lock(Connection c, long id) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT id FROM appointment WHERE id = ? FOR UPDATE")) {
      ps.setLong(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
      }
    }
    return AppointmentReads.find(c, id);
  }

  /**
   * Moves a locked appointment to {@code status}, setting the time stamp that status records and releasing
   * its slot when the status no longer holds one.
   */
  /** Marks a booked appointment as off its clinician's schedule, or on it again (see OffScheduleBookings). */
  public static void markClinicianUnavailable(Connection c, long id, boolean unavailable, Instant now, String by)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("UPDATE appointment SET clinician_unavailable = ?,"
        + " updated_by = ?, updated_at = ?, version = version + 1 WHERE id = ?")) {
      ps.setBoolean(1, unavailable);
      ps.setString(2, by);
      DbTime.set(ps, 3, now);
      ps.setLong(4, id);
      ps.executeUpdate();
    }
  }

  public static void changeStatus(Connection c, long id, AppointmentStatus status, Instant now, String by)
      throws SQLException {
    String stamp = switch (status) {
      case CHECKED_IN -> ", checked_in_at = ?";
      case IN_CONSULTATION -> ", consultation_started_at = ?";
      case COMPLETED -> ", completed_at = ?";
      default -> "";
    };
    String release = status.holdsSlot() ? "" : ", held_slot_start = NULL";
    try (PreparedStatement ps = c.prepareStatement("UPDATE appointment SET status = ?, updated_by = ?,"
        + " updated_at = ?, version = version + 1" + release + stamp + " WHERE id = ?")) {
      int i = 1;
      ps.setString(i++, status.name());
      ps.setString(i++, by);
      DbTime.set(ps, i++, now);
      if (!stamp.isEmpty()) {
        DbTime.set(ps, i++, now);
      }
      ps.setLong(i, id);
      ps.executeUpdate();
    }
  }

  public static void cancel(Connection c, long id, String reason, Instant now, String by) throws SQLException {
    changeStatus(c, id, AppointmentStatus.CANCELLED, now, by);
    try (PreparedStatement ps = c.prepareStatement(
        "UPDATE appointment SET cancel_reason = ?, cancelled_by = ? WHERE id = ?")) {
      ps.setString(1, reason);
      ps.setString(2, by);
      ps.setLong(3, id);
      ps.executeUpdate();
    }
  }

  /** Points a RESCHEDULED appointment to its replacement (part of the same change: no new version). */
  public static void pointToReplacement(Connection c, long id, long newId) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("UPDATE appointment SET rescheduled_to_id = ? WHERE id = ?")) {
      ps.setLong(1, newId);
      ps.setLong(2, id);
      ps.executeUpdate();
    }
  }

}
