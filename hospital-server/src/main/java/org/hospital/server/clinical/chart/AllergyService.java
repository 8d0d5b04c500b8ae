package org.hospital.server.clinical.chart;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import org.hospital.server.audit.AuditAction;
import org.hospital.server.audit.AuditEvent;
import org.hospital.server.audit.AuditOutcome;
import org.hospital.server.audit.AuditTrail;
import org.hospital.server.errors.DomainException;
import org.hospital.server.persistence.Database;
import org.hospital.server.security.CurrentUser;

/**
 * Allergies and the statement about them. "No known drug allergies" is a statement someone makes; recording a
 * drug allergy replaces it, and it cannot be made while an active drug allergy is on the chart.
 */
public final class AllergyService {

  private final Database db;
  private final AuditTrail audit;
  private final Clock clock;

  public AllergyService(Database db, AuditTrail audit, Clock clock) {
    this.db = db;
    this.audit = audit;
    this.clock = clock;
  }

  public Allergy record(long patientId, AllergyDraft draft, CurrentUser user) {
    return ChartFailures.retryOnUniqueViolation(() -> db.inTransaction(em -> {
      ChartRecords.patient(em, patientId);
      Allergy a = Allergy.record(patientId, draft, user.displayName(), clock.instant());
      em.persist(a);
      if (draft.category() == Allergy.Category.DRUG) {
        statement(em, patientId, AllergyStatement.State.HAS_ALLERGIES, user)
            .state(AllergyStatement.State.HAS_ALLERGIES, user.displayName(), clock.instant());
      }
      em.flush();
      audit.recordWithin(em, AuditEvent.by(user, AuditAction.ALLERGY_RECORDED, patientId, "allergy=" + a.id()
          + " category=" + a.category() + " substance=" + (a.substanceCode() != null ? a.substanceCode() : "text"),
          AuditOutcome.SUCCESS));
      return a;
    }));
  }

  public Allergy update(long allergyId, long expectedVersion, String reaction, Allergy.Severity severity,
      boolean verified, Allergy.Status status, CurrentUser user) {
    return db.inTransaction(em -> {
      Allergy a = ChartRecords.current(ChartRecords.lock(em, Allergy.class, allergyId), expectedVersion,
          Allergy::version, Allergy::updatedBy, Allergy::updatedAt);
      Allergy.Status was = a.status();
      a.change(reaction, severity, verified, status, user.displayName(), clock.instant());
      em.flush();
      audit.recordWithin(em, AuditEvent.by(user, AuditAction.ALLERGY_UPDATED, a.patientId(), "allergy=" + a.id()
          + " status=" + was + "->" + status + " verified=" + verified, AuditOutcome.SUCCESS));
      return a;
    });
  }

  public AllergyStatement noKnownDrugAllergies(long patientId, CurrentUser user) {
    return ChartFailures.retryOnUniqueViolation(() -> db.inTransaction(em -> {
      ChartRecords.patient(em, patientId);
      AllergyStatement statement = statement(em, patientId, AllergyStatement.State.NO_KNOWN_DRUG_ALLERGIES, user);
      long activeDrug = em.createQuery("SELECT COUNT(a) FROM Allergy a WHERE a.patientId = :p AND a.category"
          + " = :drug AND a.status = :active", Long.class).setParameter("p", patientId)
          .setParameter("drug", Allergy.Category.DRUG).setParameter("active", Allergy.Status.ACTIVE)
          .getSingleResult();
      if (activeDrug > 0) {
        throw DomainException.invalidTransition(AllergyStatement.State.HAS_ALLERGIES.name());
      }
      statement.state(AllergyStatement.State.NO_KNOWN_DRUG_ALLERGIES, user.displayName(), clock.instant());
      em.flush();
      audit.recordWithin(em, AuditEvent.by(user, AuditAction.NO_KNOWN_DRUG_ALLERGIES_RECORDED, patientId, "",
          AuditOutcome.SUCCESS));
      return statement;
    }));
  }

  /**
   * The patient's statement row, locked (created when missing): allergy writes for one patient queue behind it,
   * so "no known drug allergies" and a new drug allergy never both win.
   */
  private AllergyStatement statement(EntityManager em, long patientId, AllergyStatement.State initial,
      CurrentUser user) {
    AllergyStatement s = em.find(AllergyStatement.class, patientId, LockModeType.PESSIMISTIC_WRITE);
    if (s == null) {
      s = new AllergyStatement(patientId);
      // complete before it is persisted: a query later in the transaction may flush it
      s.state(initial, user.displayName(), clock.instant());
      em.persist(s);
    }
    return s;
  }
}
