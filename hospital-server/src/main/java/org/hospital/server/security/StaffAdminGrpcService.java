package org.hospital.server.security;

import io.grpc.stub.StreamObserver;
import org.hospital.proto.auth.v1.CreateStaffRequest;
import org.hospital.proto.auth.v1.EndStaffSessionsRequest;
import org.hospital.proto.auth.v1.EndStaffSessionsResponse;
import org.hospital.proto.auth.v1.ListStaffRequest;
import org.hospital.proto.auth.v1.ListStaffResponse;
import org.hospital.proto.auth.v1.LockStaffRequest;
import org.hospital.proto.auth.v1.ResetStaffPasswordRequest;
import org.hospital.proto.auth.v1.StaffAccountResponse;
import org.hospital.proto.auth.v1.StaffAdminServiceGrpc;
import org.hospital.proto.auth.v1.UnlockStaffRequest;
import org.hospital.proto.auth.v1.UpdateStaffRolesRequest;
import org.hospital.proto.common.v1.FieldViolationCode;
import org.hospital.server.errors.Violations;

/** The StaffAdminService RPCs: request checks and mapping around {@link StaffAdministration}. */
final class StaffAdminGrpcService extends StaffAdminServiceGrpc.StaffAdminServiceImplBase {

  private final StaffAdministration administration;

  StaffAdminGrpcService(StaffAdministration administration) {
    this.administration = administration;
  }

  @Override
  public void listStaff(ListStaffRequest request, StreamObserver<ListStaffResponse> response) {
    ListStaffResponse.Builder b = ListStaffResponse.newBuilder();
    administration.list().stream().map(StaffMapper::toProto).forEach(b::addAccounts);
    response.onNext(b.build());
    response.onCompleted();
  }

  @Override
  public void createStaff(CreateStaffRequest request, StreamObserver<StaffAccountResponse> response) {
    Violations v = new Violations();
    var roles = StaffMapper.roles(request.getRolesList(), v);
    v.throwIfAny();
    // username, display name and password are checked with the account's own rules
    reply(response, administration.create(CurrentUser.get(), request.getUsername(), request.getDisplayName(),
        request.getInitialPassword(), roles));
  }

  @Override
  public void updateStaffRoles(UpdateStaffRolesRequest request, StreamObserver<StaffAccountResponse> response) {
    Violations v = new Violations();
    checkTarget(request.getStaffId(), request.getVersion(), v);
    var roles = StaffMapper.roles(request.getRolesList(), v);
    v.throwIfAny();
    reply(response, administration.updateRoles(CurrentUser.get(), request.getStaffId(), request.getVersion(),
        roles));
  }

  @Override
  public void resetStaffPassword(ResetStaffPasswordRequest request,
      StreamObserver<StaffAccountResponse> response) {
    Violations v = new Violations();
    checkTarget(request.getStaffId(), request.getVersion(), v);
    v.throwIfAny();
    reply(response, administration.resetPassword(CurrentUser.get(), request.getStaffId(), request.getVersion(),
        request.getNewPassword()));
  }

  @Override
  public void resetStaffTwoFactor(org.hospital.proto.auth.v1.ResetStaffTwoFactorRequest request,
      StreamObserver<StaffAccountResponse> response) {
    Violations v = new Violations();
    checkTarget(request.getStaffId(), request.getVersion(), v);
    v.throwIfAny();
    reply(response, administration.resetTwoFactor(CurrentUser.get(), request.getStaffId(), request.getVersion()));
  }

  @Override
  public void lockStaff(LockStaffRequest request, StreamObserver<StaffAccountResponse> response) {
    Violations v = new Violations();
    checkTarget(request.getStaffId(), request.getVersion(), v);
    v.throwIfAny();
    reply(response, administration.setLocked(CurrentUser.get(), request.getStaffId(), request.getVersion(),
        true));
  }

  @Override
  public void unlockStaff(UnlockStaffRequest request, StreamObserver<StaffAccountResponse> response) {
    Violations v = new Violations();
    checkTarget(request.getStaffId(), request.getVersion(), v);
    v.throwIfAny();
    reply(response, administration.setLocked(CurrentUser.get(), request.getStaffId(), request.getVersion(),
        false));
  }

  @Override
  public void endStaffSessions(EndStaffSessionsRequest request,
      StreamObserver<EndStaffSessionsResponse> response) {
    Violations v = new Violations();
    if (request.getStaffId() <= 0) {
      v.add("staff_id", FieldViolationCode.REQUIRED);
    }
    v.throwIfAny();
    int ended = administration.endSessions(CurrentUser.get(), request.getStaffId());
    response.onNext(EndStaffSessionsResponse.newBuilder().setEnded(ended).build());
    response.onCompleted();
  }

  private static void checkTarget(long staffId, long version, Violations v) {
    if (staffId <= 0) {
      v.add("staff_id", FieldViolationCode.REQUIRED);
    }
    if (version <= 0) {
      v.add("version", FieldViolationCode.REQUIRED);
    }
  }

  private static void reply(StreamObserver<StaffAccountResponse> response, StaffListing listing) {
    response.onNext(StaffAccountResponse.newBuilder().setAccount(StaffMapper.toProto(listing)).build());
    response.onCompleted();
  }
}
