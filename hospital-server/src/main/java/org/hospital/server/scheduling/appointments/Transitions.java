package org.hospital.server.scheduling.appointments;

import java.sql.Connection;
import java.sql.SQLException;
import org.hospital.server.errors.DomainException;

/** Guards shared by every change of an existing appointment. */
public final class Transitions {

  private Transitions() {}

  /**
   * Locks the appointment and checks that the caller saw its latest version: NOT_FOUND or STALE_VERSION (who
   * changed it and when) otherwise. The lock holds until commit, so the checks stay true.
   */
  public static AppointmentRow lockCurrent(Connection c, long id, long expectedVersion) throws SQLException {
    AppointmentRow row = AppointmentStore.lock(c, id).orElseThrow(DomainException::notFound);
    if (row.version() != expectedVersion) {
      throw DomainException.stale(row.updatedBy(), row.updatedAt(), row.version());
    }
    return row;
  }
}
