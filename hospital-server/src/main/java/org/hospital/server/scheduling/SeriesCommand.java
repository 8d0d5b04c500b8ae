package org.hospital.server.scheduling;

import java.time.Instant;
import org.hospital.server.idempotency.IdempotencyKeys;

/** A validated request for a recurring series. {@code reason} is null when not given. */
public record SeriesCommand(String idempotencyKey, long clinicianId, long patientId, Instant firstStart,
    int occurrences, int intervalWeeks, VisitType visitType, String reason) {

  static final int MIN_OCCURRENCES = 2;
  static final int MAX_OCCURRENCES = 26;
  static final int MAX_INTERVAL_WEEKS = 4;

  String fingerprint() {
    return IdempotencyKeys.fingerprint("series", clinicianId, patientId, firstStart, occurrences, intervalWeeks,
        visitType, reason);
  }
}
