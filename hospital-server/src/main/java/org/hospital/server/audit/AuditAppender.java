package org.hospital.server.audit;

import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.hospital.server.persistence.DbTime;

/**
 * Appends entries to the chain inside a transaction the caller owns. Locks the head row first, so concurrent
 * appenders (threads or server instances) queue up behind each other and the chain stays linear.
 */
final class AuditAppender {

  private final Clock clock;

  AuditAppender(Clock clock) {
    this.clock = clock;
  }

  void append(EntityManager em, List<AuditEvent> events) {
    Object[] head = (Object[]) em.createNativeQuery(
        "SELECT last_seq, last_hash FROM audit_chain_head WHERE id = 1 FOR UPDATE").getSingleResult();
    long seq = ((Number) head[0]).longValue();
    String hash = (String) head[1];
    // Databases keep microseconds; hash exactly what is stored so verification can recompute it.
    Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
    for (AuditEvent e : events) {
      AuditEvent clean = fit(e);
      seq++;
      String entryHash = AuditHash.of(seq, now, clean, hash);
      em.createNativeQuery("INSERT INTO audit_entry (seq, recorded_at, actor, roles, action, patient_id, detail,"
              + " source, outcome, prev_hash, entry_hash) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)")
          .setParameter(1, seq)
          .setParameter(2, DbTime.toDb(now))
          .setParameter(3, clean.actor())
          .setParameter(4, clean.roles())
          .setParameter(5, clean.action().name())
          .setParameter(6, clean.patientId())
          .setParameter(7, clean.detail())
          .setParameter(8, clean.source())
          .setParameter(9, clean.outcome().name())
          .setParameter(10, hash)
          .setParameter(11, entryHash)
          .executeUpdate();
      hash = entryHash;
    }
    em.createNativeQuery("UPDATE audit_chain_head SET last_seq = ?1, last_hash = ?2 WHERE id = 1")
        .setParameter(1, seq).setParameter(2, hash).executeUpdate();
  }

  /** Cuts fields to their column sizes, so an over-long detail never loses the whole entry. */
  private static AuditEvent fit(AuditEvent e) {
    return new AuditEvent(cut(e.actor(), 64), cut(e.roles(), 200), e.action(), e.patientId(),
        cut(e.detail(), 500), cut(e.source(), 200), e.outcome());
  }

  private static String cut(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max);
  }
}
