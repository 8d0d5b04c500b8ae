package org.hospital.server.security;

import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.Grpc;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import java.util.Locale;
import java.util.Optional;
import org.hospital.server.audit.AuditAction;
import org.hospital.server.audit.AuditEvent;
import org.hospital.server.audit.AuditOutcome;
import org.hospital.server.audit.AuditTrail;
import org.hospital.server.errors.DomainException;

/**
 * Authenticates and authorizes every call before it reaches a service: finds the method's rule, resolves the
 * bearer token to a session, checks the roles and puts the {@link CurrentUser} into the gRPC context.
 * Refusals are audited and thrown as {@link DomainException}s, which the error mapping (installed outside this
 * interceptor) turns into the status the client sees.
 */
public final class AuthInterceptor implements ServerInterceptor {

  static final Metadata.Key<String> AUTHORIZATION =
      Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);
  /** The caller's network address, for handlers that audit without a session (Login). */
  static final Context.Key<String> PEER = Context.key("hospital-peer");
  /** The caller's bearer token, for Logout. */
  static final Context.Key<String> TOKEN = Context.key("hospital-session-token");
  /** Actor recorded for calls without a valid session; parentheses cannot occur in usernames. */
  static final String ANONYMOUS = "(anonymous)";
  private static final String BEARER = "bearer ";

  private final PermissionTable permissions;
  private final SessionService sessions;
  private final AuditTrail audit;

  public AuthInterceptor(PermissionTable permissions, SessionService sessions, AuditTrail audit) {
    this.permissions = permissions;
    this.sessions = sessions;
    this.audit = audit;
  }

  @Override
  public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
      ServerCallHandler<Q, R> next) {
    String method = call.getMethodDescriptor().getFullMethodName();
    String peer = PeerAddresses.describe(call.getAttributes().get(Grpc.TRANSPORT_ATTR_REMOTE_ADDR));
    Context context = Context.current().withValue(PEER, peer);
    Optional<PermissionTable.Rule> rule = permissions.ruleFor(method);
    if (rule.isPresent() && rule.get() instanceof PermissionTable.Public) {
      return Contexts.interceptCall(context, call, headers, next);
    }
    Optional<String> token = bearerToken(headers);
    if (token.isEmpty()) {
      throw denied(anonymous(peer, method), DomainException.sessionExpired());
    }
    CurrentUser user;
    try {
      user = sessions.resolve(token.get(), peer);
    } catch (DomainException e) {
      throw denied(anonymous(peer, method), e);
    }
    if (rule.isEmpty() || !rule.get().allows(user)) {
      throw denied(AuditEvent.by(user, AuditAction.PERMISSION_DENIED, AuditEvent.NO_PATIENT, method,
          AuditOutcome.DENIED), DomainException.permissionDenied());
    }
    if (user.passwordMustChange() && !permissions.allowedWhilePasswordMustChange(method)) {
      throw denied(AuditEvent.by(user, AuditAction.PERMISSION_DENIED, AuditEvent.NO_PATIENT,
          method + " " + DomainException.passwordChangeRequired().reason(), AuditOutcome.DENIED),
          DomainException.passwordChangeRequired());
    }
    if (user.twoFactorSetupRequired() && !permissions.allowedWhileTwoFactorSetupRequired(method)) {
      throw denied(AuditEvent.by(user, AuditAction.PERMISSION_DENIED, AuditEvent.NO_PATIENT,
          method + " " + DomainException.twoFactorSetupRequired().reason(), AuditOutcome.DENIED),
          DomainException.twoFactorSetupRequired());
    }
    return Contexts.interceptCall(context.withValue(CurrentUser.KEY, user).withValue(TOKEN, token.get()), call,
        headers, next);
  }

  private DomainException denied(AuditEvent event, DomainException answer) {
    audit.record(event);
    return answer;
  }

  private static AuditEvent anonymous(String peer, String method) {
    return new AuditEvent(ANONYMOUS, "", AuditAction.PERMISSION_DENIED, AuditEvent.NO_PATIENT, method, peer,
        AuditOutcome.DENIED);
  }

  private static Optional<String> bearerToken(Metadata headers) {
    String value = headers.get(AUTHORIZATION);
    if (value == null || value.length() <= BEARER.length()
        || !value.substring(0, BEARER.length()).toLowerCase(Locale.ROOT).equals(BEARER)) {
      return Optional.empty();
    }
    return Optional.of(value.substring(BEARER.length()).trim());
  }
}
