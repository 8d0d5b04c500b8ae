package org.hospital.server.wards.stays;

import java.time.Instant;

/** An inpatient stay; {@code dischargedAt} and {@code destination} are null while the patient is in a bed. */
public record StayRow(long id, long patientId, long encounterId, long wardId, long bedId, long doctorId,
    String doctorName, String reason, Instant admittedAt, Instant dischargedAt, String destination, int spo2Scale,
    long version, Instant updatedAt, String updatedBy) {

  public boolean discharged() {
    return dischargedAt != null;
  }
}
