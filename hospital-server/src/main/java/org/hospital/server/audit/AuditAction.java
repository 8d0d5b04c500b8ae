package org.hospital.server.audit;

/** What happened. Stored by name: never rename a value, only add new ones. */
public enum AuditAction {
  LOGIN,
  LOGOUT,
  SESSION_EXPIRED,
  PERMISSION_DENIED,
  PATIENT_REGISTERED,
  PATIENT_UPDATED,
  PATIENT_READ,
  PATIENT_SEARCHED,
  PATIENT_DUPLICATES_SHOWN,
  AUDIT_VERIFIED
}
