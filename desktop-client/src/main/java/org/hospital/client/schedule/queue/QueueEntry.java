package org.hospital.client.schedule.queue;

import org.hospital.proto.scheduling.v1.Appointment;

/**
 * One line of the arrivals list or the waiting room, already in words; {@code checkInRefusal} says why the
 * patient cannot be checked in now (empty when they can).
 */
public record QueueEntry(Appointment appointment, String time, String patient, String clinician, String visitType,
    String waited, String checkInRefusal) {

  public QueueEntry(Appointment appointment, String time, String patient, String clinician, String visitType,
      String waited) {
    this(appointment, time, patient, clinician, visitType, waited, "");
  }

  QueueEntry withRefusal(String refusal) {
    return new QueueEntry(appointment, time, patient, clinician, visitType, waited, refusal);
  }
}
