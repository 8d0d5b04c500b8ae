package org.hospital.server.audit;

/** Whether the audited action went through. Stored by name. */
public enum AuditOutcome {
  SUCCESS, FAILURE, DENIED
}
