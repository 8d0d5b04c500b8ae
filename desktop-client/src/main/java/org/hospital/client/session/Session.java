package org.hospital.client.session;

import java.time.Duration;
import java.util.List;
import org.hospital.proto.auth.v1.Role;

/** A signed-in staff member as the server described them at login. */
public record Session(String token, long staffId, String username, String displayName, List<Role> roles,
    Duration idleTimeout, boolean passwordMustChange, boolean twoFactorSetupRequired) {

  public Session {
    roles = List.copyOf(roles);
  }

  /** A session the two-step sign-in policy asks nothing of. */
  public Session(String token, long staffId, String username, String displayName, List<Role> roles,
      Duration idleTimeout, boolean passwordMustChange) {
    this(token, staffId, username, displayName, roles, idleTimeout, passwordMustChange, false);
  }

  /** A session whose password is the user's own. */
  public Session(String token, long staffId, String username, String displayName, List<Role> roles,
      Duration idleTimeout) {
    this(token, staffId, username, displayName, roles, idleTimeout, false, false);
  }

  /** The same session once the user has set up two-step sign-in. */
  public Session withTwoFactorSetUp() {
    return new Session(token, staffId, username, displayName, roles, idleTimeout, passwordMustChange, false);
  }

  /** The same session once the user has chosen their own password. */
  public Session withPasswordChanged() {
    return new Session(token, staffId, username, displayName, roles, idleTimeout, false, twoFactorSetupRequired);
  }

  public boolean hasAnyOf(java.util.Collection<Role> wanted) {
    return roles.stream().anyMatch(wanted::contains);
  }
}
