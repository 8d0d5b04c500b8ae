package org.hospital.server.scheduling.hours;

import java.time.Instant;

/**
 * One bookable slot of a clinician. {@code sessionStart}/{@code sessionEnd} bound the session it belongs to
 * and {@code sessionCap} is that session's booking limit (0: one per slot), for templates that cap a session.
 */
public record Slot(long clinicianId, Instant start, Instant end, Instant sessionStart, Instant sessionEnd,
    int sessionCap) {}
