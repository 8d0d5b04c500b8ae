package org.hospital.server.security;

import java.time.Duration;

/** A successful sign-in: the bearer token (shown to the client once, never stored), who signed in, and the
 * idle timeout after which the session ends. */
public record LoginResult(String token, CurrentUser user, Duration idleTimeout) {

  @Override
  public String toString() {
    return "LoginResult[user=" + user.username() + ", idleTimeout=" + idleTimeout + "]";
  }
}
