package org.hospital.server.clinical.chart;

import java.time.Clock;
import org.hospital.server.audit.AuditAction;
import org.hospital.server.audit.AuditEvent;
import org.hospital.server.audit.AuditOutcome;
import org.hospital.server.audit.AuditTrail;
import org.hospital.server.errors.DomainException;
import org.hospital.server.persistence.Database;
import org.hospital.server.security.CurrentUser;

/**
 * The problem list. Two doctors changing one problem: the second is told who changed it (version check). Two
 * doctors adding the same code at once: the database keeps one active, and the second is told it exists.
 */
public final class ProblemService {

  private static final String ACTIVE_ONCE = "problem_active_once";

  private final Database db;
  private final AuditTrail audit;
  private final Clock clock;

  public ProblemService(Database db, AuditTrail audit, Clock clock) {
    this.db = db;
    this.audit = audit;
    this.clock = clock;
  }

  /** {@code code} without its dot, {@code title} from the code book. */
  public Problem add(long patientId, String code, String title, ProblemChange change, long encounterId,
      CurrentUser user) {
    try {
      return db.inTransaction(em -> {
        ChartRecords.patient(em, patientId);
        if (encounterId > 0) {
          Encounter e = em.find(Encounter.class, encounterId);
          if (e == null || e.patientId() != patientId) {
            throw ChartFailures.unknownId("encounter_id");
          }
        }
        Problem p = Problem.record(patientId, code, title, null, encounterId > 0 ? encounterId : null, change,
            user.displayName(), clock.instant());
        em.persist(p);
        em.flush();
        audit.recordWithin(em, AuditEvent.by(user, AuditAction.PROBLEM_ADDED, patientId, "problem=" + p.id()
            + " code=" + code + " status=" + p.status(), AuditOutcome.SUCCESS));
        return p;
      });
    } catch (RuntimeException e) {
      if (ChartFailures.violated(e, ACTIVE_ONCE)) {
        throw DomainException.alreadyExists("code");
      }
      throw e;
    }
  }

  public Problem update(long problemId, long expectedVersion, ProblemChange change, CurrentUser user) {
    try {
      return db.inTransaction(em -> {
        Problem p = ChartRecords.current(ChartRecords.lock(em, Problem.class, problemId), expectedVersion,
            Problem::version, Problem::updatedBy, Problem::updatedAt);
        Problem.Status was = p.status();
        p.apply(change, user.displayName(), clock.instant());
        em.flush();
        audit.recordWithin(em, AuditEvent.by(user, AuditAction.PROBLEM_UPDATED, p.patientId(), "problem=" + p.id()
            + " status=" + was + "->" + p.status(), AuditOutcome.SUCCESS));
        return p;
      });
    } catch (RuntimeException e) {
      if (ChartFailures.violated(e, ACTIVE_ONCE)) {
        // reactivating a code that is active again in another entry
        throw DomainException.alreadyExists("status");
      }
      throw e;
    }
  }
}
