package org.hospital.server.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class RoleMapperTest {

  @Test
  void everyRoleRoundTripsThroughTheContract() {
    for (Role role : Role.values()) {
      org.hospital.proto.auth.v1.Role proto = RoleMapper.toProto(role);
      assertEquals("ROLE_" + role.name(), proto.name());
      assertEquals(Optional.of(role), RoleMapper.fromProto(proto));
    }
  }

  @Test
  void unspecifiedAndUnknownRolesMapToNothing() {
    assertTrue(RoleMapper.fromProto(org.hospital.proto.auth.v1.Role.ROLE_UNSPECIFIED).isEmpty());
    assertTrue(RoleMapper.fromProto(org.hospital.proto.auth.v1.Role.UNRECOGNIZED).isEmpty());
  }
}
