package org.hospital.client.staff;

import java.util.List;
import java.util.Set;
import org.hospital.proto.auth.v1.Role;
import org.hospital.proto.auth.v1.StaffAccountSummary;

/** Staff accounts, for administrators. Blocking calls: run them through the TaskRunner. */
public interface StaffGateway {

  List<StaffAccountSummary> list();

  StaffAccountSummary create(String username, String displayName, Set<Role> roles, String initialPassword);

  StaffAccountSummary updateRoles(long staffId, long version, Set<Role> roles);

  StaffAccountSummary resetPassword(long staffId, long version, String newPassword);

  /** Turns the account's two-step sign-in off (a lost phone) and ends its sessions. */
  StaffAccountSummary resetTwoFactor(long staffId, long version);

  StaffAccountSummary setLocked(long staffId, long version, boolean locked);

  /** How many sessions were ended. */
  int endSessions(long staffId);
}
