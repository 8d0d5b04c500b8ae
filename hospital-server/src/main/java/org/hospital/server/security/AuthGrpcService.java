package org.hospital.server.security;

import io.grpc.stub.StreamObserver;
import java.util.Comparator;
import org.hospital.server.errors.DomainException;
import java.util.List;
import org.hospital.proto.auth.v1.AuthServiceGrpc;
import org.hospital.proto.auth.v1.ChangeOwnPasswordRequest;
import org.hospital.proto.auth.v1.ChangeOwnPasswordResponse;
import org.hospital.proto.auth.v1.ClearSignInThrottleRequest;
import org.hospital.proto.auth.v1.ClearSignInThrottleResponse;
import org.hospital.proto.auth.v1.ListSignInThrottlesRequest;
import org.hospital.proto.auth.v1.ListSignInThrottlesResponse;
import org.hospital.proto.auth.v1.GetCurrentUserRequest;
import org.hospital.proto.auth.v1.GetCurrentUserResponse;
import org.hospital.proto.auth.v1.LoginRequest;
import org.hospital.proto.auth.v1.LoginResponse;
import org.hospital.proto.auth.v1.LogoutRequest;
import org.hospital.proto.auth.v1.LogoutResponse;
import org.hospital.proto.auth.v1.StaffUser;
import org.hospital.proto.common.v1.FieldViolationCode;
import org.hospital.server.errors.Violations;

/**
 * The AuthService RPCs. Login hashes a password (tens of milliseconds), so the server must run handlers on
 * its worker executor, never on a transport thread.
 */
public final class AuthGrpcService extends AuthServiceGrpc.AuthServiceImplBase {

  static final int USERNAME_MAX = StaffAccounts.USERNAME_MAX;
  static final int PASSWORD_MAX = PasswordPolicy.MAX_LENGTH;
  static final int WORKSTATION_MAX = 100;
  static final int THROTTLE_KEY_MAX = 300;
  /** Six digits, or a recovery code with its dashes and some spaces. */
  static final int ONE_TIME_CODE_MAX = 40;

  private final SessionService sessions;
  private final SignInThrottles throttles;
  private final PasswordChanges passwordChanges;
  private final TwoFactorSetup twoFactor;
  private final WrongCodesPerSession wrongCodes = new WrongCodesPerSession(WrongCodesPerSession.LIMIT);

  AuthGrpcService(SessionService sessions, SignInThrottles throttles, PasswordChanges passwordChanges,
      TwoFactorSetup twoFactor) {
    this.twoFactor = twoFactor;
    this.sessions = sessions;
    this.throttles = throttles;
    this.passwordChanges = passwordChanges;
  }

  @Override
  public void login(LoginRequest request, StreamObserver<LoginResponse> response) {
    Violations v = new Violations();
    checkText(v, "username", request.getUsername(), USERNAME_MAX, true);
    checkText(v, "password", request.getPassword(), PASSWORD_MAX, true);
    checkText(v, "workstation", request.getWorkstation(), WORKSTATION_MAX, false);
    checkText(v, "one_time_code", request.getOneTimeCode(), ONE_TIME_CODE_MAX, false);
    v.throwIfAny();
    String peer = AuthInterceptor.PEER.get();
    LoginResult result = sessions.login(request.getUsername(), request.getPassword(), request.getOneTimeCode(),
        request.getWorkstation(), peer == null ? "unknown" : peer);
    response.onNext(LoginResponse.newBuilder()
        .setSessionToken(result.token())
        .setUser(toProto(result.user()))
        .setIdleTimeoutSeconds(idleSeconds())
        .setPasswordMustChange(result.user().passwordMustChange())
        .setTwoFactorSetupRequired(result.user().twoFactorSetupRequired())
        .build());
    response.onCompleted();
  }

  @Override
  public void changeOwnPassword(ChangeOwnPasswordRequest request,
      StreamObserver<ChangeOwnPasswordResponse> response) {
    Violations v = new Violations();
    checkText(v, PasswordChanges.CURRENT, request.getCurrentPassword(), PASSWORD_MAX, true);
    v.throwIfAny();
    passwordChanges.change(CurrentUser.get(), AuthInterceptor.TOKEN.get(), request.getCurrentPassword(),
        request.getNewPassword());
    response.onNext(ChangeOwnPasswordResponse.getDefaultInstance());
    response.onCompleted();
  }

  @Override
  public void beginTwoFactorSetup(org.hospital.proto.auth.v1.BeginTwoFactorSetupRequest request,
      StreamObserver<org.hospital.proto.auth.v1.BeginTwoFactorSetupResponse> response) {
    TwoFactorSetup.Started started = twoFactor.begin(CurrentUser.get());
    response.onNext(org.hospital.proto.auth.v1.BeginTwoFactorSetupResponse.newBuilder()
        .setSecret(started.secret())
        .setOtpauthUri(started.address())
        .setQrPng(com.google.protobuf.ByteString.copyFrom(started.qrPng()))
        .setDigits(OneTimeCodes.DIGITS)
        .setPeriodSeconds(OneTimeCodes.PERIOD_SECONDS)
        .build());
    response.onCompleted();
  }

  @Override
  public void confirmTwoFactorSetup(org.hospital.proto.auth.v1.ConfirmTwoFactorSetupRequest request,
      StreamObserver<org.hospital.proto.auth.v1.ConfirmTwoFactorSetupResponse> response) {
    Violations v = new Violations();
    checkText(v, TwoFactorSetup.CODE, request.getCode(), ONE_TIME_CODE_MAX, true);
    v.throwIfAny();
    response.onNext(org.hospital.proto.auth.v1.ConfirmTwoFactorSetupResponse.newBuilder()
        .addAllRecoveryCodes(twoFactor.confirm(CurrentUser.get(), request.getCode()))
        .build());
    response.onCompleted();
  }

  @Override
  public void replaceRecoveryCodes(org.hospital.proto.auth.v1.ReplaceRecoveryCodesRequest request,
      StreamObserver<org.hospital.proto.auth.v1.ReplaceRecoveryCodesResponse> response) {
    Violations v = new Violations();
    checkText(v, TwoFactorSetup.CODE, request.getCode(), ONE_TIME_CODE_MAX, true);
    v.throwIfAny();
    String token = AuthInterceptor.TOKEN.get();
    List<String> codes;
    try {
      codes = twoFactor.replaceRecoveryCodes(CurrentUser.get(), request.getCode());
    } catch (DomainException e) {
      if (e.code() == io.grpc.Status.Code.INVALID_ARGUMENT && wrongCodes.tooMany(token)) {
        // a session that keeps guessing is not its owner's: end it, and the next sign-in asks for the phone
        sessions.logout(token);
        throw DomainException.sessionExpired();
      }
      throw e;
    }
    wrongCodes.forget(token);
    response.onNext(org.hospital.proto.auth.v1.ReplaceRecoveryCodesResponse.newBuilder()
        .addAllRecoveryCodes(codes).build());
    response.onCompleted();
  }

  @Override
  public void logout(LogoutRequest request, StreamObserver<LogoutResponse> response) {
    String token = AuthInterceptor.TOKEN.get();
    if (token != null) {
      sessions.logout(token);
    }
    response.onNext(LogoutResponse.getDefaultInstance());
    response.onCompleted();
  }

  @Override
  public void getCurrentUser(GetCurrentUserRequest request, StreamObserver<GetCurrentUserResponse> response) {
    response.onNext(GetCurrentUserResponse.newBuilder()
        .setUser(toProto(CurrentUser.get()))
        .setIdleTimeoutSeconds(idleSeconds())
        .setPasswordMustChange(CurrentUser.get().passwordMustChange())
        .setTwoFactorSetupRequired(CurrentUser.get().twoFactorSetupRequired())
        .setTwoFactorEnabled(sessions.twoFactorEnabled(CurrentUser.get().staffId()))
        .build());
    response.onCompleted();
  }

  @Override
  public void listSignInThrottles(ListSignInThrottlesRequest request,
      StreamObserver<ListSignInThrottlesResponse> response) {
    ListSignInThrottlesResponse.Builder b = ListSignInThrottlesResponse.newBuilder();
    java.time.Instant now = throttles.now();
    for (SignInThrottle t : throttles.current()) {
      b.addThrottles(ThrottleMapper.toProto(t, throttles.capped(t), now));
    }
    response.onNext(b.build());
    response.onCompleted();
  }

  @Override
  public void clearSignInThrottle(ClearSignInThrottleRequest request,
      StreamObserver<ClearSignInThrottleResponse> response) {
    Violations v = new Violations();
    checkText(v, "key", request.getKey(), THROTTLE_KEY_MAX, true);
    v.throwIfAny();
    boolean cleared = throttles.clear(request.getKey(), CurrentUser.get());
    response.onNext(ClearSignInThrottleResponse.newBuilder().setCleared(cleared).build());
    response.onCompleted();
  }

  private int idleSeconds() {
    return Math.toIntExact(sessions.idleTimeout().toSeconds());
  }

  static StaffUser toProto(CurrentUser user) {
    StaffUser.Builder b = StaffUser.newBuilder()
        .setUsername(user.username())
        .setDisplayName(user.displayName())
        .setStaffId(user.staffId());
    user.roles().stream().sorted(Comparator.naturalOrder()).map(RoleMapper::toProto).forEach(b::addRoles);
    return b.build();
  }

  private static void checkText(Violations v, String field, String value, int max, boolean required) {
    if (value.isEmpty()) {
      if (required) {
        v.add(field, FieldViolationCode.REQUIRED);
      }
    } else if (value.codePointCount(0, value.length()) > max) {
      v.addTooLong(field, max);
    } else if (value.codePoints().anyMatch(Character::isISOControl)) {
      v.add(field, FieldViolationCode.INVALID_CHARACTERS);
    }
  }
}
