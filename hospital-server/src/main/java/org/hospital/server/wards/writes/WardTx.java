package org.hospital.server.wards.writes;

import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;
import org.hospital.server.audit.AuditEvent;
import org.hospital.server.audit.AuditTrail;

/**
 * One ward write transaction: its JDBC connection and entity manager (the inpatient encounter is a chart
 * entity; beds and stays are plain SQL, see docs/decisions/0702-one-patient-one-bed.md), its time, its audit
 * entries and the beds it changed, which {@link WardWriter} turns into bed-board events just before commit.
 */
public final class WardTx {

  private final Connection c;
  private final EntityManager em;
  private final AuditTrail audit;
  private final Instant now;
  private final Set<Long> changedBeds = new LinkedHashSet<>();

  WardTx(Connection c, EntityManager em, AuditTrail audit, Instant now) {
    this.c = c;
    this.em = em;
    this.audit = audit;
    this.now = now;
  }

  public Connection connection() {
    return c;
  }

  public EntityManager em() {
    return em;
  }

  /** The write's time, to the microsecond. */
  public Instant now() {
    return now;
  }

  /** The bed's tile changed (state, occupant, score): the board gets it as read at the end of the write. */
  public void bedChanged(long bedId) {
    changedBeds.add(bedId);
  }

  public void audit(AuditEvent event) {
    audit.recordWithin(em, event);
  }

  Set<Long> changedBeds() {
    return changedBeds;
  }
}
