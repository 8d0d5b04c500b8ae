package org.hospital.server.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Logger;
import org.hospital.server.persistence.Database;

/**
 * Forgets sessions that ended (or were abandoned: never ended, not seen since) longer than the retention ago.
 * The audit names users and their source, not session ids, so nothing refers to a deleted row; the retention is
 * there so that an investigator can still see who was signed in where. Run on the server's housekeeping
 * schedule. See docs/decisions/0015-operations-metrics-and-retention.md.
 */
public final class SessionRetention {

  /** How often the housekeeping looks; rows are days old, so an hour is soon enough. */
  public static final Duration INTERVAL = Duration.ofHours(1);
  private static final Logger LOG = Logger.getLogger(SessionRetention.class.getName());

  private final Database db;
  private final Clock clock;
  private final Duration retention;

  public SessionRetention(Database db, Clock clock, Duration retention, Duration idleTimeout) {
    this.db = db;
    this.clock = clock;
    // An open row not seen for the retention is expired anyway, unless the idle timeout is even longer.
    this.retention = retention.compareTo(idleTimeout) >= 0 ? retention : idleTimeout;
  }

  /** Deletes the sessions past retention; returns how many. */
  public int purge() {
    Instant cutoff = clock.instant().minus(retention);
    int deleted = db.inTransaction(em -> SessionRepository.deleteUnusedSince(em, cutoff));
    if (deleted > 0) {
      LOG.info("Deleted " + deleted + " sessions ended or last seen before " + cutoff);
    }
    return deleted;
  }
}
