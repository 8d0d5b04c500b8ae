package org.hospital.server.lab;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.hospital.proto.common.v1.FieldViolationCode;
import org.hospital.server.clinical.chart.ChartFailures;
import org.hospital.server.errors.DomainException;
import org.hospital.server.errors.Violations;
import org.hospital.server.patients.Patient;

/**
 * Results checked against the order's analytes: the unit (exactly the analyte's UCUM unit), the value (a decimal,
 * or one of a coded analyte's codes), and flagged from the patient's sex and age on the day of collection. Every
 * problem of a request is collected; nothing is written until all are checked.
 */
final class ResultChecks {

  /** A decimal as a lab reports it: up to 12 digits before the point and 6 after. */
  private static final Pattern DECIMAL = Pattern.compile("-?[0-9]{1,12}([.,][0-9]{1,6})?");

  private final ZoneId zone;

  ResultChecks(ZoneId zone) {
    this.zone = zone;
  }

  /**
   * The entries as values by analyte code; INVALID_ARGUMENT naming each bad entry, and "entries" REQUIRED when
   * nothing is given or a final set would leave an analyte without a value.
   */
  Map<String, ResultValue> entries(List<LabResultService.Entry> entries, Map<String, Analyte> analytes,
      Set<String> alreadyResulted, boolean isFinal, Patient patient, LabOrder o) {
    Violations v = new Violations();
    Map<String, ResultValue> values = new LinkedHashMap<>();
    for (int i = 0; i < entries.size(); i++) {
      String field = "entries[" + i + "]";
      LabResultService.Entry e = entries.get(i);
      Analyte a = analytes.get(e.analyteCode());
      if (a == null) {
        v.add(field + ".analyte_code", FieldViolationCode.UNKNOWN_VALUE);
      } else if (values.containsKey(a.code())) {
        v.add(field + ".analyte_code", FieldViolationCode.DUPLICATE);
      } else {
        ResultValue checked = value(v, field, a, e, patient, o);
        if (checked != null) {
          values.put(a.code(), checked);
        }
      }
    }
    boolean incomplete = isFinal && analytes.keySet().stream()
        .anyMatch(code -> !values.containsKey(code) && !alreadyResulted.contains(code));
    if (incomplete || (!isFinal && entries.isEmpty())) {
      v.add("entries", FieldViolationCode.REQUIRED);
    }
    v.throwIfAny();
    return values;
  }

  /** The corrected value of a resulted analyte; INVALID_ARGUMENT when the analyte has no result or the value is bad. */
  ResultValue correction(LabResultService.Entry e, Analyte a, LabResult current, Patient patient, LabOrder o) {
    if (a == null || current == null) {
      throw ChartFailures.unknownId("entry.analyte_code");
    }
    Violations v = new Violations();
    ResultValue value = value(v, "entry", a, e, patient, o);
    v.throwIfAny();
    return value;
  }

  /** A collection time before the order was placed. */
  static DomainException collectedBeforeOrdered() {
    return ChartFailures.invalid("collected_at", FieldViolationCode.OUT_OF_RANGE);
  }

  private ResultValue value(Violations v, String field, Analyte a, LabResultService.Entry e, Patient patient,
      LabOrder o) {
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
