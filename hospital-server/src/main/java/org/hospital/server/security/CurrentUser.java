package org.hospital.server.security;

import io.grpc.Context;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The signed-in staff member behind the call being served, put into the gRPC {@link Context} by the
 * authentication interceptor. {@code source} is the peer address and workstation name, for the audit log.
 */
public record CurrentUser(long staffId, String username, String displayName, Set<Role> roles, String source,
    boolean passwordMustChange, boolean twoFactorSetupRequired) {

  public static final Context.Key<CurrentUser> KEY = Context.key("hospital-current-user");

  public CurrentUser {
    roles = Set.copyOf(roles);
  }

  /** A user the two-step sign-in policy asks nothing of. */
  public CurrentUser(long staffId, String username, String displayName, Set<Role> roles, String source,
      boolean passwordMustChange) {
    this(staffId, username, displayName, roles, source, passwordMustChange, false);
  }

  /** A user whose password is their own (no change required). */
  public CurrentUser(long staffId, String username, String displayName, Set<Role> roles, String source) {
    this(staffId, username, displayName, roles, source, false, false);
  }

  /** The user of the current call; only RPCs that have an authenticated rule may ask. */
  public static CurrentUser get() {
    CurrentUser user = KEY.get();
    if (user == null) {
      throw new IllegalStateException("No signed-in user in this call's context");
    }
    return user;
  }

  public boolean has(Role role) {
    return roles.contains(role);
  }

  /** Whether one of the user's roles holds the privilege (see {@link PermissionTable}). */
  public boolean holds(Privilege privilege) {
    return PermissionTable.grants(privilege, roles);
  }

  /** Roles as stored in the audit log, e.g. "ADMIN,RECEPTION". */
  public String rolesText() {
    return roles.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
  }
}
