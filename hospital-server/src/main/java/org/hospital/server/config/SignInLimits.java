package org.hospital.server.config;

import java.time.Duration;
import java.util.Set;

/**
 * How failed sign-ins are throttled: per name at one address ({@code nameFree} failures before delays begin,
 * {@code nameDailyCap} a day at most) and per address for all names together; delays double from one second
 * up to {@code maxDelay}. NIST SP 800-63B allows at most 100 failures per account before it must stop
 * attempts; the name cap is per address, so keep it well under that. {@code twoFactorRoles} names the roles
 * (as in {@code two.factor.roles}, e.g. "ADMIN") whose holders must sign in with a one-time code as well.
 */
public record SignInLimits(int nameFree, int nameDailyCap, int addressFree, int addressDailyCap,
    Duration maxDelay, Set<String> twoFactorRoles) {

  public static final SignInLimits DEFAULT = new SignInLimits(3, 20, 10, 100, Duration.ofMinutes(5));

  /** Without any role that must use two-step sign-in. */
  public SignInLimits(int nameFree, int nameDailyCap, int addressFree, int addressDailyCap, Duration maxDelay) {
    this(nameFree, nameDailyCap, addressFree, addressDailyCap, maxDelay, Set.of());
  }

  public SignInLimits {
    if (nameFree < 1 || nameDailyCap <= nameFree || addressFree < 1 || addressDailyCap <= addressFree
        || maxDelay.isNegative() || maxDelay.isZero()) {
      throw new IllegalArgumentException("sign-in limits need 1 <= free < daily cap and a positive delay");
    }
    twoFactorRoles = Set.copyOf(twoFactorRoles);
  }
}
