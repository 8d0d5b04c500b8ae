package org.hospital.server.lab;

import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hospital.server.audit.AuditAction;
import org.hospital.server.audit.AuditEvent;
import org.hospital.server.audit.AuditOutcome;
import org.hospital.server.audit.AuditTrail;
import org.hospital.server.patients.Patient;
import org.hospital.server.persistence.Database;
import org.hospital.server.security.CurrentUser;

/**
 * Entering results and correcting final ones. Values are checked against the order's analytes (unit, number or
 * code) and flagged from the patient's sex and age on the day the specimen was collected, all inside the
 * transaction that locks the order: a refused entry writes nothing, and two technicians cannot interleave.
 */
final class LabResultService {

  private final Database db;
  private final AuditTrail audit;
  private final LabCatalogue catalogue;
  private final Clock clock;
  private final ResultChecks checks;
  private final ResultsInbox inbox;

  LabResultService(Database db, AuditTrail audit, LabCatalogue catalogue, Clock clock, ZoneId zone,
      ResultsInbox inbox) {
    this.inbox = inbox;
    this.db = db;
    this.audit = audit;
    this.catalogue = catalogue;
    this.clock = clock;
    this.checks = new ResultChecks(zone);
  }

  /** One entry as it arrived. */
  record Entry(String analyteCode, String value, String unit) {}

  LabOrderView record(long orderId, long expectedVersion, List<Entry> entries, boolean isFinal, CurrentUser user) {
    List<List<ResultsInboxEventRecord>> events = new ArrayList<>();
    LabOrderView done = db.inTransaction(em -> {
      LabOrder o = LabRecords.current(em, orderId, expectedVersion);
      o.resulted(isFinal, user.displayName(), clock.instant());
      Map<String, Analyte> analytes = analytes(o);
      Map<String, LabResult> existing = new HashMap<>();
      LabRecords.results(em, o.id()).forEach(r -> existing.put(r.analyteCode(), r));
      Map<String, ResultValue> values = checks.entries(entries, analytes, existing.keySet(), isFinal,
          em.find(Patient.class, o.patientId()), o);
      Instant now = clock.instant();
      int flagged = 0;
      for (ResultValue value : values.values()) {
        LabResult r = existing.get(value.analyte().code());
        if (r == null) {
          em.persist(LabResult.of(o.id(), value, user.displayName(), now));
        } else if (!r.same(value)) {
          r.set(value, LabResult.Status.PRELIMINARY, user.displayName(), now);
        }
        flagged += value.flag() == ResultFlag.NORMAL ? 0 : 1;
      }
      em.flush();
      if (isFinal) {
        LabRecords.results(em, o.id()).forEach(LabResult::markFinal);
        em.flush();
      }
      audit.recordWithin(em, AuditEvent.by(user, AuditAction.LAB_RESULTS_RECORDED, o.patientId(), "order="
          + o.id() + " accession=" + o.accession() + " values=" + values.size() + " flagged=" + flagged
          + (isFinal ? " final" : " preliminary"), AuditOutcome.SUCCESS));
      return toInbox(em, o, now, events);
    });
    events.forEach(inbox::publish);
    return done;
  }

  LabOrderView correct(long orderId, long expectedVersion, Entry entry, String reason, CurrentUser user) {
    List<List<ResultsInboxEventRecord>> events = new ArrayList<>();
    LabOrderView done = db.inTransaction(em -> {
      LabOrder o = LabRecords.current(em, orderId, expectedVersion);
      o.corrected(user.displayName(), clock.instant());
      Analyte a = analytes(o).get(entry.analyteCode());
      LabResult r = a == null ? null : LabRecords.results(em, o.id()).stream()
          .filter(x -> x.analyteCode().equals(a.code())).findFirst().orElse(null);
      ResultValue value = checks.correction(entry, a, r, em.find(Patient.class, o.patientId()), o);
      Instant now = clock.instant();
      em.persist(LabResultRevision.of(r, user.displayName(), now, reason));
      String before = r.valueText();
      r.set(value, LabResult.Status.CORRECTED, user.displayName(), now);
      em.flush();
      audit.recordWithin(em, AuditEvent.by(user, AuditAction.LAB_RESULT_CORRECTED, o.patientId(), "order="
          + o.id() + " analyte=" + a.code() + " from=" + before + " to=" + r.valueText() + " reason="
          + LabOrderService.shorten(reason), AuditOutcome.SUCCESS));
      return toInbox(em, o, now, events);
    });
    events.forEach(inbox::publish);
    return done;
  }

  /**
   * The changed order (its version bumped by the flush) enters its doctor's results inbox, in this transaction,
   * as the last statement: the event commits with the result or not at all.
   */
  private LabOrderView toInbox(EntityManager em, LabOrder o, Instant now, List<List<ResultsInboxEventRecord>> out) {
    em.flush();
    LabOrderView v = LabRecords.view(em, o);
    out.add(inbox.changed(em, v, now));
    return v;
  }

  /** The order's analytes by code, in the order of its tests (an analyte in two panels counts once). */
  Map<String, Analyte> analytes(LabOrder o) {
    Map<String, Analyte> out = new LinkedHashMap<>();
    for (String code : o.testCodes()) {
      catalogue.test(code).ifPresent(t -> t.analytes().forEach(a -> out.putIfAbsent(a.code(), a)));
    }
    return out;
  }
}
