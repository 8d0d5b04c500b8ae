package org.hospital.client.session;

import java.time.Duration;
import java.util.List;
import org.hospital.proto.auth.v1.Role;

/** A signed-in staff member as the server described them at login. */
public record Session(String token, long staffId, String username, String displayName, List<Role> roles,
    Duration idleTimeout) {

  public Session {
    roles = List.copyOf(roles);
  }

  public boolean hasAnyOf(java.util.Collection<Role> wanted) {
    return roles.stream().anyMatch(wanted::contains);
  }
}
