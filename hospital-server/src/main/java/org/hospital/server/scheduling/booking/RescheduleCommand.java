package org.hospital.server.scheduling.booking;

import java.time.Instant;
import org.hospital.server.idempotency.IdempotencyKeys;

/** A validated reschedule request; {@code newClinicianId} 0 keeps the clinician. */
public record RescheduleCommand(String idempotencyKey, long appointmentId, long expectedVersion, Instant newStart,
    long newClinicianId, boolean overbook, String overbookReason) {

  String fingerprint() {
    return IdempotencyKeys.fingerprint("reschedule", appointmentId, expectedVersion, newStart, newClinicianId,
        overbook, overbookReason);
  }
}
