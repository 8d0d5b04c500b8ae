package org.hospital.client.staff;

import java.util.List;
import java.util.Set;
import org.hospital.client.connection.ServerConnection;
import org.hospital.proto.auth.v1.CreateStaffRequest;
import org.hospital.proto.auth.v1.EndStaffSessionsRequest;
import org.hospital.proto.auth.v1.ListStaffRequest;
import org.hospital.proto.auth.v1.LockStaffRequest;
import org.hospital.proto.auth.v1.ResetStaffPasswordRequest;
import org.hospital.proto.auth.v1.Role;
import org.hospital.proto.auth.v1.StaffAccountSummary;
import org.hospital.proto.auth.v1.StaffAdminServiceGrpc;
import org.hospital.proto.auth.v1.UnlockStaffRequest;
import org.hospital.proto.auth.v1.UpdateStaffRolesRequest;

/** {@link StaffGateway} over the StaffAdminService; the channel adds the session and the deadline. */
public final class GrpcStaffGateway implements StaffGateway {

  private final ServerConnection connection;

  public GrpcStaffGateway(ServerConnection connection) {
    this.connection = connection;
  }

  @Override
  public List<StaffAccountSummary> list() {
    return stub().listStaff(ListStaffRequest.getDefaultInstance()).getAccountsList();
  }

  @Override
  public StaffAccountSummary create(String username, String displayName, Set<Role> roles, String initialPassword) {
    return stub().createStaff(CreateStaffRequest.newBuilder().setUsername(username).setDisplayName(displayName)
        .addAllRoles(sorted(roles)).setInitialPassword(initialPassword).build()).getAccount();
  }

  @Override
  public StaffAccountSummary updateRoles(long staffId, long version, Set<Role> roles) {
    return stub().updateStaffRoles(UpdateStaffRolesRequest.newBuilder().setStaffId(staffId).setVersion(version)
        .addAllRoles(sorted(roles)).build()).getAccount();
  }

  @Override
  public StaffAccountSummary resetPassword(long staffId, long version, String newPassword) {
    return stub().resetStaffPassword(ResetStaffPasswordRequest.newBuilder().setStaffId(staffId)
        .setVersion(version).setNewPassword(newPassword).build()).getAccount();
  }

  @Override
  public StaffAccountSummary resetTwoFactor(long staffId, long version) {
    return stub().resetStaffTwoFactor(org.hospital.proto.auth.v1.ResetStaffTwoFactorRequest.newBuilder()
        .setStaffId(staffId).setVersion(version).build()).getAccount();
  }

  @Override
  public StaffAccountSummary setLocked(long staffId, long version, boolean locked) {
    return locked
        ? stub().lockStaff(LockStaffRequest.newBuilder().setStaffId(staffId).setVersion(version).build())
            .getAccount()
        : stub().unlockStaff(UnlockStaffRequest.newBuilder().setStaffId(staffId).setVersion(version).build())
            .getAccount();
  }

  @Override
  public int endSessions(long staffId) {
    return stub().endStaffSessions(EndStaffSessionsRequest.newBuilder().setStaffId(staffId).build()).getEnded();
  }

  private static List<Role> sorted(Set<Role> roles) {
    return roles.stream().sorted().toList();
  }

  private StaffAdminServiceGrpc.StaffAdminServiceBlockingStub stub() {
    return StaffAdminServiceGrpc.newBlockingStub(connection.channel());
  }
}
