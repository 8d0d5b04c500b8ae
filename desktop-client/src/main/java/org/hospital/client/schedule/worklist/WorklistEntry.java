package org.hospital.client.schedule.worklist;

import org.hospital.proto.scheduling.v1.Appointment;

/** One patient on the doctor's list for today, already in words. */
public record WorklistEntry(Appointment appointment, String time, String patient, String visitType, String status,
    String since) {
}
