package org.hospital.server.scheduling.appointments;

import java.time.Instant;

/** What is inserted for a booking, a rescheduled booking, a member of a series or a walk-in. */
public record NewAppointment(long id, long clinicianId, long departmentId, long patientId, Instant start, Instant end,
    AppointmentStatus status, VisitType visitType, String reason, boolean walkIn, int overbookSeq,
    String overbookReason, long rescheduledFromId, SeriesPlace series) {}
