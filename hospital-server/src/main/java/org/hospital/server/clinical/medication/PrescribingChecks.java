package org.hospital.server.clinical.medication;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hospital.server.clinical.chart.Allergy;
import org.hospital.server.clinical.reference.CrossSensitivities;
import org.hospital.server.clinical.reference.DrugInteractions;
import org.hospital.server.clinical.reference.DrugSubstanceList;

/**
 * The checks a prescription passes before it is signed, against what the patient already takes and is allergic
 * to. Pure: the caller loads the patient's facts (in the signing transaction), so the same code answers a
 * check and guards a signature.
 */
public final class PrescribingChecks {

  /** An active prescription of the patient, by its ingredients. */
  public record ActiveMedication(long prescriptionId, String productName, List<String> ingredients) {}

  /** An active drug allergy. */
  public record DrugAllergy(long allergyId, String substanceCode, String substance, String reaction,
      Allergy.Severity severity) {}

  /** What is being prescribed. */
  public record Proposed(FormularyProduct product, BigDecimal dose, String doseUnit, Frequency frequency,
      Integer prnMinIntervalHours) {}

  static final String DOSE_SOURCE = "Formulary dose range (product prescribing information)";

  private final DrugSubstanceList substances;
  private final DrugInteractions interactions;
  private final CrossSensitivities crossSensitivities;

  public PrescribingChecks(DrugSubstanceList substances, DrugInteractions interactions,
      CrossSensitivities crossSensitivities) {
    this.substances = substances;
    this.interactions = interactions;
    this.crossSensitivities = crossSensitivities;
  }

  /** Every alert, interruptive ones first; each finding once. */
  public List<PrescribingAlert> check(Proposed p, List<ActiveMedication> active, List<DrugAllergy> allergies) {
    Map<String, PrescribingAlert> found = new LinkedHashMap<>();
    List<String> ingredients = p.product().ingredients();
    for (DrugAllergy a : allergies) {
      allergy(ingredients, a).ifPresent(alert -> found.putIfAbsent(alert.key(), alert));
    }
    for (ActiveMedication m : active) {
      for (String i : ingredients) {
        if (m.ingredients().contains(i)) {
          String key = "duplicate:" + m.prescriptionId();
          found.putIfAbsent(key, new PrescribingAlert(key, PrescribingAlert.Kind.DUPLICATE_THERAPY, true, i, i,
              m.prescriptionId(), m.productName(), "", "Duplicate therapy: " + name(i) + " is already prescribed ("
              + m.productName() + ")"));
        }
        for (String other : m.ingredients()) {
          if (other.equals(i)) {
            continue;
          }
          Optional<DrugInteractions.Level> level = interactions.between(i, other);
          if (level.isPresent()) {
            boolean high = level.get() == DrugInteractions.Level.HIGH_PRIORITY;
            String key = "interaction:" + pair(i, other);
            found.putIfAbsent(key, new PrescribingAlert(key, high ? PrescribingAlert.Kind.INTERACTION_HIGH_PRIORITY
                : PrescribingAlert.Kind.INTERACTION, high, i, other, m.prescriptionId(), m.productName(),
                DrugInteractions.SOURCE, (high ? "High-priority interaction: " : "Interaction: ") + name(i) + " with "
                + name(other) + " (" + m.productName() + ")"));
          }
        }
      }
    }
    dose(p).forEach(alert -> found.putIfAbsent(alert.key(), alert));
    List<PrescribingAlert> out = new ArrayList<>(found.values());
    out.sort((x, y) -> Boolean.compare(y.interruptive(), x.interruptive()));
    return out;
  }

  private Optional<PrescribingAlert> allergy(List<String> ingredients, DrugAllergy a) {
    String code = a.substanceCode();
    String key = "allergy:" + a.allergyId();
    String detail = detail(a);
    Set<String> allergyClasses = substances.isClass(code) ? Set.of(code) : substances.classesOf(code);
    for (String i : ingredients) {
      if (code.equals(i)) {
        return Optional.of(new PrescribingAlert(key, PrescribingAlert.Kind.DRUG_ALLERGY, true, i, a.substance(),
            a.allergyId(), detail, "", "Allergy: the patient is allergic to " + a.substance() + inBrackets(a)));
      }
      for (String cls : substances.classesOf(i)) {
        if (allergyClasses.contains(cls)) {
          return Optional.of(new PrescribingAlert(key, PrescribingAlert.Kind.DRUG_ALLERGY, true, i, a.substance(),
              a.allergyId(), detail, "", "Allergy: the patient is allergic to " + a.substance() + inBrackets(a)
              + "; " + name(i) + " is one of the " + name(cls)));
        }
      }
    }
    for (String i : ingredients) {
      for (String cls : substances.classesOf(i)) {
        for (String allergyClass : allergyClasses) {
          Optional<String> source = crossSensitivities.between(allergyClass, cls);
          if (source.isPresent()) {
            return Optional.of(new PrescribingAlert(key, PrescribingAlert.Kind.CROSS_SENSITIVITY,
                a.severity() == Allergy.Severity.SEVERE, i, a.substance(), a.allergyId(), detail, source.get(),
                "Cross-sensitivity: the patient is allergic to " + a.substance() + inBrackets(a) + "; "
                + name(i) + " (" + name(cls) + ") can cross-react"));
          }
        }
      }
    }
    return Optional.empty();
  }

  private List<PrescribingAlert> dose(Proposed p) {
    FormularyProduct product = p.product();
    if (product.doseUnit() == null || !product.doseUnit().equalsIgnoreCase(p.doseUnit())) {
      return List.of();
    }
    List<PrescribingAlert> out = new ArrayList<>();
    String unit = product.doseUnit();
    String ingredient = product.ingredients().getFirst();
    if (product.doseMin() != null && product.doseMax() != null
        && (p.dose().compareTo(product.doseMin()) < 0 || p.dose().compareTo(product.doseMax()) > 0)) {
      String limit = PrescriptionOrder.plain(product.doseMin()) + "-" + PrescriptionOrder.plain(product.doseMax())
          + " " + unit + " per dose";
      out.add(new PrescribingAlert("dose", PrescribingAlert.Kind.DOSE_OUT_OF_RANGE, true, ingredient, "", 0, limit,
          DOSE_SOURCE, "Dose " + PrescriptionOrder.plain(p.dose()) + " " + unit + " is outside " + limit));
    }
    if (product.doseMaxDaily() != null) {
      BigDecimal daily = p.dose().multiply(p.frequency().dosesPerDay(p.prnMinIntervalHours()));
      if (daily.compareTo(product.doseMaxDaily()) > 0) {
        String limit = "at most " + PrescriptionOrder.plain(product.doseMaxDaily()) + " " + unit + " a day";
        out.add(new PrescribingAlert("dose:daily", PrescribingAlert.Kind.DOSE_OUT_OF_RANGE, true, ingredient, "",
            0, limit, DOSE_SOURCE, "Daily dose " + PrescriptionOrder.plain(daily) + " " + unit + " is above "
            + limit));
      }
    }
    return out;
  }

  private String name(String code) {
    return substances.displayName(code).orElse(code);
  }

  private static String pair(String a, String b) {
    return a.compareTo(b) <= 0 ? a + "+" + b : b + "+" + a;
  }

  private static String detail(DrugAllergy a) {
    List<String> parts = new ArrayList<>();
    if (a.reaction() != null) {
      parts.add(a.reaction());
    }
    if (a.severity() != null) {
      parts.add(a.severity().name().toLowerCase(java.util.Locale.ROOT));
    }
    return String.join(", ", parts);
  }

  private static String inBrackets(DrugAllergy a) {
    String d = detail(a);
    return d.isEmpty() ? "" : " (" + d + ")";
  }
}
