package org.hospital.server.security;

/**
 * What a user may do or see inside an RPC they are allowed to call: the finer grain below the method rules
 * of {@link PermissionTable}, which also says which roles hold each privilege.
 */
public enum Privilege {
  /** Read clinical free text (a visit's reason, notes): those who treat the patient. */
  READ_CLINICAL_TEXT,
  /** Call the next patient from another clinician's queue, saying why; audited. */
  COVER_CLINICIAN_QUEUE,
  /** Book on top of an existing appointment, saying why; audited. */
  OVERBOOK,
  /** Create staff accounts, set their roles, reset passwords, lock and unlock, end sessions; audited. */
  MANAGE_STAFF
}
