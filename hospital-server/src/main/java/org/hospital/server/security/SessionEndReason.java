package org.hospital.server.security;

/** Why a session ended. Stored by name: never rename a value, only add new ones. */
public enum SessionEndReason {
  LOGOUT, IDLE, ACCOUNT_DISABLED,
  /** An administrator ended the user's sessions (or reset the password). */
  ENDED_BY_ADMIN,
  /** The user changed their password in another session. */
  PASSWORD_CHANGED
}
