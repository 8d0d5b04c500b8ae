package org.hospital.client.schedule.queue;

import org.hospital.proto.scheduling.v1.Appointment;

/** One line of the arrivals list or the waiting room, already in words. */
public record QueueEntry(Appointment appointment, String time, String patient, String clinician, String visitType,
    String waited) {
}
