package org.hospital.server.security;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * When this server instance last served each session. The database's last-seen is written at most every
 * {@link SessionService#LAST_SEEN_WRITE_INTERVAL}, so on its own it may lag; the later of the two values is
 * the session's last activity as far as this instance can know.
 */
final class LastSeenCache {

  private final ConcurrentHashMap<Long, Instant> lastSeen = new ConcurrentHashMap<>();
  private final AtomicReference<Instant> lastSweep = new AtomicReference<>(Instant.MIN);
  private final Duration idleTimeout;

  LastSeenCache(Duration idleTimeout) {
    this.idleTimeout = idleTimeout;
  }

  Instant lastActivity(long sessionId, Instant fromDatabase) {
    Instant local = lastSeen.get(sessionId);
    return local == null || fromDatabase.isAfter(local) ? fromDatabase : local;
  }

  void touch(long sessionId, Instant now) {
    lastSeen.merge(sessionId, now, (a, b) -> a.isAfter(b) ? a : b);
    sweepIfDue(now);
  }

  void forget(long sessionId) {
    lastSeen.remove(sessionId);
  }

  int size() {
    return lastSeen.size();
  }

  /**
   * Drops entries idle longer than the timeout, so that clients which vanish without logging out do not leak
   * memory. Nothing is lost: an entry that old cannot keep a session alive, so the database value decides.
   */
  private void sweepIfDue(Instant now) {
    Instant previous = lastSweep.get();
    if (now.isBefore(previous.plus(idleTimeout)) || !lastSweep.compareAndSet(previous, now)) {
      return;
    }
    Instant cutoff = now.minus(idleTimeout);
    lastSeen.values().removeIf(seen -> seen.isBefore(cutoff));
  }
}
