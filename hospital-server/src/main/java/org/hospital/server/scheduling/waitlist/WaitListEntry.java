package org.hospital.server.scheduling.waitlist;

import java.time.Instant;
import java.time.LocalDate;
import org.hospital.server.scheduling.appointments.VisitType;

/** A patient waiting for a clinician (or anyone in a department, clinicianId 0) between two days. */
public record WaitListEntry(long id, long patientId, String patientName, String patientMrn, long clinicianId,
    long departmentId, LocalDate earliest, LocalDate latest, VisitType visitType, String reason, Instant addedAt,
    String addedBy, boolean open, String updatedBy, Instant updatedAt, long version) {}
