package org.hospital.server.clinical.medication;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hospital.server.audit.AuditAction;
import org.hospital.server.audit.AuditEvent;
import org.hospital.server.audit.AuditOutcome;
import org.hospital.server.audit.AuditTrail;
import org.hospital.server.clinical.chart.Allergy;
import org.hospital.server.clinical.chart.ChartFailures;
import org.hospital.server.clinical.chart.ChartRecords;
import org.hospital.server.errors.DomainException;
import org.hospital.server.idempotency.IdempotencyKeys;
import org.hospital.server.patients.Patient;
import org.hospital.server.persistence.Database;
import org.hospital.server.security.CurrentUser;

/**
 * Checking, signing, stopping and renewing prescriptions. A signature runs the checks again inside its own
 * transaction, with the patient's row locked, so two doctors prescribing for one patient at once see each
 * other's prescription and an override given after a check still has to match what is true at signing.
 */
public final class PrescribingService {

  static final String SIGN = "sign-prescription";
  static final String RENEW = "renew-prescription";
  private static final int AUDIT_REASON_MAX = 200;

  private final Database db;
  private final AuditTrail audit;
  private final Formulary formulary;
  private final PrescribingChecks checks;
  private final Clock clock;
  private final ZoneId zone;

  public PrescribingService(Database db, AuditTrail audit, Formulary formulary, PrescribingChecks checks,
      Clock clock, ZoneId zone) {
    this.db = db;
    this.audit = audit;
    this.formulary = formulary;
    this.checks = checks;
    this.clock = clock;
    this.zone = zone;
  }

  /** The alerts the order would raise now; writes nothing but the audit entry of the chart read. */
  public List<PrescribingAlert> check(PrescriptionOrder order, long replacesId, CurrentUser user) {
    List<PrescribingAlert> alerts = db.read(em -> {
      ChartRecords.patient(em, order.patientId());
      return alerts(em, order, replacesId);
    });
    audit.record(AuditEvent.by(user, AuditAction.CHART_READ, order.patientId(), "prescription check product="
        + order.product().id() + " alerts=" + alerts.size(), AuditOutcome.SUCCESS));
    return alerts;
  }

  /** Signs the order (a change when {@code replacesId} is set); a retry with the key answers the first result. */
  public PrescriptionView sign(String key, PrescriptionOrder order, Map<String, String> overrides, long replacesId,
      long replacesVersion, CurrentUser user) {
    String fingerprint = IdempotencyKeys.fingerprint(SIGN, order.fingerprint(), new java.util.TreeMap<>(overrides), replacesId, replacesVersion);
    return ChartFailures.retryOnUniqueViolation(() -> db.inTransaction(em -> signIn(em, SIGN, key, fingerprint, order, overrides,
        replacesId, replacesVersion, Prescription.StopReason.CHANGED, user)));
  }

  /** The same order again from today, for as long as the first ran; the old one stops as RENEWED. */
  public PrescriptionView renew(String key, long prescriptionId, long expectedVersion, Map<String, String> overrides,
      CurrentUser user) {
    String fingerprint = IdempotencyKeys.fingerprint(RENEW, prescriptionId, expectedVersion,
        new java.util.TreeMap<>(overrides));
    return ChartFailures.retryOnUniqueViolation(() -> db.inTransaction(em -> {
      Prescription old = em.find(Prescription.class, prescriptionId);
      if (old == null) {
        throw DomainException.notFound();
      }
      LocalDate today = today();
      LocalDate end = old.endDate() == null ? null
          : today.plusDays(java.time.temporal.ChronoUnit.DAYS.between(old.startDate(), old.endDate()));
      FormularyProduct product = formulary.product(old.productId()).orElseThrow();
      PrescriptionOrder again = new PrescriptionOrder(old.patientId(), old.encounterId(), product, old.setting(),
          old.dose(), old.doseUnit(), old.route(), old.frequency(), old.prnIndication(), old.prnMinIntervalHours(),
          today, end, old.quantity(), old.quantityUnit(), old.refills(), old.instructions());
      return signIn(em, RENEW, key, fingerprint, again, overrides, prescriptionId, expectedVersion,
          Prescription.StopReason.RENEWED, user);
    }));
  }

  private PrescriptionView signIn(EntityManager em, String operation, String key, String fingerprint,
      PrescriptionOrder order, Map<String, String> overrides, long replacesId, long replacesVersion,
      Prescription.StopReason replacedAs, CurrentUser user) {
    Connection c = em.unwrap(Connection.class);
    try {
      Optional<Long> replay = IdempotencyKeys.replay(c, user.staffId(), key, operation, fingerprint);
      if (replay.isPresent()) {
        return view(em, em.find(Prescription.class, replay.get()));
      }
      lockLivingPatient(em, c, order.patientId());
      Prescription replaced = null;
      if (replacesId > 0) {
        replaced = ChartRecords.current(ChartRecords.lock(em, Prescription.class, replacesId), replacesVersion,
            Prescription::version, Prescription::updatedBy, Prescription::updatedAt);
        if (replaced.patientId() != order.patientId()) {
          throw ChartFailures.unknownId("replaces_prescription_id");
        }
        if (!replaced.activeOn(today())) {
          throw DomainException.invalidTransition(replaced.status().name());
        }
      }
      List<PrescribingAlert> alerts = alerts(em, order, replacesId);
      List<String> missing = alerts.stream().filter(a -> a.interruptive() && !overrides.containsKey(a.key()))
          .map(PrescribingAlert::key).toList();
      if (!missing.isEmpty()) {
        throw DomainException.overrideRequired(missing);
      }
      Prescription p = Prescription.sign(order, replacesId > 0 ? replacesId : null, user.staffId(),
          user.displayName(), clock.instant());
      if (replaced != null) {
        replaced.stop(replacedAs, null, user.displayName(), clock.instant());
      }
      em.persist(p);
      em.flush();
      List<AuditEvent> events = new ArrayList<>();
      events.add(AuditEvent.by(user, AuditAction.PRESCRIPTION_SIGNED, order.patientId(), "prescription=" + p.id()
          + " product=" + order.product().id() + (replacesId > 0 ? " replaces=" + replacesId : "")
          + " alerts=" + alerts.size(), AuditOutcome.SUCCESS));
      for (PrescribingAlert a : alerts) {
        String reason = overrides.get(a.key());
        if (reason != null) {
          insertOverride(c, p.id(), a, reason);
          events.add(AuditEvent.by(user, AuditAction.PRESCRIPTION_ALERT_OVERRIDDEN, order.patientId(),
              "prescription=" + p.id() + " alert=" + a.key() + " reason=" + shorten(reason), AuditOutcome.SUCCESS));
        }
      }
      IdempotencyKeys.claim(c, user.staffId(), key, operation, fingerprint, p.id(), user.displayName(),
          clock.instant());
      events.forEach(e -> audit.recordWithin(em, e));
      return view(em, p);
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot sign the prescription", e);
    }
  }

  public PrescriptionView stop(long prescriptionId, long expectedVersion, Prescription.StopReason reason,
      String note, CurrentUser user) {
    return db.inTransaction(em -> {
      Prescription p = ChartRecords.current(ChartRecords.lock(em, Prescription.class, prescriptionId),
          expectedVersion, Prescription::version, Prescription::updatedBy, Prescription::updatedAt);
      if (p.status() != Prescription.Status.ACTIVE) {
        throw DomainException.invalidTransition(p.status().name());
      }
      p.stop(reason, note, user.displayName(), clock.instant());
      em.flush();
      audit.recordWithin(em, AuditEvent.by(user, AuditAction.PRESCRIPTION_STOPPED, p.patientId(), "prescription="
          + p.id() + " reason=" + reason, AuditOutcome.SUCCESS));
      return view(em, p);
    });
  }

  /** Active first, then the rest; newest signed first within each. */
  public List<PrescriptionView> list(long patientId, CurrentUser user) {
    LocalDate today = today();
    List<PrescriptionView> out = db.read(em -> {
      ChartRecords.patient(em, patientId);
      List<Prescription> all = em.createQuery("SELECT p FROM Prescription p WHERE p.patientId = :p",
          Prescription.class).setParameter("p", patientId).getResultList();
      Map<Long, List<PrescriptionView.Override>> overrides = overrides(patientId);
      List<PrescriptionView> views = new ArrayList<>();
      for (Prescription p : all) {
        views.add(new PrescriptionView(p, formulary.product(p.productId()).orElseThrow(),
            overrides.getOrDefault(p.id(), List.of())));
      }
      views.sort(Comparator.comparing((PrescriptionView v) -> !v.prescription().activeOn(today))
          .thenComparing(v -> v.prescription().signedAt(), Comparator.reverseOrder()));
      return views;
    });
    audit.record(AuditEvent.by(user, AuditAction.CHART_READ, patientId, "medications=" + out.size(),
        AuditOutcome.SUCCESS));
    return out;
  }

  /** One prescription, for printing (which counts the print) or verifying. */
  PrescriptionView printed(long prescriptionId, CurrentUser user) {
    return db.inTransaction(em -> {
      Prescription p = ChartRecords.lock(em, Prescription.class, prescriptionId);
      p.printed(user.displayName(), clock.instant());
      em.flush();
      audit.recordWithin(em, AuditEvent.by(user, AuditAction.PRESCRIPTION_PRINTED, p.patientId(), "prescription="
          + p.id() + " print=" + p.printCount(), AuditOutcome.SUCCESS));
      return view(em, p);
    });
  }

  Optional<PrescriptionView> find(long prescriptionId) {
    return db.read(em -> Optional.ofNullable(em.find(Prescription.class, prescriptionId))).map(p ->
        new PrescriptionView(p, formulary.product(p.productId()).orElseThrow(),
            overrides(p.patientId()).getOrDefault(p.id(), List.of())));
  }

  LocalDate today() {
    return LocalDate.now(clock.withZone(zone));
  }

  private List<PrescribingAlert> alerts(EntityManager em, PrescriptionOrder order, long replacesId) {
    LocalDate today = today();
    List<PrescribingChecks.ActiveMedication> active = new ArrayList<>();
    for (Prescription p : em.createQuery("SELECT p FROM Prescription p WHERE p.patientId = :p AND p.status = :s",
        Prescription.class).setParameter("p", order.patientId()).setParameter("s", Prescription.Status.ACTIVE)
        .getResultList()) {
      if (p.id() != replacesId && p.activeOn(today)) {
        FormularyProduct product = formulary.product(p.productId()).orElseThrow();
        active.add(new PrescribingChecks.ActiveMedication(p.id(), product.name(), product.ingredients()));
      }
    }
    List<PrescribingChecks.DrugAllergy> allergies = new ArrayList<>();
    for (Allergy a : em.createQuery("SELECT a FROM Allergy a WHERE a.patientId = :p AND a.category = :c AND"
        + " a.status = :s", Allergy.class).setParameter("p", order.patientId())
        .setParameter("c", Allergy.Category.DRUG).setParameter("s", Allergy.Status.ACTIVE).getResultList()) {
      allergies.add(new PrescribingChecks.DrugAllergy(a.id(), a.substanceCode(), a.substance(), a.reaction(),
          a.severity()));
    }
    return checks.check(new PrescribingChecks.Proposed(order.product(), order.dose(), order.doseUnit(),
        order.frequency(), order.prnMinIntervalHours()), active, allergies);
  }

  /** Locks the patient's row (prescriptions for one patient queue behind it); a deceased patient is refused. */
  private static void lockLivingPatient(EntityManager em, Connection c, long patientId) throws SQLException {
    Patient patient = em.find(Patient.class, patientId, LockModeType.PESSIMISTIC_WRITE);
    if (patient == null) {
      throw ChartFailures.unknownId("order.patient_id");
    }
    try (PreparedStatement ps = c.prepareStatement("SELECT deceased_at FROM patient WHERE id = ?")) {
      ps.setLong(1, patientId);
      try (ResultSet rs = ps.executeQuery()) {
        if (rs.next() && rs.getObject(1) != null) {
          throw DomainException.invalidTransition("DECEASED");
        }
      }
    }
  }

  private PrescriptionView view(EntityManager em, Prescription p) {
    List<PrescriptionView.Override> o = overrides(em.unwrap(Connection.class), p.patientId())
        .getOrDefault(p.id(), List.of());
    return new PrescriptionView(p, formulary.product(p.productId()).orElseThrow(), o);
  }

  private static void insertOverride(Connection c, long prescriptionId, PrescribingAlert a, String reason)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO prescription_override (prescription_id, alert_key,"
        + " kind, summary, reason) VALUES (?, ?, ?, ?, ?)")) {
      ps.setLong(1, prescriptionId);
      ps.setString(2, a.key());
      ps.setString(3, a.kind().name());
      ps.setString(4, a.summary().length() > 500 ? a.summary().substring(0, 500) : a.summary());
      ps.setString(5, reason);
      ps.executeUpdate();
    }
  }

  /** Overrides read outside a transaction, on a connection of their own. */
  private Map<Long, List<PrescriptionView.Override>> overrides(long patientId) {
    try (Connection c = db.dataSource().getConnection()) {
      return overrides(c, patientId);
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot read overrides", e);
    }
  }

  private static Map<Long, List<PrescriptionView.Override>> overrides(Connection c, long patientId) {
    Map<Long, List<PrescriptionView.Override>> out = new HashMap<>();
    try (PreparedStatement ps = c.prepareStatement("SELECT o.prescription_id, o.alert_key, o.kind, o.summary,"
        + " o.reason FROM prescription_override o JOIN prescription p ON p.id = o.prescription_id"
        + " WHERE p.patient_id = ? ORDER BY o.prescription_id, o.alert_key")) {
      ps.setLong(1, patientId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new PrescriptionView.Override(
              rs.getString(2), PrescribingAlert.Kind.valueOf(rs.getString(3)), rs.getString(4), rs.getString(5)));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot read overrides", e);
    }
    return out;
  }

  private static String shorten(String reason) {
    return reason.length() <= AUDIT_REASON_MAX ? reason : reason.substring(0, AUDIT_REASON_MAX) + "...";
  }
}
