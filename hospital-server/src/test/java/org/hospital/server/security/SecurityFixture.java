package org.hospital.server.security;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.hospital.server.audit.DatabaseAuditTrail;
import org.hospital.server.config.ServerConfig;
import org.hospital.server.config.SignInLimits;
import org.hospital.server.persistence.Database;
import org.hospital.server.testing.TestDatabases;
import org.hospital.server.testing.TestDatabases.TestDatabase;

/**
 * The security module on a real database (H2 or PostgreSQL) with the real audit trail and a hand-moved
 * clock. Default settings as shipped: 15 minutes idle timeout; sign-in delays after 3 failures of a name at an
 * address (20 a day at most) and 10 of an address (100 a day), doubling from 1 s up to 5 minutes.
 */
final class SecurityFixture implements AutoCloseable {

  static final String PASSWORD = "Ward-7-Night!";
  static final Duration IDLE = Duration.ofMinutes(15);
  static final SignInLimits LIMITS = SignInLimits.DEFAULT;

  final TestDatabase database;
  final MutableClock clock = new MutableClock();
  final DatabaseAuditTrail audit;
  final SecurityModule security;
  final ServerConfig config;

  private SecurityFixture(TestDatabase database, SignInLimits limits) {
    this.database = database;
    this.audit = new DatabaseAuditTrail(database.db(), clock);
    this.config = config(limits);
    this.security = new SecurityModule(database.db(), audit, config, clock);
  }

  static SecurityFixture open(String kind) {
    return open(kind, LIMITS);
  }

  /** With other sign-in rules (throttle limits, roles that must sign in in two steps). */
  static SecurityFixture open(String kind, SignInLimits limits) {
    return new SecurityFixture(TestDatabases.open(kind), limits);
  }

  static ServerConfig config() {
    return config(LIMITS);
  }

  static ServerConfig config(SignInLimits limits) {
    return new ServerConfig(dataDir(), "127.0.0.1", 0, true, List.of(), "jdbc:unused", "", "", 8, 4,
        IDLE, limits, false, 0, java.time.ZoneOffset.UTC);
  }

  /** A data directory of its own, for the keys a server keeps beside its data. */
  private static Path dataDir() {
    try {
      return java.nio.file.Files.createTempDirectory("hospital-security-");
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  Database db() {
    return database.db();
  }

  /** A second server instance on the same database: its own caches, the same rows. */
  SessionService anotherInstance() {
    return new SessionService(db(), new PasswordHasher(1), audit, clock, IDLE,
        SignInThrottles.configured(db(), audit, clock, LIMITS));
  }

  long staff(String username, Role... roles) {
    return security.staffAccounts().create(username, "Test " + username, PASSWORD, Set.of(roles));
  }

  String login(String username) {
    return security.sessions().login(username, PASSWORD, "desk-1", "10.0.0.7").token();
  }

  @Override
  public void close() {
    audit.close();
    database.close();
  }
}
