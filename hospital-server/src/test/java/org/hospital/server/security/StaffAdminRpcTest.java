package org.hospital.server.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.Channel;
import io.grpc.ClientInterceptors;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.MetadataUtils;
import java.util.List;
import java.util.Map;
import org.hospital.proto.auth.v1.AuthServiceGrpc;
import org.hospital.proto.auth.v1.ChangeOwnPasswordRequest;
import org.hospital.proto.auth.v1.CreateStaffRequest;
import org.hospital.proto.auth.v1.EndStaffSessionsRequest;
import org.hospital.proto.auth.v1.GetCurrentUserRequest;
import org.hospital.proto.auth.v1.ListSignInThrottlesRequest;
import org.hospital.proto.auth.v1.ListStaffRequest;
import org.hospital.proto.auth.v1.LockStaffRequest;
import org.hospital.proto.auth.v1.LoginRequest;
import org.hospital.proto.auth.v1.LoginResponse;
import org.hospital.proto.auth.v1.ResetStaffPasswordRequest;
import org.hospital.proto.auth.v1.Role;
import org.hospital.proto.auth.v1.StaffAccountSummary;
import org.hospital.proto.auth.v1.StaffAdminServiceGrpc;
import org.hospital.proto.auth.v1.UnlockStaffRequest;
import org.hospital.proto.auth.v1.UpdateStaffRolesRequest;
import org.hospital.server.testing.Errors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Staff administration as a client sees it, through the real (in-process) gRPC server with the real auth
 * interceptor, on H2 and PostgreSQL: who may call it, what bad input leaves unchanged, what is audited, and
 * what locking, resetting and ending sessions do to the user's sign-in.
 */
class StaffAdminRpcTest {

  private static final String NEW_PASSWORD = "Fresh-Start-2027";
  private static final String OWN_PASSWORD = "My-Own-Choice-99";

  private SecurityFixture f;
  private AuthRpcServer server;
  private String admin;

  private void start(String kind) {
    f = SecurityFixture.open(kind);
    server = new AuthRpcServer(f);
    f.staff("adam", org.hospital.server.security.Role.ADMIN);
    f.staff("rita", org.hospital.server.security.Role.RECEPTION);
    admin = login("adam", SecurityFixture.PASSWORD).getSessionToken();
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
      f.close();
    }
  }

  private Channel as(String token) {
    Metadata headers = new Metadata();
    headers.put(AuthInterceptor.AUTHORIZATION, "Bearer " + token);
    return ClientInterceptors.intercept(server.channel(), MetadataUtils.newAttachHeadersInterceptor(headers));
  }

  private StaffAdminServiceGrpc.StaffAdminServiceBlockingStub staffAs(String token) {
    return StaffAdminServiceGrpc.newBlockingStub(as(token));
  }

  private AuthServiceGrpc.AuthServiceBlockingStub authAs(String token) {
    return AuthServiceGrpc.newBlockingStub(as(token));
  }

  private LoginResponse login(String username, String password) {
    return AuthServiceGrpc.newBlockingStub(server.channel()).login(LoginRequest.newBuilder()
        .setUsername(username).setPassword(password).setWorkstation("ward-3").build());
  }

  private static StatusRuntimeException fails(Status.Code code, String reason, Runnable call) {
    StatusRuntimeException e = assertThrows(StatusRuntimeException.class, call::run);
    assertEquals(code, e.getStatus().getCode(), e::toString);
    assertEquals(reason, Errors.info(e).getReason());
    return e;
  }

  private StaffAccountSummary account(String username) {
    return staffAs(admin).listStaff(ListStaffRequest.getDefaultInstance()).getAccountsList().stream()
        .filter(a -> a.getUsername().equals(username)).findFirst().orElseThrow();
  }

  private StaffAccountSummary create(String username, Role... roles) {
    return staffAs(admin).createStaff(CreateStaffRequest.newBuilder().setUsername(username)
        .setDisplayName("Nurse " + username).addAllRoles(List.of(roles)).setInitialPassword(NEW_PASSWORD)
        .build()).getAccount();
  }

  private List<AuditRows.Row> audited(String action) {
    return AuditRows.all(f.db()).stream().filter(r -> r.action().equals(action)).toList();
  }

  @ParameterizedTest
  @MethodSource("org.hospital.server.testing.TestDatabases#kinds")
  void onlyAdministratorsManageStaffAndTheRefusalIsAudited(String kind) {
    start(kind);
    String rita = login("rita", SecurityFixture.PASSWORD).getSessionToken();
    long ritaId = account("rita").getStaffId();
    List<Runnable> calls = List.of(
        () -> staffAs(rita).listStaff(ListStaffRequest.getDefaultInstance()),
        () -> staffAs(rita).createStaff(CreateStaffRequest.newBuilder().setUsername("nina")
            .setDisplayName("Nina").addRoles(Role.ROLE_NURSE).setInitialPassword(NEW_PASSWORD).build()),
        () -> staffAs(rita).updateStaffRoles(UpdateStaffRolesRequest.newBuilder().setStaffId(ritaId)
            .setVersion(1).addRoles(Role.ROLE_ADMIN).build()),
        () -> staffAs(rita).resetStaffPassword(ResetStaffPasswordRequest.newBuilder().setStaffId(ritaId)
            .setVersion(1).setNewPassword(NEW_PASSWORD).build()),
        () -> staffAs(rita).lockStaff(LockStaffRequest.newBuilder().setStaffId(ritaId).setVersion(1).build()),
        () -> staffAs(rita).unlockStaff(UnlockStaffRequest.newBuilder().setStaffId(ritaId).setVersion(1).build()),
        () -> staffAs(rita).endStaffSessions(EndStaffSessionsRequest.newBuilder().setStaffId(ritaId).build()));
    int deniedBefore = audited("PERMISSION_DENIED").size();
    for (Runnable call : calls) {
      fails(Status.Code.PERMISSION_DENIED, "PERMISSION_DENIED", call);
    }
    assertEquals(deniedBefore + calls.size(), audited("PERMISSION_DENIED").size());
    assertEquals(List.of(org.hospital.server.security.Role.RECEPTION.name()), List.of(
        AuditRows.all(f.db()).stream().filter(r -> r.action().equals("PERMISSION_DENIED")).toList().getLast()
            .roles()));
    assertEquals(2, staffAs(admin).listStaff(ListStaffRequest.getDefaultInstance()).getAccountsCount(),
        "nothing was created");
    assertEquals(List.of(Role.ROLE_RECEPTION), account("rita").getRolesList());
  }

  @ParameterizedTest
  @MethodSource("org.hospital.server.testing.TestDatabases#kinds")
  void aNewAccountMustChangeItsPasswordBeforeAnythingElse(String kind) {
    start(kind);
    // an administrator, so that the permission table lets her through and only the must-change flag stops her
    StaffAccountSummary nina = create("nina", Role.ROLE_NURSE, Role.ROLE_ADMIN);
    assertTrue(nina.getPasswordMustChange());
    assertFalse(nina.getLocked());
    assertFalse(nina.hasLastSignIn());
    assertEquals("adam", audited("STAFF_ACCOUNT_CREATED").getLast().actor());
    assertEquals("nina ADMIN,NURSE", audited("STAFF_ACCOUNT_CREATED").getLast().detail());

    LoginResponse login = login("nina", NEW_PASSWORD);
    assertTrue(login.getPasswordMustChange());
    String token = login.getSessionToken();
    assertTrue(authAs(token).getCurrentUser(GetCurrentUserRequest.getDefaultInstance()).getPasswordMustChange());
    // the server refuses the workspace until the password is the user's own
    fails(Status.Code.FAILED_PRECONDITION, "PASSWORD_CHANGE_REQUIRED",
        () -> authAs(token).listSignInThrottles(ListSignInThrottlesRequest.getDefaultInstance()));

    // the same password again is no change
    StatusRuntimeException same = fails(Status.Code.INVALID_ARGUMENT, "VALIDATION_FAILED",
        () -> authAs(token).changeOwnPassword(ChangeOwnPasswordRequest.newBuilder()
            .setCurrentPassword(NEW_PASSWORD).setNewPassword(NEW_PASSWORD).build()));
    assertEquals(Map.of("new_password", "DUPLICATE"), Errors.violations(same));
    StatusRuntimeException wrong = fails(Status.Code.INVALID_ARGUMENT, "VALIDATION_FAILED",
        () -> authAs(token).changeOwnPassword(ChangeOwnPasswordRequest.newBuilder()
            .setCurrentPassword("Not-The-Password-1").setNewPassword(OWN_PASSWORD).build()));
    assertEquals(Map.of("current_password", "DOES_NOT_MATCH"), Errors.violations(wrong));
    assertEquals("FAILURE", audited("PASSWORD_CHANGED").getLast().outcome());
    StatusRuntimeException weak = fails(Status.Code.INVALID_ARGUMENT, "VALIDATION_FAILED",
        () -> authAs(token).changeOwnPassword(ChangeOwnPasswordRequest.newBuilder()
            .setCurrentPassword(NEW_PASSWORD).setNewPassword("short").build()));
    assertEquals(Map.of("new_password", "WEAK_PASSWORD"), Errors.violations(weak));
    assertTrue(account("nina").getPasswordMustChange(), "refused changes change nothing");

    authAs(token).changeOwnPassword(ChangeOwnPasswordRequest.newBuilder().setCurrentPassword(NEW_PASSWORD)
        .setNewPassword(OWN_PASSWORD).build());
    assertEquals("SUCCESS", audited("PASSWORD_CHANGED").getLast().outcome());
    assertFalse(authAs(token).getCurrentUser(GetCurrentUserRequest.getDefaultInstance()).getPasswordMustChange());
    assertEquals(0, authAs(token).listSignInThrottles(ListSignInThrottlesRequest.getDefaultInstance())
        .getThrottlesCount());
    assertFalse(login("nina", OWN_PASSWORD).getPasswordMustChange());
    fails(Status.Code.UNAUTHENTICATED, "BAD_CREDENTIALS", () -> login("nina", NEW_PASSWORD));
    StaffAccountSummary after = account("nina");
    assertFalse(after.getPasswordMustChange());
    assertTrue(after.hasLastSignIn());
  }

  @ParameterizedTest
  @MethodSource("org.hospital.server.testing.TestDatabases#kinds")
  void badInputIsRefusedWithFieldViolationsAndChangesNothing(String kind) {
    start(kind);
    StatusRuntimeException created = fails(Status.Code.INVALID_ARGUMENT, "VALIDATION_FAILED",
        () -> staffAs(admin).createStaff(CreateStaffRequest.newBuilder().setUsername("Bad Name")
            .setDisplayName("").setInitialPassword("weak").build()));
    assertEquals(Map.of("roles", "REQUIRED"), Errors.violations(created),
        "roles are checked first, then the account's fields");
    StatusRuntimeException fields = fails(Status.Code.INVALID_ARGUMENT, "VALIDATION_FAILED",
        () -> staffAs(admin).createStaff(CreateStaffRequest.newBuilder().setUsername("Bad Name")
            .setDisplayName("").addRoles(Role.ROLE_NURSE).setInitialPassword("weak").build()));
    assertEquals(Map.of("username", "INVALID_CHARACTERS", "display_name", "REQUIRED",
        "initial_password", "WEAK_PASSWORD"), Errors.violations(fields));
    fails(Status.Code.ALREADY_EXISTS, "ALREADY_EXISTS", () -> create("rita", Role.ROLE_NURSE));

    StaffAccountSummary rita = account("rita");
    StatusRuntimeException roles = fails(Status.Code.INVALID_ARGUMENT, "VALIDATION_FAILED",
        () -> staffAs(admin).updateStaffRoles(UpdateStaffRolesRequest.newBuilder().setStaffId(rita.getStaffId())
            .setVersion(rita.getVersion()).addRoles(Role.ROLE_NURSE).addRoles(Role.ROLE_NURSE).build()));
    assertEquals(Map.of("roles", "DUPLICATE"), Errors.violations(roles));
    StatusRuntimeException unknown = fails(Status.Code.INVALID_ARGUMENT, "VALIDATION_FAILED",
        () -> staffAs(admin).updateStaffRoles(UpdateStaffRolesRequest.newBuilder().setStaffId(rita.getStaffId())
            .setVersion(rita.getVersion()).addRoles(Role.ROLE_UNSPECIFIED).build()));
    assertEquals(Map.of("roles", "UNKNOWN_VALUE"), Errors.violations(unknown));
    StatusRuntimeException target = fails(Status.Code.INVALID_ARGUMENT, "VALIDATION_FAILED",
        () -> staffAs(admin).lockStaff(LockStaffRequest.getDefaultInstance()));
    assertEquals(Map.of("staff_id", "REQUIRED", "version", "REQUIRED"), Errors.violations(target));
    StatusRuntimeException reset = fails(Status.Code.INVALID_ARGUMENT, "VALIDATION_FAILED",
        () -> staffAs(admin).resetStaffPassword(ResetStaffPasswordRequest.newBuilder()
            .setStaffId(rita.getStaffId()).setVersion(rita.getVersion()).setNewPassword("rita-Password-1").build()));
    assertEquals(Map.of("new_password", "WEAK_PASSWORD"), Errors.violations(reset), "contains the username");
    fails(Status.Code.NOT_FOUND, "NOT_FOUND", () -> staffAs(admin).lockStaff(LockStaffRequest.newBuilder()
        .setStaffId(rita.getStaffId() + 1000).setVersion(1).build()));

    // an administrator does not shut themselves out
    StaffAccountSummary adam = account("adam");
    fails(Status.Code.FAILED_PRECONDITION, "OWN_ACCOUNT", () -> staffAs(admin).lockStaff(LockStaffRequest
        .newBuilder().setStaffId(adam.getStaffId()).setVersion(adam.getVersion()).build()));
    fails(Status.Code.FAILED_PRECONDITION, "OWN_ACCOUNT", () -> staffAs(admin).updateStaffRoles(
        UpdateStaffRolesRequest.newBuilder().setStaffId(adam.getStaffId()).setVersion(adam.getVersion())
            .addRoles(Role.ROLE_DOCTOR).build()));

    assertEquals(rita, account("rita"));
    assertEquals(adam, account("adam"));
    assertEquals(2, staffAs(admin).listStaff(ListStaffRequest.getDefaultInstance()).getAccountsCount());
    assertEquals(List.of(), audited("STAFF_ROLES_CHANGED"));
    assertEquals(List.of(), audited("STAFF_ACCOUNT_LOCKED"));
  }

  @ParameterizedTest
  @MethodSource("org.hospital.server.testing.TestDatabases#kinds")
  void rolesChangeWithTheVersionSeenAndAStaleEditIsRefused(String kind) {
    start(kind);
    StaffAccountSummary rita = account("rita");
    StaffAccountSummary changed = staffAs(admin).updateStaffRoles(UpdateStaffRolesRequest.newBuilder()
        .setStaffId(rita.getStaffId()).setVersion(rita.getVersion()).addRoles(Role.ROLE_RECEPTION)
        .addRoles(Role.ROLE_BILLING).build()).getAccount();
    assertEquals(List.of(Role.ROLE_RECEPTION, Role.ROLE_BILLING), changed.getRolesList());
    assertTrue(changed.getVersion() > rita.getVersion());
    assertEquals("rita RECEPTION -> BILLING,RECEPTION", audited("STAFF_ROLES_CHANGED").getLast().detail());

    StatusRuntimeException stale = fails(Status.Code.ABORTED, "STALE_VERSION",
        () -> staffAs(admin).updateStaffRoles(UpdateStaffRolesRequest.newBuilder().setStaffId(rita.getStaffId())
            .setVersion(rita.getVersion()).addRoles(Role.ROLE_ADMIN).build()));
    Map<String, String> meta = Errors.info(stale).getMetadataMap();
    assertEquals("adam", meta.get("updated_by"));
    assertEquals(Long.toString(changed.getVersion()), meta.get("current_version"));
    assertEquals(changed.getRolesList(), account("rita").getRolesList());
    assertEquals(1, audited("STAFF_ROLES_CHANGED").size());
  }

  @ParameterizedTest
  @MethodSource("org.hospital.server.testing.TestDatabases#kinds")
  void aLockedAccountCannotSignInAndItsSessionsEnd(String kind) {
    start(kind);
    String rita = login("rita", SecurityFixture.PASSWORD).getSessionToken();
    StaffAccountSummary before = account("rita");
    assertEquals(1, before.getOpenSessions());
    StaffAccountSummary locked = staffAs(admin).lockStaff(LockStaffRequest.newBuilder()
        .setStaffId(before.getStaffId()).setVersion(before.getVersion()).build()).getAccount();
    assertTrue(locked.getLocked());
    assertEquals(0, locked.getOpenSessions());
    assertFalse(f.security.sessions().stillOpen(rita), "live streams check this and end");
    fails(Status.Code.UNAUTHENTICATED, "SESSION_EXPIRED",
        () -> authAs(rita).getCurrentUser(GetCurrentUserRequest.getDefaultInstance()));
    fails(Status.Code.UNAUTHENTICATED, "ACCOUNT_DISABLED", () -> login("rita", SecurityFixture.PASSWORD));
    assertEquals("rita sessions ended 1", audited("STAFF_ACCOUNT_LOCKED").getLast().detail());

    StaffAccountSummary unlocked = staffAs(admin).unlockStaff(UnlockStaffRequest.newBuilder()
        .setStaffId(locked.getStaffId()).setVersion(locked.getVersion()).build()).getAccount();
    assertFalse(unlocked.getLocked());
    assertEquals("adam", audited("STAFF_ACCOUNT_UNLOCKED").getLast().actor());
    assertEquals("rita", login("rita", SecurityFixture.PASSWORD).getUser().getUsername());
  }

  @ParameterizedTest
  @MethodSource("org.hospital.server.testing.TestDatabases#kinds")
  void endingSessionsSignsTheUserOutEverywhereAndAResetForcesANewPassword(String kind) {
    start(kind);
    String one = login("rita", SecurityFixture.PASSWORD).getSessionToken();
    String two = login("rita", SecurityFixture.PASSWORD).getSessionToken();
    long ritaId = account("rita").getStaffId();
    assertEquals(2, staffAs(admin).endStaffSessions(EndStaffSessionsRequest.newBuilder().setStaffId(ritaId)
        .build()).getEnded());
    for (String token : List.of(one, two)) {
      assertFalse(f.security.sessions().stillOpen(token));
      fails(Status.Code.UNAUTHENTICATED, "SESSION_EXPIRED",
          () -> authAs(token).getCurrentUser(GetCurrentUserRequest.getDefaultInstance()));
    }
    assertEquals("rita 2", audited("STAFF_SESSIONS_ENDED").getLast().detail());
    assertEquals(0, staffAs(admin).endStaffSessions(EndStaffSessionsRequest.newBuilder().setStaffId(ritaId)
        .build()).getEnded());

    String three = login("rita", SecurityFixture.PASSWORD).getSessionToken();
    StaffAccountSummary rita = account("rita");
    StaffAccountSummary reset = staffAs(admin).resetStaffPassword(ResetStaffPasswordRequest.newBuilder()
        .setStaffId(ritaId).setVersion(rita.getVersion()).setNewPassword(NEW_PASSWORD).build()).getAccount();
    assertTrue(reset.getPasswordMustChange());
    assertFalse(f.security.sessions().stillOpen(three));
    assertEquals("rita sessions ended 1", audited("STAFF_PASSWORD_RESET").getLast().detail());
    fails(Status.Code.UNAUTHENTICATED, "BAD_CREDENTIALS", () -> login("rita", SecurityFixture.PASSWORD));
    assertTrue(login("rita", NEW_PASSWORD).getPasswordMustChange());
  }
}
