package org.hospital.server.clinical.chart;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.hospital.server.audit.AuditAction;
import org.hospital.server.audit.AuditEvent;
import org.hospital.server.audit.AuditOutcome;
import org.hospital.server.audit.AuditTrail;
import org.hospital.server.patients.Patient;
import org.hospital.server.persistence.Database;
import org.hospital.server.security.CurrentUser;

/** Reads the chart summary in one go (a handful of indexed queries) and audits the read. */
public final class ChartSummaryService {

  static final int RECENT_ENCOUNTERS = 10;

  private final Database db;
  private final AuditTrail audit;
  private final EncounterService encounters;

  public ChartSummaryService(Database db, AuditTrail audit, EncounterService encounters) {
    this.db = db;
    this.audit = audit;
    this.encounters = encounters;
  }

  public ChartSummary summary(long patientId, CurrentUser user) {
    ChartSummary s = db.read(em -> {
      Patient p = ChartRecords.patient(em, patientId);
      List<Allergy> allergies = em.createQuery("SELECT a FROM Allergy a WHERE a.patientId = :p AND a.status"
          + " = :active", Allergy.class).setParameter("p", patientId).setParameter("active", Allergy.Status.ACTIVE)
          .getResultList().stream().sorted(Comparator.comparing((Allergy a) -> a.category() != Allergy.Category.DRUG)
              .thenComparing(a -> a.severity() == null ? 0 : -a.severity().ordinal()).thenComparing(Allergy::id))
          .toList();
      List<Problem> problems = em.createQuery("SELECT q FROM Problem q WHERE q.patientId = :p", Problem.class)
          .setParameter("p", patientId).getResultList();
      List<Problem> active = problems.stream().filter(q -> q.status() == Problem.Status.ACTIVE)
          .sorted(Comparator.comparing(Problem::title)).toList();
      List<Problem> past = problems.stream().filter(q -> q.status() != Problem.Status.ACTIVE)
          .sorted(Comparator.comparing(Problem::updatedAt).reversed()).toList();
      return new ChartSummary(p, Optional.ofNullable(em.find(AllergyStatement.class, patientId)), allergies,
          active, past, encounters.recent(em, patientId, RECENT_ENCOUNTERS));
    });
    audit.record(AuditEvent.by(user, AuditAction.CHART_READ, patientId, "summary", AuditOutcome.SUCCESS));
    return s;
  }
}
