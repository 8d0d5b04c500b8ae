package org.hospital.server.security;

import io.grpc.BindableService;
import io.grpc.ServerInterceptor;
import java.time.Clock;
import org.hospital.server.audit.AuditTrail;
import org.hospital.server.config.ServerConfig;
import org.hospital.server.persistence.Database;

/**
 * Security, wired: what the composition root installs (the interceptor, inside the error mapping, on every
 * service; the AuthService) and what other features use (staff accounts, sessions, the permission table).
 */
public final class SecurityModule {

  private final PermissionTable permissions;
  private final StaffAccounts staffAccounts;
  private final SignInThrottles throttles;
  private final SessionService sessions;
  private final AuthInterceptor authInterceptor;
  private final AuthGrpcService authService;
  private final SessionRetention sessionRetention;
  private final StaffAdminGrpcService staffAdminService;

  public SecurityModule(Database db, AuditTrail audit, ServerConfig config, Clock clock) {
    // One hash per core at a time: more would only queue in the scheduler while holding 19 MiB each.
    PasswordHasher hasher = new PasswordHasher(Runtime.getRuntime().availableProcessors());
    this.permissions = PermissionTable.standard();
    PasswordPolicy policy = new PasswordPolicy();
    this.staffAccounts = new StaffAccounts(db, hasher, policy, clock);
    this.throttles = SignInThrottles.configured(db, audit, clock, config.signInLimits());
    SecretSealer sealer = SecretSealer.inKeysDirectory(config.keysDir());
    SecretsAtStart.check(db, sealer);
    OneTimeCodes codes = new OneTimeCodes(config.hospitalName(), sealer);
    TwoFactorPolicy twoFactor = TwoFactorPolicy.of(config.signInLimits().twoFactorRoles());
    this.sessions = new SessionService(db, hasher, audit, clock, config.sessionIdleTimeout(), throttles, codes,
        twoFactor);
    this.authInterceptor = new AuthInterceptor(permissions, sessions, audit);
    this.sessionRetention = new SessionRetention(db, clock, config.operations().sessionRetention(),
        config.sessionIdleTimeout());
    this.authService = new AuthGrpcService(sessions, throttles,
        new PasswordChanges(db, hasher, policy, audit, clock), new TwoFactorSetup(db, codes, audit, clock));
    this.staffAdminService = new StaffAdminGrpcService(
        new StaffAdministration(db, staffAccounts, hasher, policy, audit, clock));
  }

  /** Install on every service, inside {@code ErrorMappingInterceptor} (which must be the outermost). */
  public ServerInterceptor authInterceptor() {
    return authInterceptor;
  }

  public BindableService authService() {
    return authService;
  }

  /** Administrators' StaffAdminService. */
  public BindableService staffAdminService() {
    return staffAdminService;
  }

  public StaffAccounts staffAccounts() {
    return staffAccounts;
  }

  public SignInThrottles throttles() {
    return throttles;
  }

  public SessionService sessions() {
    return sessions;
  }

  /** Deletes sessions past retention; the composition root runs it on the housekeeping schedule. */
  public SessionRetention sessionRetention() {
    return sessionRetention;
  }

  public PermissionTable permissions() {
    return permissions;
  }
}
