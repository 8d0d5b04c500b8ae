package org.hospital.server.lab;

import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.hospital.proto.common.v1.FieldViolationCode;
import org.hospital.server.audit.AuditAction;
import org.hospital.server.audit.AuditEvent;
import org.hospital.server.audit.AuditOutcome;
import org.hospital.server.audit.AuditTrail;
import org.hospital.server.errors.Violations;
import org.hospital.server.patients.Patient;
import org.hospital.server.persistence.Database;
import org.hospital.server.security.CurrentUser;

/**
 * Entering results and correcting final ones. Values are checked against the order's analytes (unit, number or
 * code) and flagged from the patient's sex and age on the day the specimen was collected, all inside the
 * transaction that locks the order: a refused entry writes nothing, and two technicians cannot interleave.
 */
final class LabResultService {

  /** A decimal as a lab reports it: up to 12 digits before the point and 6 after. */
  private static final Pattern DECIMAL = Pattern.compile("-?[0-9]{1,12}([.,][0-9]{1,6})?");

  private final Database db;
  private final AuditTrail audit;
  private final LabCatalogue catalogue;
  private final Clock clock;
  private final ZoneId zone;

  LabResultService(Database db, AuditTrail audit, LabCatalogue catalogue, Clock clock, ZoneId zone) {
    this.db = db;
    this.audit = audit;
    this.catalogue = catalogue;
    this.clock = clock;
    this.zone = zone;
  }

  /** One entry as it arrived. */
  record Entry(String analyteCode, String value, String unit) {}

  LabOrderView record(long orderId, long expectedVersion, List<Entry> entries, boolean isFinal, CurrentUser user) {
    return db.inTransaction(em -> {
      LabOrder o = LabRecords.current(em, orderId, expectedVersion);
      o.resulted(isFinal, user.displayName(), clock.instant());
      Map<String, Analyte> analytes = analytes(o);
      Patient patient = em.find(Patient.class, o.patientId());
      Violations v = new Violations();
      Map<String, ResultValue> values = new LinkedHashMap<>();
      for (int i = 0; i < entries.size(); i++) {
        String field = "entries[" + i + "]";
        Entry e = entries.get(i);
        Analyte a = analytes.get(e.analyteCode());
        if (a == null) {
          v.add(field + ".analyte_code", FieldViolationCode.UNKNOWN_VALUE);
        } else if (values.containsKey(a.code())) {
          v.add(field + ".analyte_code", FieldViolationCode.DUPLICATE);
        } else {
          ResultValue checked = check(v, field, a, e, patient, o);
          if (checked != null) {
            values.put(a.code(), checked);
          }
        }
      }
      Map<String, LabResult> existing = new HashMap<>();
      LabRecords.results(em, o.id()).forEach(r -> existing.put(r.analyteCode(), r));
      if (isFinal) {
        for (String code : analytes.keySet()) {
          if (!values.containsKey(code) && !existing.containsKey(code) && !v.has("entries")) {
            v.add("entries", FieldViolationCode.REQUIRED);
          }
        }
      } else if (entries.isEmpty()) {
        v.add("entries", FieldViolationCode.REQUIRED);
      }
      v.throwIfAny();
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
      return LabRecords.view(em, o);
    });
  }

  LabOrderView correct(long orderId, long expectedVersion, Entry entry, String reason, CurrentUser user) {
    return db.inTransaction(em -> {
      LabOrder o = LabRecords.current(em, orderId, expectedVersion);
      o.corrected(user.displayName(), clock.instant());
      Analyte a = analytes(o).get(entry.analyteCode());
      Violations v = new Violations();
      LabResult r = null;
      ResultValue value = null;
      if (a == null) {
        v.add("entry.analyte_code", FieldViolationCode.UNKNOWN_VALUE);
      } else {
        r = LabRecords.results(em, o.id()).stream().filter(x -> x.analyteCode().equals(a.code())).findFirst()
            .orElse(null);
        if (r == null) {
          v.add("entry.analyte_code", FieldViolationCode.UNKNOWN_VALUE);
        } else {
          value = check(v, "entry", a, entry, em.find(Patient.class, o.patientId()), o);
        }
      }
      v.throwIfAny();
      Instant now = clock.instant();
      em.persist(LabResultRevision.of(r, user.displayName(), now, reason));
      String before = r.valueText();
      r.set(value, LabResult.Status.CORRECTED, user.displayName(), now);
      em.flush();
      audit.recordWithin(em, AuditEvent.by(user, AuditAction.LAB_RESULT_CORRECTED, o.patientId(), "order="
          + o.id() + " analyte=" + a.code() + " from=" + before + " to=" + r.valueText() + " reason="
          + LabOrderService.shorten(reason), AuditOutcome.SUCCESS));
      return LabRecords.view(em, o);
    });
  }

  /** The order's analytes by code, in the order of its tests (an analyte in two panels counts once). */
  Map<String, Analyte> analytes(LabOrder o) {
    Map<String, Analyte> out = new LinkedHashMap<>();
    for (String code : o.testCodes()) {
      catalogue.test(code).ifPresent(t -> t.analytes().forEach(a -> out.putIfAbsent(a.code(), a)));
    }
    return out;
  }

  private ResultValue check(Violations v, String field, Analyte a, Entry e, Patient patient, LabOrder o) {
    String raw = e.value().strip();
    if (raw.isEmpty()) {
      v.add(field + ".value", FieldViolationCode.REQUIRED);
      return null;
    }
    if (a.kind() == Analyte.Kind.CODED) {
      if (!e.unit().isEmpty()) {
        v.add(field + ".unit", FieldViolationCode.UNIT_MISMATCH);
      }
      String code = raw.toUpperCase(Locale.ROOT).replace(' ', '_');
      if (!a.codes().contains(code)) {
        v.add(field + ".value", FieldViolationCode.NOT_A_RESULT_VALUE);
        return null;
      }
      return v.has(field + ".unit") ? null : new ResultValue(a, null, code, null, ResultFlag.of(a, code));
    }
    boolean unitOk = e.unit().strip().equals(a.unit());
    if (!unitOk) {
      v.add(field + ".unit", FieldViolationCode.UNIT_MISMATCH);
    }
    if (!DECIMAL.matcher(raw).matches()) {
      v.add(field + ".value", FieldViolationCode.NOT_A_RESULT_VALUE);
      return null;
    }
    if (!unitOk) {
      return null;
    }
    BigDecimal number = new BigDecimal(raw.replace(',', '.'));
    Analyte.Range range = a.rangeFor(patient.sex(), ageAt(patient, o));
    return new ResultValue(a, number, null, range, ResultFlag.of(a, range, number));
  }

  /** Whole years on the day the specimen was collected, in the hospital's time zone. */
  private int ageAt(Patient p, LabOrder o) {
    LocalDate day = o.collectedAt().atZone(zone).toLocalDate();
    return Math.max(0, Period.between(p.birthDate(), day).getYears());
  }
}
