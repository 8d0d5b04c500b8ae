package org.hospital.server.billing;

import java.time.LocalDate;

/** A charge a clerk adds by hand; {@code serviceDate} null means today, {@code appointmentId} 0 none. */
public record ManualCharge(long patientId, String itemCode, int quantity, String reason, LocalDate serviceDate,
    long appointmentId) {}
