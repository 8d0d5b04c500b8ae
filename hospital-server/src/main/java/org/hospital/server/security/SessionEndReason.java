package org.hospital.server.security;

/** Why a session ended. Stored by name: never rename a value, only add new ones. */
public enum SessionEndReason {
  LOGOUT, IDLE, ACCOUNT_DISABLED
}
