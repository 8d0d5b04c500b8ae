package org.hospital.server.security;

/** Why a login was refused, as written to the audit log. The client only ever learns the coarse reason. */
enum LoginFailure {
  UNKNOWN_USER, BAD_PASSWORD, THROTTLED, DISABLED, SECOND_FACTOR_REQUIRED, WRONG_ONE_TIME_CODE
}
