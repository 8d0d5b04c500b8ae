package org.hospital.server.security;

import java.util.Optional;

/** Roles between the server's enum and the contract's. */
final class RoleMapper {

  private RoleMapper() {}

  static org.hospital.proto.auth.v1.Role toProto(Role role) {
    return switch (role) {
      case RECEPTION -> org.hospital.proto.auth.v1.Role.ROLE_RECEPTION;
      case NURSE -> org.hospital.proto.auth.v1.Role.ROLE_NURSE;
      case DOCTOR -> org.hospital.proto.auth.v1.Role.ROLE_DOCTOR;
      case BILLING -> org.hospital.proto.auth.v1.Role.ROLE_BILLING;
      case ADMIN -> org.hospital.proto.auth.v1.Role.ROLE_ADMIN;
      case LAB -> org.hospital.proto.auth.v1.Role.ROLE_LAB;
    };
  }

  /** Empty for ROLE_UNSPECIFIED and values this server does not know. */
  static Optional<Role> fromProto(org.hospital.proto.auth.v1.Role role) {
    return switch (role) {
      case ROLE_RECEPTION -> Optional.of(Role.RECEPTION);
      case ROLE_NURSE -> Optional.of(Role.NURSE);
      case ROLE_DOCTOR -> Optional.of(Role.DOCTOR);
      case ROLE_BILLING -> Optional.of(Role.BILLING);
      case ROLE_ADMIN -> Optional.of(Role.ADMIN);
      case ROLE_LAB -> Optional.of(Role.LAB);
      case ROLE_UNSPECIFIED, UNRECOGNIZED -> Optional.empty();
    };
  }
}
