package org.hospital.server.scheduling.visits;

import org.hospital.server.scheduling.appointments.VisitType;

/** A validated walk-in: a patient who arrives without a booking and joins the clinician's queue. */
public record WalkInCommand(long patientId, long clinicianId, VisitType visitType, String reason) {}
