package org.hospital.server.security;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import org.hospital.server.config.ConfigException;

/**
 * Which roles must sign in in two steps ({@code two.factor.roles}): a holder of one of them who has not set up
 * an authenticator app is let in only to set it up (decision 0203).
 */
record TwoFactorPolicy(Set<Role> required) {

  static final TwoFactorPolicy NONE = new TwoFactorPolicy(Set.of());

  TwoFactorPolicy {
    required = required.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(required));
  }

  /** From the configured names; an unknown name stops the server from starting rather than being ignored. */
  static TwoFactorPolicy of(Set<String> names) {
    Set<Role> roles = EnumSet.noneOf(Role.class);
    for (String name : names) {
      try {
        roles.add(Role.valueOf(name.toUpperCase(Locale.ROOT)));
      } catch (IllegalArgumentException e) {
        throw new ConfigException("two.factor.roles: unknown role " + name + " (known: "
            + java.util.Arrays.toString(Role.values()) + ")");
      }
    }
    return new TwoFactorPolicy(roles);
  }

  boolean requires(Set<Role> roles) {
    return roles.stream().anyMatch(required::contains);
  }

  /** Whether this account must set two-step sign-in up before anything else. */
  boolean setupRequired(StaffAccount account) {
    return !account.twoFactorEnabled() && requires(account.roles());
  }
}
