package org.hospital.server.scheduling.series;

import java.time.Instant;
import org.hospital.server.idempotency.IdempotencyKeys;
import org.hospital.server.scheduling.appointments.VisitType;

/** A validated request for a recurring series. {@code reason} is null when not given. */
public record SeriesCommand(String idempotencyKey, long clinicianId, long patientId, Instant firstStart,
    int occurrences, int intervalWeeks, VisitType visitType, String reason) {

  public static final int MIN_OCCURRENCES = 2;
  public static final int MAX_OCCURRENCES = 26;
  public static final int MAX_INTERVAL_WEEKS = 4;

  String fingerprint() {
    return IdempotencyKeys.fingerprint("series", clinicianId, patientId, firstStart, occurrences, intervalWeeks,
        visitType, reason);
  }
}
