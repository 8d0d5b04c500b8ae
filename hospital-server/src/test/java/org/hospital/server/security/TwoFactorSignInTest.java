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
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.hospital.proto.auth.v1.AuthServiceGrpc;
import org.hospital.proto.auth.v1.BeginTwoFactorSetupRequest;
import org.hospital.proto.auth.v1.BeginTwoFactorSetupResponse;
import org.hospital.proto.auth.v1.ConfirmTwoFactorSetupRequest;
import org.hospital.proto.auth.v1.GetCurrentUserRequest;
import org.hospital.proto.auth.v1.ListStaffRequest;
import org.hospital.proto.auth.v1.LoginRequest;
import org.hospital.proto.auth.v1.LoginResponse;
import org.hospital.proto.auth.v1.ReplaceRecoveryCodesRequest;
import org.hospital.proto.auth.v1.ResetStaffTwoFactorRequest;
import org.hospital.proto.auth.v1.StaffAccountSummary;
import org.hospital.proto.auth.v1.StaffAdminServiceGrpc;
import org.hospital.server.config.SignInLimits;
import org.hospital.server.testing.Errors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Two-step sign-in as a workstation meets it, through the real gRPC services and auth interceptor, on H2 and
 * PostgreSQL, with administrators required to use it: an administrator is let in only to set it up; the app's
 * code turns it on and gives recovery codes; from then on the password alone is not enough, a code works once,
 * a recovery code once, a wrong code counts like a wrong password; another administrator can reset it.
 */
class TwoFactorSignInTest {

  private static final SignInLimits ADMINS_IN_TWO_STEPS = new SignInLimits(3, 20, 10, 100, Duration.ofMinutes(5),
      Set.of("ADMIN"));

  private final OneTimeCodes app = new OneTimeCodes("Test Hospital");
  private SecurityFixture f;
  private AuthRpcServer server;

  private void start(String kind) {
    f = SecurityFixture.open(kind, ADMINS_IN_TWO_STEPS);
    server = new AuthRpcServer(f);
    f.staff("adam", Role.ADMIN);
    f.staff("ada", Role.ADMIN);
    f.staff("rita", Role.RECEPTION);
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

  private AuthServiceGrpc.AuthServiceBlockingStub auth(String token) {
    return AuthServiceGrpc.newBlockingStub(as(token));
  }

  private LoginResponse login(String username, String code) {
    return AuthServiceGrpc.newBlockingStub(server.channel()).login(LoginRequest.newBuilder()
        .setUsername(username).setPassword(SecurityFixture.PASSWORD).setOneTimeCode(code).setWorkstation("it-1")
        .build());
  }

  private static void fails(Status.Code code, String reason, Runnable call) {
    StatusRuntimeException e = assertThrows(StatusRuntimeException.class, call::run);
    assertEquals(code, e.getStatus().getCode(), e::toString);
    assertEquals(reason, Errors.info(e).getReason());
  }

  private String codeNow(String secret) {
    return app.codeFor(secret, OneTimeCodes.step(f.clock.instant()));
  }

  /** Signs adam in for the first time and sets up his app; the secret the app holds. */
  private String setUp(List<String> recovery) {
    LoginResponse first = login("adam", "");
    assertTrue(first.getTwoFactorSetupRequired(), "the policy asks administrators for two steps");
    BeginTwoFactorSetupResponse started = auth(first.getSessionToken())
        .beginTwoFactorSetup(BeginTwoFactorSetupRequest.getDefaultInstance());
    recovery.addAll(auth(first.getSessionToken()).confirmTwoFactorSetup(ConfirmTwoFactorSetupRequest.newBuilder()
        .setCode(codeNow(started.getSecret())).build()).getRecoveryCodesList());
    return started.getSecret();
  }

  @ParameterizedTest
  @MethodSource("org.hospital.server.testing.TestDatabases#kinds")
  void anAdministratorIsLetInOnlyToSetItUpAndThenSignsInWithTheAppsCode(String kind) {
    start(kind);
    LoginResponse first = login("adam", "");
    assertTrue(first.getTwoFactorSetupRequired());
    String token = first.getSessionToken();
    fails(Status.Code.FAILED_PRECONDITION, "TWO_FACTOR_SETUP_REQUIRED",
        () -> StaffAdminServiceGrpc.newBlockingStub(as(token)).listStaff(ListStaffRequest.getDefaultInstance()));
    assertEquals("PERMISSION_DENIED", AuditRows.last(f.db()).action());

    BeginTwoFactorSetupResponse started = auth(token).beginTwoFactorSetup(BeginTwoFactorSetupRequest.getDefaultInstance());
    assertEquals(32, started.getSecret().length());
    assertTrue(started.getOtpauthUri().startsWith("otpauth://totp/"), started.getOtpauthUri());
    assertTrue(started.getOtpauthUri().contains("secret=" + started.getSecret()));
    assertEquals(0x89, started.getQrPng().byteAt(0) & 0xff, "a PNG image");

    // a code of another secret is refused field by field, and the account stays as it was
    String otherSecret = app.newSecret();
    StatusRuntimeException wrong = assertThrows(StatusRuntimeException.class, () -> auth(token)
        .confirmTwoFactorSetup(ConfirmTwoFactorSetupRequest.newBuilder().setCode(codeNow(otherSecret)).build()));
    assertEquals(Status.Code.INVALID_ARGUMENT, wrong.getStatus().getCode());
    assertEquals(java.util.Map.of("code", "DOES_NOT_MATCH"), Errors.violations(wrong));
    assertTrue(auth(token).getCurrentUser(GetCurrentUserRequest.getDefaultInstance()).getTwoFactorSetupRequired());

    List<String> recovery = auth(token).confirmTwoFactorSetup(ConfirmTwoFactorSetupRequest.newBuilder()
        .setCode(codeNow(started.getSecret())).build()).getRecoveryCodesList();
    assertEquals(RecoveryCodes.COUNT, recovery.size());
    assertEquals(RecoveryCodes.COUNT, recovery.stream().distinct().count());
    assertEquals("TWO_FACTOR_ENABLED", AuditRows.last(f.db()).action());
    // the same session goes on, now let in everywhere its roles allow
    assertEquals(3, StaffAdminServiceGrpc.newBlockingStub(as(token)).listStaff(ListStaffRequest.getDefaultInstance())
        .getAccountsCount());
    assertTrue(auth(token).getCurrentUser(GetCurrentUserRequest.getDefaultInstance()).getTwoFactorEnabled());
    fails(Status.Code.FAILED_PRECONDITION, "INVALID_TRANSITION",
        () -> auth(token).beginTwoFactorSetup(BeginTwoFactorSetupRequest.getDefaultInstance()));

    // the password alone is no longer enough, and says so without counting as a failure
    fails(Status.Code.UNAUTHENTICATED, "SECOND_FACTOR_REQUIRED", () -> login("adam", ""));
    // the code that confirmed the set-up was used: not again in its own 30 seconds
    fails(Status.Code.UNAUTHENTICATED, "WRONG_ONE_TIME_CODE", () -> login("adam", codeNow(started.getSecret())));
    f.clock.advance(Duration.ofSeconds(OneTimeCodes.PERIOD_SECONDS));
    String next = codeNow(started.getSecret());
    LoginResponse second = login("adam", next);
    assertFalse(second.getTwoFactorSetupRequired());
    fails(Status.Code.UNAUTHENTICATED, "WRONG_ONE_TIME_CODE", () -> login("adam", next));
  }

  @ParameterizedTest
  @MethodSource("org.hospital.server.testing.TestDatabases#kinds")
  void aRecoveryCodeSignsInOnceAndWrongCodesAreThrottledLikeWrongPasswords(String kind) {
    start(kind);
    List<String> recovery = new java.util.ArrayList<>();
    setUp(recovery);

    String spoken = recovery.getFirst().toUpperCase(java.util.Locale.ROOT).replace("-", " ");
    login("adam", spoken);
    assertEquals("RECOVERY_CODE_USED", AuditRows.all(f.db()).stream()
        .filter(r -> r.actor().equals("adam")).toList().reversed().get(1).action());
    fails(Status.Code.UNAUTHENTICATED, "WRONG_ONE_TIME_CODE", () -> login("adam", recovery.getFirst()));

    // wrong codes count against the name at this address like wrong passwords: the fourth is delayed
    fails(Status.Code.UNAUTHENTICATED, "WRONG_ONE_TIME_CODE", () -> login("adam", "000000"));
    fails(Status.Code.UNAUTHENTICATED, "WRONG_ONE_TIME_CODE", () -> login("adam", "123456"));
    fails(Status.Code.RESOURCE_EXHAUSTED, "SIGN_IN_THROTTLED", () -> login("adam", recovery.get(1)));
  }

  @ParameterizedTest
  @MethodSource("org.hospital.server.testing.TestDatabases#kinds")
  void newRecoveryCodesTakeACurrentCodeFromTheAppAndTheOldOnesStopWorking(String kind) {
    start(kind);
    List<String> old = new java.util.ArrayList<>();
    String secret = setUp(old);
    f.clock.advance(Duration.ofSeconds(OneTimeCodes.PERIOD_SECONDS));
    String code = codeNow(secret);
    String token = login("adam", code).getSessionToken();

    // the code that signed in was used: not again, and neither a recovery code nor a wrong code will do
    fails(Status.Code.INVALID_ARGUMENT, "VALIDATION_FAILED", () -> auth(token).replaceRecoveryCodes(
        ReplaceRecoveryCodesRequest.newBuilder().setCode(code).build()));
    fails(Status.Code.INVALID_ARGUMENT, "VALIDATION_FAILED", () -> auth(token).replaceRecoveryCodes(
        ReplaceRecoveryCodesRequest.newBuilder().setCode(old.getFirst()).build()));
    f.clock.advance(Duration.ofSeconds(OneTimeCodes.PERIOD_SECONDS));
    List<String> fresh = auth(token).replaceRecoveryCodes(ReplaceRecoveryCodesRequest.newBuilder()
        .setCode(codeNow(secret)).build()).getRecoveryCodesList();
    assertEquals(10, fresh.size());
    assertTrue(java.util.Collections.disjoint(old, fresh));
    assertEquals("RECOVERY_CODES_REPLACED", AuditRows.last(f.db()).action());

    fails(Status.Code.UNAUTHENTICATED, "WRONG_ONE_TIME_CODE", () -> login("adam", old.get(1)));
    assertFalse(login("adam", fresh.getFirst()).getSessionToken().isEmpty());

    // a session that keeps guessing ends: five wrong codes, and the next sign-in needs the phone again
    for (int i = 0; i < 4; i++) {
      fails(Status.Code.INVALID_ARGUMENT, "VALIDATION_FAILED", () -> auth(token).replaceRecoveryCodes(
          ReplaceRecoveryCodesRequest.newBuilder().setCode("000000").build()));
    }
    fails(Status.Code.UNAUTHENTICATED, "SESSION_EXPIRED", () -> auth(token).replaceRecoveryCodes(
        ReplaceRecoveryCodesRequest.newBuilder().setCode("000000").build()));

    // without two-step sign-in on there is nothing to replace
    String ritas = login("rita", "").getSessionToken();
    fails(Status.Code.FAILED_PRECONDITION, "INVALID_TRANSITION", () -> auth(ritas).replaceRecoveryCodes(
        ReplaceRecoveryCodesRequest.newBuilder().setCode("123456").build()));
  }

  @ParameterizedTest
  @MethodSource("org.hospital.server.testing.TestDatabases#kinds")
  void anotherAdministratorResetsItAndTheUserSetsItUpAgain(String kind) {
    start(kind);
    String secret = setUp(new java.util.ArrayList<>());
    f.clock.advance(Duration.ofSeconds(OneTimeCodes.PERIOD_SECONDS));
    String adamsSession = login("adam", codeNow(secret)).getSessionToken();

    List<String> adasRecovery = new java.util.ArrayList<>();
    LoginResponse ada = login("ada", "");
    BeginTwoFactorSetupResponse adasApp = auth(ada.getSessionToken())
        .beginTwoFactorSetup(BeginTwoFactorSetupRequest.getDefaultInstance());
    adasRecovery.addAll(auth(ada.getSessionToken()).confirmTwoFactorSetup(ConfirmTwoFactorSetupRequest.newBuilder()
        .setCode(codeNow(adasApp.getSecret())).build()).getRecoveryCodesList());
    StaffAdminServiceGrpc.StaffAdminServiceBlockingStub admin = StaffAdminServiceGrpc.newBlockingStub(
        as(ada.getSessionToken()));
    StaffAccountSummary adam = admin.listStaff(ListStaffRequest.getDefaultInstance()).getAccountsList().stream()
        .filter(a -> a.getUsername().equals("adam")).findFirst().orElseThrow();
    assertTrue(adam.getTwoFactorEnabled());

    StaffAccountSummary reset = admin.resetStaffTwoFactor(ResetStaffTwoFactorRequest.newBuilder()
        .setStaffId(adam.getStaffId()).setVersion(adam.getVersion()).build()).getAccount();
    assertFalse(reset.getTwoFactorEnabled());
    assertEquals("TWO_FACTOR_RESET", AuditRows.last(f.db()).action());
    fails(Status.Code.UNAUTHENTICATED, "SESSION_EXPIRED",
        () -> auth(adamsSession).getCurrentUser(GetCurrentUserRequest.getDefaultInstance()));
    // a stale reset (the version it was made against is gone) changes nothing
    fails(Status.Code.ABORTED, "STALE_VERSION", () -> admin.resetStaffTwoFactor(ResetStaffTwoFactorRequest
        .newBuilder().setStaffId(adam.getStaffId()).setVersion(adam.getVersion()).build()));
    assertTrue(login("adam", "").getTwoFactorSetupRequired(), "the policy asks for it again");
  }

  @ParameterizedTest
  @MethodSource("org.hospital.server.testing.TestDatabases#kinds")
  void aRoleOutsideThePolicyIsAskedNothingButMayTurnItOn(String kind) {
    start(kind);
    LoginResponse rita = login("rita", "");
    assertFalse(rita.getTwoFactorSetupRequired());
    assertFalse(auth(rita.getSessionToken()).getCurrentUser(GetCurrentUserRequest.getDefaultInstance())
        .getTwoFactorEnabled());
    BeginTwoFactorSetupResponse started = auth(rita.getSessionToken())
        .beginTwoFactorSetup(BeginTwoFactorSetupRequest.getDefaultInstance());
    // started but not confirmed: sign-in is unchanged
    assertFalse(login("rita", "").getTwoFactorSetupRequired());
    auth(rita.getSessionToken()).confirmTwoFactorSetup(ConfirmTwoFactorSetupRequest.newBuilder()
        .setCode(codeNow(started.getSecret())).build());
    fails(Status.Code.UNAUTHENTICATED, "SECOND_FACTOR_REQUIRED", () -> login("rita", ""));
    fails(Status.Code.FAILED_PRECONDITION, "INVALID_TRANSITION", () -> auth(rita.getSessionToken())
        .confirmTwoFactorSetup(ConfirmTwoFactorSetupRequest.newBuilder().setCode("123456").build()));
  }
}
