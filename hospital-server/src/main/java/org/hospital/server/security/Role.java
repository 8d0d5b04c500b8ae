package org.hospital.server.security;

/** What a staff member does at the hospital; a user may hold several. */
public enum Role {
  RECEPTION, NURSE, DOCTOR, BILLING, ADMIN, LAB
}
