package org.hospital.server.scheduling.appointments;

/** Why the patient comes; stored by name. */
public enum VisitType {
  NEW_PATIENT, FOLLOW_UP, CONSULTATION, PROCEDURE, URGENT
}
