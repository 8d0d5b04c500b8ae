package org.hospital.server.billing;

import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.time.Instant;
import org.hospital.server.audit.AuditEvent;
import org.hospital.server.audit.AuditTrail;

/** One billing write transaction: its connection, its time, and its audit entries (which commit with it). */
final class BillingTx {
  private final Connection c;
  private final EntityManager em;
  private final AuditTrail audit;
  private final Instant now;

  BillingTx(Connection c, EntityManager em, AuditTrail audit, Instant now) {
    this.c = c;
    this.em = em;
    this.audit = audit;
    this.now = now;
  }

  Connection connection() {
    return c;
  }

  EntityManager em() {
    return em;
  }

  Instant now() {
    return now;
  }

  void audit(AuditEvent event) {
    audit.recordWithin(em, event);
  }
}
