package org.hospital.server.audit;

/** What happened. Stored by name: never rename a value, only add new ones. */
public enum AuditAction {
  LOGIN,
  LOGOUT,
  SESSION_EXPIRED,
  /** Failed sign-ins started delaying a name at an address, or an address (detail: key, count, until). */
  SIGN_IN_THROTTLED,
  /** An administrator forgot a sign-in throttle. */
  SIGN_IN_THROTTLE_CLEARED,
  PERMISSION_DENIED,
  PATIENT_REGISTERED,
  PATIENT_UPDATED,
  PATIENT_READ,
  PATIENT_SEARCHED,
  PATIENT_DUPLICATES_SHOWN,
  AUDIT_VERIFIED,
  APPOINTMENT_BOOKED,
  APPOINTMENT_OVERBOOKED,
  APPOINTMENT_RESCHEDULED,
  APPOINTMENT_CANCELLED,
  APPOINTMENT_CHECKED_IN,
  APPOINTMENT_STATUS_CHANGED,
  SCHEDULE_VIEWED,
  SCHEDULE_CHANGED,
  WAIT_LIST_ADDED,
  WAIT_LIST_REMOVED,
  /** A doctor called the next patient from another clinician's queue, covering for them, with the reason. */
  QUEUE_COVERED,
  /** A chart RPC returned patient data (summary, encounter, list); one entry per call. */
  CHART_READ,
  ENCOUNTER_STARTED,
  ENCOUNTER_ENDED,
  NOTE_SAVED,
  NOTE_SIGNED,
  NOTE_ADDENDUM_ADDED,
  DIAGNOSES_SET,
  PROBLEM_ADDED,
  PROBLEM_UPDATED,
  ALLERGY_RECORDED,
  ALLERGY_UPDATED,
  NO_KNOWN_DRUG_ALLERGIES_RECORDED,
  PRESCRIPTION_SIGNED,
  /** An interruptive prescribing alert was overridden; the detail holds the alert and the reason given. */
  PRESCRIPTION_ALERT_OVERRIDDEN,
  PRESCRIPTION_STOPPED,
  PRESCRIPTION_PRINTED,
  FORMULARY_PRODUCT_ADDED,
  /** A staff account was created (detail: username, roles; actor: the administrator or the command line). */
  STAFF_ACCOUNT_CREATED,
  /** An administrator replaced an account's roles (detail: username, old and new roles). */
  STAFF_ROLES_CHANGED,
  /** An administrator set a new password its user must change (detail: username). */
  STAFF_PASSWORD_RESET,
  STAFF_ACCOUNT_LOCKED,
  STAFF_ACCOUNT_UNLOCKED,
  /** An administrator ended an account's open sessions (detail: username, how many). */
  STAFF_SESSIONS_ENDED,
  /** A user changed their own password (success) or gave a wrong current password (failure). */
  PASSWORD_CHANGED,
  /** An administrator made a backup (detail: its directory, the audit head it holds). */
  BACKUP_CREATED,
  /** A signed checkpoint of the chain head was appended to checkpoints.log (decision 0007). */
  AUDIT_CHECKPOINT,
  /** A user started setting up two-step sign-in (a new secret, not yet asked for at sign-in). */
  TWO_FACTOR_SETUP_STARTED,
  /** A user's code from the app confirmed the secret: sign-in now asks for one-time codes. */
  TWO_FACTOR_ENABLED,
  /** An administrator turned an account's two-step sign-in off (detail: username, sessions ended). */
  TWO_FACTOR_RESET,
  /** A recovery code signed a user in in place of a one-time code (detail: how many are left). */
  RECOVERY_CODE_USED,
  /** A user made new recovery codes with a code from the app; the old ones no longer sign in. */
  RECOVERY_CODES_REPLACED,
  /** A doctor ordered lab tests (detail: order, accession, tests, priority). */
  LAB_ORDER_PLACED,
  LAB_SPECIMEN_COLLECTED,
  LAB_SPECIMEN_RECEIVED,
  /** A lab order was cancelled before any result (detail: the reason). */
  LAB_ORDER_CANCELLED,
  /** Results were entered at the lab desk (detail: how many values, how many flagged, preliminary or final). */
  LAB_RESULTS_RECORDED,
  /** A final result was corrected (detail: analyte, old and new value, reason). */
  LAB_RESULT_CORRECTED,
  LAB_LABEL_PRINTED,
  BILLING_ACCOUNT_READ,
  BILLING_PRICE_SET,
  CHARGE_CAPTURED,
  CHARGE_ADDED,
  CHARGE_REVERSED,
  INVOICE_CREATED,
  INVOICE_ISSUED,
  INVOICE_PRINTED,
  PAYMENT_TAKEN,
  RECEIPT_PRINTED,
  /** A patient was admitted to a bed (detail: stay, bed, encounter). */
  PATIENT_ADMITTED,
  /** A patient moved to another bed (detail: stay, from and to bed). */
  PATIENT_TRANSFERRED,
  /** A stay ended (detail: stay, destination). */
  PATIENT_DISCHARGED,
  /** A bed changed state without a patient: cleaned, blocked, reserved, released (detail: bed, states). */
  BED_STATE_CHANGED,
  /** Someone opened the bed board (detail: the patients on it). */
  BED_BOARD_VIEWED,
  /** A set of vital signs was recorded (detail: stay, NEWS2 total and escalation). */
  VITALS_RECORDED,
  /** Someone read a stay's vital signs. */
  VITALS_VIEWED,
  /** A clinician moved a stay to another NEWS2 SpO2 scale (detail: stay, old and new scale). */
  SPO2_SCALE_SET,
  /** A patient's wristband was printed (detail: stay, which print of the stay). */
  WRISTBAND_PRINTED,
  /** A sheet of patient labels was printed (detail: stay, how many labels). */
  PATIENT_LABELS_PRINTED,
  /** A doctor opened the results inbox (detail: the orders in it). */
  RESULTS_INBOX_VIEWED,
  /** The ordering doctor acknowledged an order's results (detail: order, version seen). */
  LAB_RESULTS_ACKNOWLEDGED,
  /** A draft invoice was given up; its charges are open again (detail: invoice, charges reopened). */
  INVOICE_DISCARDED,
  /** A credit note corrected an issued invoice (detail: note and invoice numbers, kind, total, reason). */
  CREDIT_NOTE_ISSUED,
  CREDIT_NOTE_PRINTED
}
