package org.hospital.server.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.Empty;
import com.google.rpc.ErrorInfo;
import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientInterceptors;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.stub.ClientCalls;
import io.grpc.stub.MetadataUtils;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.hospital.proto.audit.v1.AuditServiceGrpc;
import org.hospital.proto.audit.v1.VerifyAuditChainRequest;
import org.hospital.proto.auth.v1.AuthServiceGrpc;
import org.hospital.proto.auth.v1.ClearSignInThrottleRequest;
import org.hospital.proto.auth.v1.ListSignInThrottlesRequest;
import org.hospital.proto.auth.v1.ThrottleScope;
import org.hospital.proto.auth.v1.GetCurrentUserRequest;
import org.hospital.proto.auth.v1.GetCurrentUserResponse;
import org.hospital.proto.auth.v1.LoginRequest;
import org.hospital.proto.auth.v1.LoginResponse;
import org.hospital.proto.auth.v1.LogoutRequest;
import org.hospital.proto.auth.v1.StaffUser;
import org.hospital.server.errors.ErrorMappingInterceptor;
import org.hospital.server.testing.Errors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Sign-in, sessions and permissions as a client sees them, through a real (in-process) gRPC server on H2. */
class AuthRpcTest {

  private static final String VERIFY = AuditServiceGrpc.getVerifyAuditChainMethod().getFullMethodName();
  private static final String GET_CURRENT_USER = AuthServiceGrpc.getGetCurrentUserMethod().getFullMethodName();

  private SecurityFixture f;
  private AuthRpcServer server;

  @BeforeEach
  void start() {
    f = SecurityFixture.open("h2");
    server = new AuthRpcServer(f);
    f.staff("rita", Role.RECEPTION);
    f.staff("adam", Role.ADMIN, Role.DOCTOR);
  }

  @AfterEach
  void stop() {
    server.close();
    f.close();
  }

  private AuthServiceGrpc.AuthServiceBlockingStub auth() {
    return AuthServiceGrpc.newBlockingStub(server.channel());
  }

  private Channel as(String token) {
    Metadata headers = new Metadata();
    headers.put(AuthInterceptor.AUTHORIZATION, "Bearer " + token);
    return ClientInterceptors.intercept(server.channel(), MetadataUtils.newAttachHeadersInterceptor(headers));
  }

  private AuthServiceGrpc.AuthServiceBlockingStub authAs(String token) {
    return AuthServiceGrpc.newBlockingStub(as(token));
  }

  private LoginResponse login(String username, String password) {
    return auth().login(LoginRequest.newBuilder().setUsername(username).setPassword(password)
        .setWorkstation("ward-3").build());
  }

  private static StatusRuntimeException fails(Status.Code code, String reason, Runnable call) {
    StatusRuntimeException e = assertThrows(StatusRuntimeException.class, call::run);
    assertEquals(code, e.getStatus().getCode());
    assertEquals(reason, Errors.info(e).getReason());
    return e;
  }

  @Test
  void loginReturnsTokenUserAndIdleTimeoutAndTheTokenIdentifiesTheCaller() {
    LoginResponse login = login("adam", SecurityFixture.PASSWORD);
    assertTrue(login.getUser().getStaffId() > 0, "the staff id comes with the user");
    StaffUser expected = StaffUser.newBuilder().setUsername("adam").setDisplayName("Test adam")
        .addRoles(org.hospital.proto.auth.v1.Role.ROLE_DOCTOR).addRoles(org.hospital.proto.auth.v1.Role.ROLE_ADMIN)
        .setStaffId(login.getUser().getStaffId()).build();
    assertEquals(expected, login.getUser());
    assertEquals(900, login.getIdleTimeoutSeconds());

    GetCurrentUserResponse me = AuthServiceGrpc.newBlockingStub(as(login.getSessionToken()))
        .getCurrentUser(GetCurrentUserRequest.getDefaultInstance());
    assertEquals(expected, me.getUser());
    assertEquals(900, me.getIdleTimeoutSeconds());
    assertTrue(AuditRows.all(f.db()).stream().anyMatch(r -> r.action().equals("LOGIN")
        && r.outcome().equals("SUCCESS") && r.source().endsWith(" ward-3")));
  }

  @Test
  void wrongPasswordAndUnknownUserAreTheSameBadCredentials() {
    StatusRuntimeException wrong = fails(Status.Code.UNAUTHENTICATED, "BAD_CREDENTIALS",
        () -> login("rita", "Wrong-Password-1"));
    StatusRuntimeException unknown = fails(Status.Code.UNAUTHENTICATED, "BAD_CREDENTIALS",
        () -> login("ghost", "Wrong-Password-1"));
    assertEquals(Errors.info(wrong), Errors.info(unknown));
    assertEquals(wrong.getStatus().getDescription(), unknown.getStatus().getDescription());
  }

  @Test
  void repeatedFailuresAreThrottledWithTheInstantOfTheNextCheck() {
    for (int i = 0; i < SecurityFixture.LIMITS.nameFree(); i++) {
      fails(Status.Code.UNAUTHENTICATED, "BAD_CREDENTIALS", () -> login("rita", "Wrong-Password-1"));
    }
    Instant until = f.clock.instant().plusSeconds(1);
    StatusRuntimeException throttled = fails(Status.Code.RESOURCE_EXHAUSTED, "SIGN_IN_THROTTLED",
        () -> login("rita", SecurityFixture.PASSWORD));
    ErrorInfo info = Errors.info(throttled);
    assertEquals(ErrorMappingInterceptor.DOMAIN, info.getDomain());
    assertEquals(Map.of("retry_after", until.truncatedTo(java.time.temporal.ChronoUnit.MICROS).toString()),
        info.getMetadataMap());
    f.clock.advance(Duration.ofSeconds(1));
    assertEquals("rita", login("rita", SecurityFixture.PASSWORD).getUser().getUsername());
  }

  @Test
  void administratorsSeeAndClearThrottlesAndNoOneElseDoes() {
    for (int i = 0; i < SecurityFixture.LIMITS.nameFree(); i++) {
      fails(Status.Code.UNAUTHENTICATED, "BAD_CREDENTIALS", () -> login("ghost", "Wrong-Password-1"));
    }
    String rita = login("rita", SecurityFixture.PASSWORD).getSessionToken();
    fails(Status.Code.PERMISSION_DENIED, "PERMISSION_DENIED", () -> authAs(rita)
        .listSignInThrottles(ListSignInThrottlesRequest.getDefaultInstance()));
    String adam = login("adam", SecurityFixture.PASSWORD).getSessionToken();
    var listed = authAs(adam).listSignInThrottles(ListSignInThrottlesRequest.getDefaultInstance());
    var ghost = listed.getThrottlesList().stream().filter(t -> t.getUsername().equals("ghost")).findFirst()
        .orElseThrow();
    assertEquals(SecurityFixture.LIMITS.nameFree(), ghost.getFailures());
    assertEquals(ThrottleScope.THROTTLE_SCOPE_NAME_AT_ADDRESS, ghost.getScope());
    assertTrue(ghost.hasBlockedUntil());
    assertTrue(listed.getThrottlesList().stream().anyMatch(t -> t.getScope() == ThrottleScope.THROTTLE_SCOPE_ADDRESS),
        listed.toString());
    fails(Status.Code.INVALID_ARGUMENT, "VALIDATION_FAILED", () -> authAs(adam)
        .clearSignInThrottle(ClearSignInThrottleRequest.getDefaultInstance()));
    assertTrue(authAs(adam).clearSignInThrottle(ClearSignInThrottleRequest.newBuilder().setKey(ghost.getKey())
        .build()).getCleared());
    fails(Status.Code.UNAUTHENTICATED, "BAD_CREDENTIALS", () -> login("ghost", "Wrong-Password-1"));
    assertEquals("SIGN_IN_THROTTLE_CLEARED", AuditRows.all(f.db()).stream()
        .filter(r -> r.actor().equals("adam")).map(AuditRows.Row::action)
        .filter(a -> a.startsWith("SIGN_IN")).findFirst().orElseThrow());
  }

  @Test
  void anIdleSessionExpiresAndLogoutEndsASession() {
    String first = login("rita", SecurityFixture.PASSWORD).getSessionToken();
    String second = login("rita", SecurityFixture.PASSWORD).getSessionToken();
    AuthServiceGrpc.newBlockingStub(as(second)).logout(LogoutRequest.getDefaultInstance());
    fails(Status.Code.UNAUTHENTICATED, "SESSION_EXPIRED",
        () -> AuthServiceGrpc.newBlockingStub(as(second)).getCurrentUser(GetCurrentUserRequest.getDefaultInstance()));

    f.clock.advance(SecurityFixture.IDLE.plusSeconds(1));
    fails(Status.Code.UNAUTHENTICATED, "SESSION_EXPIRED",
        () -> AuthServiceGrpc.newBlockingStub(as(first)).getCurrentUser(GetCurrentUserRequest.getDefaultInstance()));
  }

  @Test
  void aCallWithoutAValidTokenIsUnauthenticatedAndAudited() {
    fails(Status.Code.UNAUTHENTICATED, "SESSION_EXPIRED",
        () -> auth().getCurrentUser(GetCurrentUserRequest.getDefaultInstance()));
    fails(Status.Code.UNAUTHENTICATED, "SESSION_EXPIRED",
        () -> AuthServiceGrpc.newBlockingStub(as("made-up")).getCurrentUser(GetCurrentUserRequest.getDefaultInstance()));
    List<AuditRows.Row> denials = AuditRows.all(f.db()).stream()
        .filter(r -> r.action().equals("PERMISSION_DENIED")).toList();
    assertEquals(2, denials.size());
    for (AuditRows.Row r : denials) {
      assertEquals(List.of(AuthInterceptor.ANONYMOUS, GET_CURRENT_USER, "DENIED"),
          List.of(r.actor(), r.detail(), r.outcome()));
    }
  }

  @Test
  void aRoleOutsideTheRuleIsDeniedAndAuditedWhileTheRightRolePasses() {
    String rita = login("rita", SecurityFixture.PASSWORD).getSessionToken();
    fails(Status.Code.PERMISSION_DENIED, "PERMISSION_DENIED",
        () -> AuditServiceGrpc.newBlockingStub(as(rita)).verifyAuditChain(VerifyAuditChainRequest.getDefaultInstance()));
    AuditRows.Row denial = AuditRows.last(f.db());
    assertEquals(List.of("rita", "RECEPTION", "PERMISSION_DENIED", VERIFY, "DENIED"),
        List.of(denial.actor(), denial.roles(), denial.action(), denial.detail(), denial.outcome()));
    assertTrue(denial.source().endsWith(" ward-3"), denial.source());

    String adam = login("adam", SecurityFixture.PASSWORD).getSessionToken();
    assertTrue(AuditServiceGrpc.newBlockingStub(as(adam))
        .verifyAuditChain(VerifyAuditChainRequest.getDefaultInstance()).getIntact());
  }

  @Test
  void aMethodWithoutARuleIsDeniedToEveryone() {
    String adam = login("adam", SecurityFixture.PASSWORD).getSessionToken();
    fails(Status.Code.PERMISSION_DENIED, "PERMISSION_DENIED", () -> ClientCalls.blockingUnaryCall(as(adam),
        AuthRpcServer.UNLISTED, CallOptions.DEFAULT, Empty.getDefaultInstance()));
    assertEquals(List.of("adam", AuthRpcServer.UNLISTED.getFullMethodName()),
        List.of(AuditRows.last(f.db()).actor(), AuditRows.last(f.db()).detail()));
    fails(Status.Code.UNAUTHENTICATED, "SESSION_EXPIRED", () -> ClientCalls.blockingUnaryCall(server.channel(),
        AuthRpcServer.UNLISTED, CallOptions.DEFAULT, Empty.getDefaultInstance()));
  }

  @Test
  void publicMethodsNeedNoSession() {
    assertEquals(HealthCheckResponse.ServingStatus.SERVING, HealthGrpc.newBlockingStub(server.channel())
        .check(HealthCheckRequest.getDefaultInstance()).getStatus());
  }

  @Test
  void badLoginInputIsRejectedFieldByFieldAndWritesNothing() {
    long auditBefore = Rows.count(f.db(), "audit_entry");
    StatusRuntimeException e = fails(Status.Code.INVALID_ARGUMENT, "VALIDATION_FAILED",
        () -> auth().login(LoginRequest.newBuilder().setUsername("")
            .setPassword("x".repeat(AuthGrpcService.PASSWORD_MAX + 1)).setWorkstation("ward\n3").build()));
    assertEquals(Map.of("username", "REQUIRED", "password", "TOO_LONG", "workstation", "INVALID_CHARACTERS"),
        Errors.violations(e));
    assertEquals("128", Errors.info(e).getMetadataMap().get("password.max_length"));

    e = fails(Status.Code.INVALID_ARGUMENT, "VALIDATION_FAILED",
        () -> auth().login(LoginRequest.newBuilder().setUsername("rita\u0000").setPassword("")
            .setWorkstation("w".repeat(AuthGrpcService.WORKSTATION_MAX + 1)).build()));
    assertEquals(Map.of("username", "INVALID_CHARACTERS", "password", "REQUIRED", "workstation", "TOO_LONG"),
        Errors.violations(e));

    fails(Status.Code.INVALID_ARGUMENT, "VALIDATION_FAILED", () -> auth().login(LoginRequest.newBuilder()
        .setUsername("r".repeat(AuthGrpcService.USERNAME_MAX + 1)).setPassword(SecurityFixture.PASSWORD).build()));

    assertEquals(auditBefore, Rows.count(f.db(), "audit_entry"));
    assertEquals(0, Rows.count(f.db(), "staff_session"));
    assertEquals(0, Rows.count(f.db(), "sign_in_throttle"), "refused as malformed: not an attempt, not counted");
  }

  @Test
  void loginDoesNotLeakThePasswordIntoTheAuditLog() {
    assertThrows(StatusRuntimeException.class, () -> login("rita", "Secret-Guess-42"));
    assertTrue(AuditRows.all(f.db()).stream().noneMatch(r -> (r.detail() + r.source()).contains("Secret-Guess")));
  }

  @Test
  void theIdleTimerCountsFromTheLastCall() {
    String token = login("rita", SecurityFixture.PASSWORD).getSessionToken();
    AuthServiceGrpc.AuthServiceBlockingStub stub = AuthServiceGrpc.newBlockingStub(as(token));
    for (int i = 0; i < 3; i++) {
      f.clock.advance(SecurityFixture.IDLE.minus(Duration.ofSeconds(1)));
      assertEquals("rita", stub.getCurrentUser(GetCurrentUserRequest.getDefaultInstance()).getUser().getUsername());
    }
  }
}
