package org.hospital.client.session;

import java.time.Duration;
import java.util.List;
import org.hospital.proto.auth.v1.Role;

/** A signed-in staff member as the server described them at login. */
public record Session(String token, long staffId, String username, String displayName, List<Role> roles,
    Duration idleTimeout, boolean passwordMustChange) {

  public Session {
    roles = List.copyOf(roles);
  }

  /** A session whose password is the user's own. */
  public Session(String token, long staffId, String username, String displayName, List<Role> roles,
      Duration idleTimeout) {
    this(token, staffId, username, displayName, roles, idleTimeout, false);
  }

  /** The same session once the user has chosen their own password. */
  public Session withPasswordChanged() {
    return new Session(token, staffId, username, displayName, roles, idleTimeout, false);
  }

  public boolean hasAnyOf(java.util.Collection<Role> wanted) {
    return roles.stream().anyMatch(wanted::contains);
  }
}
