package org.hospital.server.config;

import java.time.Duration;

/**
 * What the server does for its operators: the metrics endpoint (off unless asked for, and then on the loopback
 * address unless told otherwise), how long ended sessions are kept, and how many backups.
 *
 * @param metricsEnabled whether {@code /metrics} is served at all
 * @param metricsBind the address {@code /metrics} listens on
 * @param metricsPort its port (0: any free port, for tests)
 * @param sessionRetention how long a session row is kept after it ended (or was last seen)
 * @param backupKeep how many of the most recent backups are kept after a new one is made
 */
public record OperationsSettings(boolean metricsEnabled, String metricsBind, int metricsPort,
    Duration sessionRetention, int backupKeep) {

  public static final OperationsSettings DEFAULTS =
      new OperationsSettings(false, "127.0.0.1", 9464, Duration.ofDays(90), 14);

  public OperationsSettings {
    if (sessionRetention.isNegative() || sessionRetention.isZero()) {
      throw new IllegalArgumentException("session retention must be positive");
    }
    if (backupKeep < 1) {
      throw new IllegalArgumentException("at least one backup is kept");
    }
  }

  /** With metrics on, on {@code bind:port}. */
  public OperationsSettings withMetrics(String bind, int port) {
    return new OperationsSettings(true, bind, port, sessionRetention, backupKeep);
  }

  public OperationsSettings withBackupKeep(int keep) {
    return new OperationsSettings(metricsEnabled, metricsBind, metricsPort, sessionRetention, keep);
  }
}
