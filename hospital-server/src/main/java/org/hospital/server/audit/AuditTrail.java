package org.hospital.server.audit;

import jakarta.persistence.EntityManager;

/**
 * The append-only, hash-chained audit log. Both methods return only once the entry is durable (or part of
 * the caller's transaction), so an audited action is never reported done without its entry.
 */
public interface AuditTrail {

  /** Appends in a transaction of its own (reads, logins, denials). */
  void record(AuditEvent event);

  /** Appends inside the caller's transaction, so the write and its audit entry commit or fail together. */
  void recordWithin(EntityManager em, AuditEvent event);
}
