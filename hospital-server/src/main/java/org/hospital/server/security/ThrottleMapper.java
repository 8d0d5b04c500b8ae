package org.hospital.server.security;

import static org.hospital.server.errors.ProtoDates.timestamp;

import java.time.Instant;
import org.hospital.proto.auth.v1.ThrottleScope;

/** Sign-in throttles as administrators see them. */
final class ThrottleMapper {

  private ThrottleMapper() {}

  static org.hospital.proto.auth.v1.SignInThrottle toProto(SignInThrottle t, boolean capped, Instant now) {
    var b = org.hospital.proto.auth.v1.SignInThrottle.newBuilder()
        .setKey(t.key())
        .setScope(t.scope() == SignInThrottle.Scope.ADDRESS ? ThrottleScope.THROTTLE_SCOPE_ADDRESS
            : ThrottleScope.THROTTLE_SCOPE_NAME_AT_ADDRESS)
        .setUsername(t.username() == null ? "" : t.username())
        .setAddress(t.address())
        .setLastWorkstation(t.lastWorkstation())
        .setFailures(t.failures())
        .setWindowStart(timestamp(t.windowStart()))
        .setLastFailureAt(timestamp(t.lastFailureAt()))
        .setCapped(capped);
    t.blockedAt(now).ifPresent(until -> b.setBlockedUntil(timestamp(until)));
    return b.build();
  }
}
