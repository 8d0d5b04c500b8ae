package org.hospital.server.security;

import static org.hospital.server.errors.ProtoDates.timestamp;

import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.hospital.proto.auth.v1.StaffAccountSummary;
import org.hospital.proto.common.v1.FieldViolationCode;
import org.hospital.server.errors.Violations;

/** Staff accounts as administrators see them, and roles from requests. */
final class StaffMapper {

  private StaffMapper() {}

  static StaffAccountSummary toProto(StaffListing listing) {
    StaffAccount a = listing.account();
    StaffAccountSummary.Builder b = StaffAccountSummary.newBuilder()
        .setStaffId(a.id())
        .setUsername(a.username())
        .setDisplayName(a.displayName())
        .setLocked(!a.enabled())
        .setPasswordMustChange(a.passwordMustChange())
        .setTwoFactorEnabled(a.twoFactorEnabled())
        .setOpenSessions(listing.openSessions())
        .setVersion(a.version());
    a.roles().stream().sorted(Comparator.naturalOrder()).map(RoleMapper::toProto).forEach(b::addRoles);
    listing.lastSignIn().ifPresent(t -> b.setLastSignIn(timestamp(t)));
    return b.build();
  }

  /** The roles of a request: at least one, each known, none twice (violations on {@code roles}). */
  static Set<Role> roles(List<org.hospital.proto.auth.v1.Role> given, Violations v) {
    Set<Role> roles = EnumSet.noneOf(Role.class);
    if (given.isEmpty()) {
      v.add("roles", FieldViolationCode.REQUIRED);
    }
    for (org.hospital.proto.auth.v1.Role r : given) {
      Optional<Role> role = RoleMapper.fromProto(r);
      if (role.isEmpty()) {
        v.add("roles", FieldViolationCode.UNKNOWN_VALUE);
        return roles;
      }
      if (!roles.add(role.get())) {
        v.add("roles", FieldViolationCode.DUPLICATE);
        return roles;
      }
    }
    return roles;
  }
}
