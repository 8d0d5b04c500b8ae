package org.hospital.server.lab;

import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.hospital.server.audit.AuditAction;
import org.hospital.server.audit.AuditEvent;
import org.hospital.server.audit.AuditOutcome;
import org.hospital.server.audit.AuditTrail;
import org.hospital.server.clinical.chart.ChartFailures;
import org.hospital.server.clinical.chart.ChartRecords;
import org.hospital.server.clinical.chart.Encounter;
import org.hospital.server.errors.DomainException;
import org.hospital.server.idempotency.IdempotencyKeys;
import org.hospital.server.persistence.Database;
import org.hospital.server.security.CurrentUser;

/** Placing orders and moving their specimens: collected, received, or the order cancelled. Every write audited. */
final class LabOrderService {

  static final String PLACE = "place-lab-order";
  private static final List<LabOrder.Status> WORKLIST = List.of(LabOrder.Status.COLLECTED,
      LabOrder.Status.RECEIVED, LabOrder.Status.PRELIMINARY);

  private final Database db;
  private final AuditTrail audit;
  private final Clock clock;

  LabOrderService(Database db, AuditTrail audit, Clock clock) {
    this.db = db;
    this.audit = audit;
    this.clock = clock;
  }

  /** The checked request of a new order. */
  record NewOrder(long encounterId, List<String> testCodes, LabOrder.Priority priority, String clinicalQuestion,
      SpecimenType specimen) {
    String fingerprint() {
      return IdempotencyKeys.fingerprint(PLACE, encounterId, testCodes, priority, clinicalQuestion, specimen);
    }
  }

  LabOrderView place(String key, NewOrder n, CurrentUser user) {
    return ChartFailures.retryOnUniqueViolation(() -> db.inTransaction(em -> {
      Connection c = em.unwrap(Connection.class);
      try {
        Optional<Long> replay = IdempotencyKeys.replay(c, user.staffId(), key, PLACE, n.fingerprint());
        if (replay.isPresent()) {
          return LabRecords.view(em, em.find(LabOrder.class, replay.get()));
        }
        // Locked so that an order cannot slip in while the encounter is being ended.
        Encounter e = em.find(Encounter.class, n.encounterId(), jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        if (e == null) {
          throw ChartFailures.unknownId("encounter_id");
        }
        if (e.status() != Encounter.Status.OPEN) {
          throw DomainException.invalidTransition("ENCOUNTER_" + e.status().name());
        }
        LabOrder o = LabOrder.place(e.patientId(), e.id(), n.testCodes(), n.priority(), n.clinicalQuestion(),
            n.specimen(), user.staffId(), user.displayName(), clock.instant());
        em.persist(o);
        o.assignAccession();
        em.flush();
        IdempotencyKeys.claim(c, user.staffId(), key, PLACE, n.fingerprint(), o.id(), user.displayName(),
            clock.instant());
        audit.recordWithin(em, AuditEvent.by(user, AuditAction.LAB_ORDER_PLACED, o.patientId(), "order=" + o.id()
            + " accession=" + o.accession() + " tests=" + String.join(",", n.testCodes()) + " priority="
            + n.priority(), AuditOutcome.SUCCESS));
        return LabRecords.view(em, o);
      } catch (SQLException ex) {
        throw new IllegalStateException("Cannot place the lab order", ex);
      }
    }));
  }

  LabOrderView collect(long orderId, long expectedVersion, java.time.Instant when, CurrentUser user) {
    return db.inTransaction(em -> {
      LabOrder o = LabRecords.current(em, orderId, expectedVersion);
      java.time.Instant at = when == null ? clock.instant() : when;
      if (o.status() == LabOrder.Status.ORDERED && at.isBefore(o.orderedAt())) {
        throw ResultChecks.collectedBeforeOrdered();
      }
      o.collect(user.displayName(), at, clock.instant());
      return written(em, o, user, AuditAction.LAB_SPECIMEN_COLLECTED, "collected_at=" + at);
    });
  }

  LabOrderView receive(long orderId, long expectedVersion, CurrentUser user) {
    return db.inTransaction(em -> {
      LabOrder o = LabRecords.current(em, orderId, expectedVersion);
      o.receive(user.displayName(), clock.instant());
      return written(em, o, user, AuditAction.LAB_SPECIMEN_RECEIVED, "");
    });
  }

  LabOrderView cancel(long orderId, long expectedVersion, String reason, CurrentUser user) {
    return db.inTransaction(em -> {
      LabOrder o = LabRecords.current(em, orderId, expectedVersion);
      o.cancel(reason, user.displayName(), clock.instant());
      return written(em, o, user, AuditAction.LAB_ORDER_CANCELLED, "reason=" + shorten(reason));
    });
  }

  private LabOrderView written(EntityManager em, LabOrder o, CurrentUser user, AuditAction action, String detail) {
    em.flush();
    audit.recordWithin(em, AuditEvent.by(user, action, o.patientId(), "order=" + o.id() + " accession="
        + o.accession() + (detail.isEmpty() ? "" : " " + detail), AuditOutcome.SUCCESS));
    return LabRecords.view(em, o);
  }

  /** One order; the read is audited as a chart read. */
  LabOrderView get(long orderId, CurrentUser user) {
    LabOrderView v = db.read(em -> {
      LabOrder o = em.find(LabOrder.class, orderId);
      if (o == null) {
        throw DomainException.notFound();
      }
      return LabRecords.view(em, o);
    });
    audit.record(AuditEvent.by(user, AuditAction.CHART_READ, v.order().patientId(), "lab order=" + orderId,
        AuditOutcome.SUCCESS));
    return v;
  }

  /** The lab's open work, STAT before URGENT before ROUTINE, then oldest first. */
  List<LabOrderView> worklist(CurrentUser user) {
    List<LabOrderView> out = db.read(em -> {
      List<LabOrderView> views = new ArrayList<>();
      for (LabOrder o : em.createQuery("SELECT o FROM LabOrder o WHERE o.status IN :s", LabOrder.class)
          .setParameter("s", WORKLIST).getResultList()) {
        views.add(LabRecords.view(em, o));
      }
      views.sort(Comparator.comparing((LabOrderView v) -> -v.order().priority().ordinal())
          .thenComparing(v -> v.order().orderedAt()).thenComparing(v -> v.order().id()));
      return views;
    });
    audit.record(AuditEvent.by(user, AuditAction.CHART_READ, AuditEvent.NO_PATIENT, "lab worklist="
        + out.size(), AuditOutcome.SUCCESS));
    return out;
  }

  /** A patient's orders, newest first. */
  List<LabOrderView> ofPatient(long patientId, CurrentUser user) {
    List<LabOrderView> out = db.read(em -> {
      ChartRecords.patient(em, patientId);
      List<LabOrderView> views = new ArrayList<>();
      for (LabOrder o : em.createQuery("SELECT o FROM LabOrder o WHERE o.patientId = :p ORDER BY o.orderedAt"
          + " DESC, o.id DESC", LabOrder.class).setParameter("p", patientId).getResultList()) {
        views.add(LabRecords.view(em, o));
      }
      return views;
    });
    audit.record(AuditEvent.by(user, AuditAction.CHART_READ, patientId, "lab orders=" + out.size(),
        AuditOutcome.SUCCESS));
    return out;
  }

  static String shorten(String text) {
    return text.length() <= 200 ? text : text.substring(0, 200) + "...";
  }
}
