package org.hospital.server.config;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;

/**
 * Everything the server can be told at start-up. Built by {@link ConfigLoader} from defaults, a properties
 * file, environment variables and command-line options (later sources win).
 */
public record ServerConfig(
    Path dataDir,
    String bindAddress,
    int port,
    boolean plaintext,
    List<String> tlsHostnames,
    String jdbcUrl,
    String dbUser,
    String dbPassword,
    int dbPoolSize,
    int grpcThreads,
    Duration sessionIdleTimeout,
    SignInLimits signInLimits,
    boolean demoData,
    int demoPatients,
    ZoneId zone,
    Duration auditCheckpointInterval,
    // Printed at the top of prescriptions and other forms.
    String hospitalName,
    // With demo data: also import the shipped outside records (Synthea patients with their charts).
    boolean demoOutsideRecords,
    // Metrics endpoint, session and backup retention.
    OperationsSettings operations,
    // Check-in of a booked appointment opens this long before its start, never before the start of its day.
    Duration checkInOpensBefore,
    // The billing office's currency and tax id.
    BillingSettings billing) {

  public static final String DEFAULT_HOSPITAL_NAME = "General Hospital";
  public static final Duration DEFAULT_CHECK_IN_OPENS_BEFORE = Duration.ofHours(2);

  /** With the default checkpoint interval of one minute, for callers that do not set one. */
  public ServerConfig(Path dataDir, String bindAddress, int port, boolean plaintext, List<String> tlsHostnames,
      String jdbcUrl, String dbUser, String dbPassword, int dbPoolSize, int grpcThreads, Duration sessionIdleTimeout,
      SignInLimits signInLimits, boolean demoData, int demoPatients, ZoneId zone) {
    this(dataDir, bindAddress, port, plaintext, tlsHostnames, jdbcUrl, dbUser, dbPassword, dbPoolSize, grpcThreads,
        sessionIdleTimeout, signInLimits, demoData, demoPatients, zone, Duration.ofMinutes(1), DEFAULT_HOSPITAL_NAME,
        false, OperationsSettings.DEFAULTS, DEFAULT_CHECK_IN_OPENS_BEFORE, BillingSettings.DEFAULTS);
  }

  public Path tlsDir() {
    return dataDir.resolve("tls");
  }

  /** Keys the server keeps beside its data: the one that seals two-step sign-in secrets. */
  public Path keysDir() {
    return dataDir.resolve("keys");
  }

  /** The checkpoint signing key and the checkpoint file: outside the database, beside it. */
  public Path auditDir() {
    return dataDir.resolve("audit");
  }

  /** Where {@code CreateBackup} writes: one directory per backup. */
  public Path backupDir() {
    return dataDir.resolve("backups");
  }

  public boolean isH2() {
    return jdbcUrl.startsWith("jdbc:h2:");
  }

  public ServerConfig withPort(int newPort) {
    return new ServerConfig(dataDir, bindAddress, newPort, plaintext, tlsHostnames, jdbcUrl, dbUser, dbPassword,
        dbPoolSize, grpcThreads, sessionIdleTimeout, signInLimits, demoData, demoPatients, zone,
        auditCheckpointInterval, hospitalName, demoOutsideRecords, operations, checkInOpensBefore, billing);
  }

  public ServerConfig withDatabase(String url, String user, String password) {
    return new ServerConfig(dataDir, bindAddress, port, plaintext, tlsHostnames, url, user, password,
        dbPoolSize, grpcThreads, sessionIdleTimeout, signInLimits, demoData, demoPatients, zone,
        auditCheckpointInterval, hospitalName, demoOutsideRecords, operations, checkInOpensBefore, billing);
  }

  public ServerConfig withDemoData(boolean enabled, int patients) {
    return new ServerConfig(dataDir, bindAddress, port, plaintext, tlsHostnames, jdbcUrl, dbUser, dbPassword,
        dbPoolSize, grpcThreads, sessionIdleTimeout, signInLimits, enabled, patients, zone,
        auditCheckpointInterval, hospitalName, demoOutsideRecords, operations, checkInOpensBefore, billing);
  }

  public ServerConfig withAuditCheckpointInterval(Duration interval) {
    return new ServerConfig(dataDir, bindAddress, port, plaintext, tlsHostnames, jdbcUrl, dbUser, dbPassword,
        dbPoolSize, grpcThreads, sessionIdleTimeout, signInLimits, demoData, demoPatients, zone,
        interval, hospitalName, demoOutsideRecords, operations, checkInOpensBefore, billing);
  }

  public ServerConfig withOperations(OperationsSettings settings) {
    return new ServerConfig(dataDir, bindAddress, port, plaintext, tlsHostnames, jdbcUrl, dbUser, dbPassword,
        dbPoolSize, grpcThreads, sessionIdleTimeout, signInLimits, demoData, demoPatients, zone,
        auditCheckpointInterval, hospitalName, demoOutsideRecords, settings, checkInOpensBefore, billing);
  }

  public ServerConfig withSessionIdleTimeout(Duration timeout) {
    return new ServerConfig(dataDir, bindAddress, port, plaintext, tlsHostnames, jdbcUrl, dbUser, dbPassword,
        dbPoolSize, grpcThreads, timeout, signInLimits, demoData, demoPatients, zone,
        auditCheckpointInterval, hospitalName, demoOutsideRecords, operations, checkInOpensBefore, billing);
  }

  public ServerConfig withSignInLimits(SignInLimits limits) {
    return new ServerConfig(dataDir, bindAddress, port, plaintext, tlsHostnames, jdbcUrl, dbUser, dbPassword,
        dbPoolSize, grpcThreads, sessionIdleTimeout, limits, demoData, demoPatients, zone,
        auditCheckpointInterval, hospitalName, demoOutsideRecords, operations, checkInOpensBefore, billing);
  }
}
