package org.hospital.server.clinical.medication;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.hospital.proto.clinical.v1.AddFormularyProductRequest;
import org.hospital.proto.clinical.v1.AlertOverride;
import org.hospital.proto.common.v1.FieldViolationCode;
import org.hospital.server.clinical.chart.ChartRequests;
import org.hospital.server.clinical.reference.DrugSubstanceList;
import org.hospital.server.errors.ProtoDates;
import org.hospital.server.errors.TextRules;
import org.hospital.server.errors.Violations;

/** Checks prescribing requests field by field and turns them into orders; every problem is reported at once. */
final class PrescriptionRequests {

  static final Set<String> DOSE_UNITS = Set.of("mg", "mcg", "g", "mL", "unit", "tablet", "capsule", "puff",
      "drop", "patch", "application", "spray");
  static final Set<String> ROUTES = Set.of("oral", "sublingual", "intravenous", "intramuscular", "subcutaneous",
      "topical", "transdermal", "inhalation", "nasal", "ophthalmic", "otic", "rectal", "vaginal", "intrauterine",
      "subdermal", "oromucosal");
  static final BigDecimal MAX_DOSE = BigDecimal.valueOf(100_000);
  static final int MAX_REFILLS = 11;
  static final int MAX_DURATION_DAYS = 365;
  static final int MAX_INSTRUCTIONS = 1000;
  static final int MAX_REASON = 500;
  static final int MIN_REASON = 3;
  private static final Pattern PRODUCT_CODE = Pattern.compile("[A-Za-z0-9\\-]{2,40}");

  private final Formulary formulary;
  private final DrugSubstanceList substances;
  private final Clock clock;
  private final ZoneId zone;

  PrescriptionRequests(Formulary formulary, DrugSubstanceList substances, Clock clock, ZoneId zone) {
    this.formulary = formulary;
    this.substances = substances;
    this.clock = clock;
    this.zone = zone;
  }

  /** The order, or null with the problems in {@code v}; field names are prefixed "order.". */
  PrescriptionOrder order(Violations v, org.hospital.proto.clinical.v1.PrescriptionOrder o) {
    ChartRequests.id(v, "order.patient_id", o.getPatientId());
    ChartRequests.optionalId(v, "order.encounter_id", o.getEncounterId());
    FormularyProduct product = null;
    if (ChartRequests.id(v, "order.product_id", o.getProductId()) > 0) {
      product = formulary.product(o.getProductId()).orElse(null);
      if (product == null) {
        v.add("order.product_id", FieldViolationCode.UNKNOWN_ID);
      }
    }
    Prescription.Setting setting = switch (o.getSetting()) {
      case MEDICATION_OUTPATIENT -> Prescription.Setting.OUTPATIENT;
      case MEDICATION_INPATIENT -> Prescription.Setting.INPATIENT;
      case MEDICATION_SETTING_UNSPECIFIED -> { v.add("order.setting", FieldViolationCode.REQUIRED); yield null; }
      default -> { v.add("order.setting", FieldViolationCode.UNKNOWN_VALUE); yield null; }
    };
    BigDecimal dose = null;
    if (o.getDose() == 0) {
      v.add("order.dose", FieldViolationCode.REQUIRED);
    } else if (!Double.isFinite(o.getDose()) || o.getDose() < 0 || BigDecimal.valueOf(o.getDose())
        .compareTo(MAX_DOSE) > 0) {
      v.add("order.dose", FieldViolationCode.OUT_OF_RANGE);
    } else {
      dose = BigDecimal.valueOf(o.getDose());
      if (dose.scale() > 4) {
        v.add("order.dose", FieldViolationCode.INVALID_FORMAT);
      }
    }
    String unit = oneOf(v, "order.dose_unit", o.getDoseUnit(), DOSE_UNITS);
    String route = oneOf(v, "order.route", o.getRoute(), ROUTES);
    Frequency frequency = frequency(v, o.getFrequency());
    String indication = null;
    Integer interval = null;
    if (frequency == Frequency.PRN) {
      indication = TextRules.required(v, "order.prn_indication", o.getPrnIndication(), 200);
      if (o.getPrnMinIntervalHours() <= 0 || o.getPrnMinIntervalHours() > 72) {
        v.add("order.prn_min_interval_hours", o.getPrnMinIntervalHours() == 0 ? FieldViolationCode.REQUIRED
            : FieldViolationCode.OUT_OF_RANGE);
      } else {
        interval = o.getPrnMinIntervalHours();
      }
    }
    LocalDate today = LocalDate.now(clock.withZone(zone));
    LocalDate start = today;
    if (!ProtoDates.isEmpty(o.getStart())) {
      start = ProtoDates.required(v, "order.start", o.getStart());
      if (start != null && (start.isBefore(today.minusDays(30)) || start.isAfter(today.plusYears(1)))) {
        v.add("order.start", FieldViolationCode.OUT_OF_RANGE);
      }
    }
    LocalDate end = null;
    boolean hasEnd = !ProtoDates.isEmpty(o.getEnd());
    if (hasEnd && o.getDurationDays() != 0) {
      v.add("order.duration_days", FieldViolationCode.DUPLICATE);
    } else if (hasEnd) {
      end = ProtoDates.required(v, "order.end", o.getEnd());
      if (end != null && start != null && end.isBefore(start)) {
        v.add("order.end", FieldViolationCode.OUT_OF_RANGE);
      }
    } else if (o.getDurationDays() != 0) {
      if (o.getDurationDays() < 0 || o.getDurationDays() > MAX_DURATION_DAYS) {
        v.add("order.duration_days", FieldViolationCode.OUT_OF_RANGE);
      } else if (start != null) {
        end = start.plusDays(o.getDurationDays() - 1L);
      }
    }
    BigDecimal quantity = null;
    if (o.getQuantity() < 0 || !Double.isFinite(o.getQuantity()) || o.getQuantity() > 100_000) {
      v.add("order.quantity", FieldViolationCode.OUT_OF_RANGE);
    } else if (o.getQuantity() > 0) {
      quantity = BigDecimal.valueOf(o.getQuantity());
    }
    String quantityUnit = ChartRequests.optionalText(v, "order.quantity_unit", o.getQuantityUnit(), 30);
    if (quantity != null && quantityUnit == null && !v.has("order.quantity_unit")) {
      v.add("order.quantity_unit", FieldViolationCode.REQUIRED);
    }
    if (o.getRefills() < 0 || o.getRefills() > MAX_REFILLS) {
      v.add("order.refills", FieldViolationCode.OUT_OF_RANGE);
    }
    String instructions = ChartRequests.paragraphs(v, "order.instructions", o.getInstructions(), MAX_INSTRUCTIONS);
    if (!v.isEmpty()) {
      return null;
    }
    return new PrescriptionOrder(o.getPatientId(), o.getEncounterId() > 0 ? o.getEncounterId() : null, product,
        setting, dose, unit, route, frequency, indication, interval, start, end, quantity, quantityUnit,
        o.getRefills(), instructions);
  }

  /** Override reasons by alert key. */
  static Map<String, String> overrides(Violations v, List<AlertOverride> overrides) {
    Map<String, String> out = new LinkedHashMap<>();
    for (int i = 0; i < overrides.size(); i++) {
      AlertOverride o = overrides.get(i);
      String field = "overrides[" + i + "]";
      if (o.getAlertKey().isEmpty() || o.getAlertKey().length() > 120) {
        v.add(field + ".alert_key", o.getAlertKey().isEmpty() ? FieldViolationCode.REQUIRED
            : FieldViolationCode.TOO_LONG);
        continue;
      }
      String reason = TextRules.required(v, field + ".reason", o.getReason(), MAX_REASON);
      if (reason != null && reason.length() < MIN_REASON) {
        v.add(field + ".reason", FieldViolationCode.TOO_SHORT);
      } else if (reason != null && out.put(o.getAlertKey(), reason) != null) {
        v.add(field + ".alert_key", FieldViolationCode.DUPLICATE);
      }
    }
    return out;
  }

  static Prescription.StopReason stopReason(Violations v, org.hospital.proto.clinical.v1.StopReason r) {
    return switch (r) {
      case STOP_COMPLETED -> Prescription.StopReason.COMPLETED;
      case STOP_ADVERSE_REACTION -> Prescription.StopReason.ADVERSE_REACTION;
      case STOP_INEFFECTIVE -> Prescription.StopReason.INEFFECTIVE;
      case STOP_PATIENT_REQUEST -> Prescription.StopReason.PATIENT_REQUEST;
      case STOP_ENTERED_IN_ERROR -> Prescription.StopReason.ENTERED_IN_ERROR;
      case STOP_OTHER -> Prescription.StopReason.OTHER;
      // changes and renewals stop through their own calls, which write the replacement
      case STOP_CHANGED, STOP_RENEWED -> { v.add("reason", FieldViolationCode.UNKNOWN_VALUE); yield null; }
      case STOP_REASON_UNSPECIFIED -> { v.add("reason", FieldViolationCode.REQUIRED); yield null; }
      default -> { v.add("reason", FieldViolationCode.UNKNOWN_VALUE); yield null; }
    };
  }

  /** A new product's fields, or null with the problems in {@code v}. */
  FormularyProduct.Details product(Violations v, AddFormularyProductRequest r) {
    if (r.getCode().isEmpty()) {
      v.add("code", FieldViolationCode.REQUIRED);
    } else if (!PRODUCT_CODE.matcher(r.getCode()).matches()) {
      v.add("code", FieldViolationCode.INVALID_FORMAT);
    }
    String rxnorm = ChartRequests.optionalText(v, "rxnorm", r.getRxnorm(), 20);
    if (rxnorm != null && !rxnorm.matches("\\d{1,20}")) {
      v.add("rxnorm", FieldViolationCode.INVALID_FORMAT);
    }
    String name = TextRules.required(v, "name", r.getName(), 300);
    List<String> ingredients = new ArrayList<>();
    if (r.getIngredientsCount() == 0) {
      v.add("ingredients", FieldViolationCode.REQUIRED);
    } else if (r.getIngredientsCount() > 10) {
      v.add("ingredients", FieldViolationCode.OUT_OF_RANGE);
    } else {
      for (int i = 0; i < r.getIngredientsCount(); i++) {
        String code = r.getIngredients(i).strip().toLowerCase(Locale.ROOT);
        if (!substances.isIngredient(code)) {
          v.add("ingredients[" + i + "]", FieldViolationCode.UNKNOWN_VALUE);
        } else if (ingredients.contains(code)) {
          v.add("ingredients[" + i + "]", FieldViolationCode.DUPLICATE);
        } else {
          ingredients.add(code);
        }
      }
    }
    String strength = ChartRequests.optionalText(v, "strength", r.getStrength(), 200);
    String form = ChartRequests.optionalText(v, "form", r.getForm(), 60);
    String route = r.getRoute().isEmpty() ? null : oneOf(v, "route", r.getRoute(), ROUTES);
    String barcode = r.getBarcode().strip().isEmpty() ? null : r.getBarcode().strip();
    if (barcode != null && !Gtin.valid(barcode)) {
      v.add("barcode", FieldViolationCode.INVALID_FORMAT);
    }
    String doseUnit = r.getDoseUnit().isEmpty() ? null : oneOf(v, "dose_unit", r.getDoseUnit(), DOSE_UNITS);
    BigDecimal min = positive(v, "dose_min", r.getDoseMin());
    BigDecimal max = positive(v, "dose_max", r.getDoseMax());
    BigDecimal daily = positive(v, "dose_max_daily", r.getDoseMaxDaily());
    if ((min == null) != (max == null)) {
      v.add(min == null ? "dose_min" : "dose_max", FieldViolationCode.REQUIRED);
    } else if (min != null && min.compareTo(max) > 0) {
      v.add("dose_max", FieldViolationCode.OUT_OF_RANGE);
    }
    if ((min != null || daily != null) && doseUnit == null && !v.has("dose_unit")) {
      v.add("dose_unit", FieldViolationCode.REQUIRED);
    }
    if (!v.isEmpty()) {
      return null;
    }
    return new FormularyProduct.Details(r.getCode(), rxnorm, name, ingredients, strength, form, route, barcode,
        doseUnit, min, max, daily);
  }

  private static BigDecimal positive(Violations v, String field, double value) {
    if (value == 0) {
      return null;
    }
    if (!Double.isFinite(value) || value < 0 || value > 100_000) {
      v.add(field, FieldViolationCode.OUT_OF_RANGE);
      return null;
    }
    return BigDecimal.valueOf(value);
  }

  private static String oneOf(Violations v, String field, String raw, Set<String> allowed) {
    if (raw.isEmpty()) {
      v.add(field, FieldViolationCode.REQUIRED);
      return null;
    }
    if (!allowed.contains(raw)) {
      v.add(field, FieldViolationCode.UNKNOWN_VALUE);
      return null;
    }
    return raw;
  }

  private static Frequency frequency(Violations v, org.hospital.proto.clinical.v1.Frequency f) {
    if (f == org.hospital.proto.clinical.v1.Frequency.FREQUENCY_UNSPECIFIED) {
      v.add("order.frequency", FieldViolationCode.REQUIRED);
      return null;
    }
    if (f == org.hospital.proto.clinical.v1.Frequency.UNRECOGNIZED) {
      v.add("order.frequency", FieldViolationCode.UNKNOWN_VALUE);
      return null;
    }
    return Frequency.valueOf(f.name());
  }
}
