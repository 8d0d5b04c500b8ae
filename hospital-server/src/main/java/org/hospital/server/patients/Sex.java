package org.hospital.server.patients;

/** Administrative sex as recorded at registration. Stored by name. */
public enum Sex {
  FEMALE, MALE, OTHER, UNKNOWN
}
