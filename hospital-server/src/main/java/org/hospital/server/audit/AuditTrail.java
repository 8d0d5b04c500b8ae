package org.hospital.server.audit;

import jakarta.persistence.EntityManager;
import java.util.List;

/**
 * The append-only, hash-chained audit log. Every method returns only once its entries are durable (or part of
 * the caller's transaction), so an audited action is never reported done without its entry.
 */
public interface AuditTrail {

  /** Appends in a transaction of its own (reads, logins, denials). */
  default void record(AuditEvent event) {
    recordAll(List.of(event));
  }

  /** Appends several entries (a printed list's patients) at once, returning when all are durable. */
  void recordAll(List<AuditEvent> events);

  /** Appends inside the caller's transaction, so the write and its audit entry commit or fail together. */
  void recordWithin(EntityManager em, AuditEvent event);
}
