package org.hospital.server.scheduling.feed;

/** What a schedule event says happened; stored by name, the same names as on the wire. */
public enum ScheduleEventType {
  APPOINTMENT_BOOKED, APPOINTMENT_MOVED, APPOINTMENT_CANCELLED, PATIENT_CHECKED_IN, APPOINTMENT_STATUS_CHANGED,
  CLINICIAN_UNAVAILABLE, CLINICIAN_AVAILABLE_AGAIN
}
