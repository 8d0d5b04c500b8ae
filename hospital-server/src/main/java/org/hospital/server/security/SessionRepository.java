package org.hospital.server.security;

import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.Optional;
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
}
