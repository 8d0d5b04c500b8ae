package org.hospital.server.security;

import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.hospital.server.persistence.Database;
import org.hospital.server.persistence.DbTime;

/**
 * Session rows. Every change is a conditional UPDATE that states what it expects (still open, still idle),
 * so several server instances can touch and end the same session without locks and without lost updates.
 */
final class SessionRepository {

  private final Database db;

  SessionRepository(Database db) {
    this.db = db;
  }

  static void insert(EntityManager em, StaffSession session) {
    em.persist(session);
    em.flush();
  }

  Optional<StaffSession> findByTokenHash(String tokenHash) {
    return db.read(em -> em.createQuery("select s from StaffSession s where s.tokenHash = :h", StaffSession.class)
        .setParameter("h", tokenHash)
        .getResultStream().findFirst());
  }

  static Optional<StaffSession> findOpenByTokenHash(EntityManager em, String tokenHash) {
    return em.createQuery("select s from StaffSession s where s.tokenHash = :h and s.endedAt is null",
            StaffSession.class)
        .setParameter("h", tokenHash)
        .getResultStream().findFirst();
  }

  /** Moves last-seen forward (never back: another instance may have written a later time). */
  void touch(long sessionId, Instant now) {
    db.runInTransaction(em -> em.createQuery("update StaffSession s set s.lastSeenAt = :now"
            + " where s.id = :id and s.endedAt is null and s.lastSeenAt < :now")
        .setParameter("now", DbTime.toDb(now))
        .setParameter("id", sessionId)
        .executeUpdate());
  }

  /** Ends the session if it is still open; false when it had already ended. */
  static boolean end(EntityManager em, long sessionId, SessionEndReason reason, Instant now) {
    return em.createQuery("update StaffSession s set s.endedAt = :now, s.endReason = :reason"
            + " where s.id = :id and s.endedAt is null")
        .setParameter("now", DbTime.toDb(now))
        .setParameter("reason", reason)
        .setParameter("id", sessionId)
        .executeUpdate() == 1;
  }

  /**
   * Ends the session as idle only if the database agrees it is idle (last seen before {@code cutoff});
   * false when it had ended already or another instance saw it active in the meantime.
   */
  static boolean endIfIdle(EntityManager em, long sessionId, Instant cutoff, Instant now) {
    return em.createQuery("update StaffSession s set s.endedAt = :now,"
            + " s.endReason = :reason where s.id = :id and s.endedAt is null and s.lastSeenAt < :cutoff")
        .setParameter("now", DbTime.toDb(now))
        .setParameter("reason", SessionEndReason.IDLE)
        .setParameter("id", sessionId)
        .setParameter("cutoff", DbTime.toDb(cutoff))
        .executeUpdate() == 1;
  }

  /** Deletes sessions that ended before {@code cutoff}, and open ones last seen before it (long expired). */
  static int deleteUnusedSince(EntityManager em, Instant cutoff) {
    return em.createQuery("delete from StaffSession s where (s.endedAt is not null and s.endedAt < :cutoff)"
            + " or (s.endedAt is null and s.lastSeenAt < :cutoff)")
        .setParameter("cutoff", DbTime.toDb(cutoff))
        .executeUpdate();
  }

  /**
   * Ends every open session of the account except {@code keepTokenHash}'s (null keeps none), with
   * {@code reason}; the ids of the sessions ended.
   */
  static List<Long> endAllOf(EntityManager em, long staffId, SessionEndReason reason, Instant now,
      String keepTokenHash) {
    List<StaffSession> open = em.createQuery(
            "select s from StaffSession s where s.staffId = :id and s.endedAt is null", StaffSession.class)
        .setParameter("id", staffId)
        .getResultList();
    return open.stream()
        .filter(s -> keepTokenHash == null || !keepTokenHash.equals(s.tokenHash()))
        .filter(s -> end(em, s.id(), reason, now))
        .map(StaffSession::id)
        .toList();
  }

  /** When each account last signed in, by staff id; accounts that never did are absent. */
  Map<Long, Instant> lastSignIns() {
    return db.read(em -> em.createQuery(
            "select s.staffId, max(s.createdAt) from StaffSession s group by s.staffId", Object[].class)
        .getResultList().stream()
        .collect(Collectors.toMap(r -> ((Number) r[0]).longValue(),
            r -> DbTime.fromDb((OffsetDateTime) r[1]))));
  }

  /** How many sessions each account has that have not ended, by staff id. */
  Map<Long, Integer> openCounts() {
    return db.read(em -> em.createQuery("select s.staffId, count(s) from StaffSession s where s.endedAt is null"
            + " group by s.staffId", Object[].class)
        .getResultList().stream()
        .collect(Collectors.toMap(r -> ((Number) r[0]).longValue(),
            r -> ((Number) r[1]).intValue())));
  }
}
