package org.hospital.server.scheduling.appointments;

import java.time.Instant;

/**
 * An appointment as stored, with the patient's name and MRN joined in for lists and queues. Nullable fields
 * are null when not set (not yet checked in, never cancelled...); ids that are not set are 0.
 */
public record AppointmentRow(
    long id,
    long clinicianId,
    long departmentId,
    long patientId,
    String patientName,
    String patientMrn,
    Instant start,
    Instant end,
    AppointmentStatus status,
    VisitType visitType,
    String reason,
    boolean walkIn,
    boolean overbooked,
    String overbookReason,
    Instant checkedInAt,
    Instant consultationStartedAt,
    Instant completedAt,
    String cancelReason,
    String cancelledBy,
    long rescheduledFromId,
    long rescheduledToId,
    String updatedBy,
    Instant updatedAt,
    long version,
    SeriesPlace series,
    boolean clinicianUnavailable) {}
