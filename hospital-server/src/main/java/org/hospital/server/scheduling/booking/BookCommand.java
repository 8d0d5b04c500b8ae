package org.hospital.server.scheduling.booking;

import java.time.Instant;
import org.hospital.server.idempotency.IdempotencyKeys;
import org.hospital.server.scheduling.appointments.VisitType;

/**
 * A validated booking request. {@code reason} and {@code overbookReason} are null when not given;
 * {@code waitListEntryId} is 0 unless the patient is booked off the wait list.
 */
public record BookCommand(String idempotencyKey, long clinicianId, long patientId, Instant start,
    VisitType visitType, String reason, boolean overbook, String overbookReason, long waitListEntryId) {

  String fingerprint() {
    return IdempotencyKeys.fingerprint("book", clinicianId, patientId, start, visitType, reason, overbook,
        overbookReason, waitListEntryId);
  }
}
