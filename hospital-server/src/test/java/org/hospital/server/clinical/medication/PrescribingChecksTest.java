package org.hospital.server.clinical.medication;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.hospital.server.clinical.chart.Allergy;
import org.hospital.server.clinical.reference.CrossSensitivities;
import org.hospital.server.clinical.reference.DrugInteractions;
import org.hospital.server.clinical.reference.DrugSubstanceList;
import org.junit.jupiter.api.Test;

/** The prescribing checks against the shipped lists, read back from the published files line by line. */
class PrescribingChecksTest {

  private static final DrugSubstanceList SUBSTANCES = DrugSubstanceList.shipped();
  private static final DrugInteractions INTERACTIONS = DrugInteractions.shipped(SUBSTANCES);
  private static final PrescribingChecks CHECKS = new PrescribingChecks(SUBSTANCES, INTERACTIONS,
      CrossSensitivities.shipped(SUBSTANCES));

  @Test
  void everyHighPriorityPairInterruptsInBothOrders() throws Exception {
    List<String[]> pairs = published("ONC_High_Priority_Mapped.csv");
    assertEquals(1930, pairs.size(), "every line of the published list");
    for (String[] pair : pairs) {
      String a = DrugInteractions.ingredientOf(pair[0]);
      String b = DrugInteractions.ingredientOf(pair[1]);
      for (String[] order : List.of(new String[] {a, b}, new String[] {b, a})) {
        List<PrescribingAlert> alerts = CHECKS.check(proposed(order[0]), List.of(active(1, order[1])), List.of());
        assertTrue(alerts.stream().anyMatch(x -> x.kind() == PrescribingAlert.Kind.INTERACTION_HIGH_PRIORITY
            && x.interruptive() && x.other().equals(order[1])), order[0] + " with " + order[1] + ": " + alerts);
      }
    }
  }

  @Test
  void nonInterruptivePairsInformWithoutInterrupting() throws Exception {
    Set<String> high = new HashSet<>();
    for (String[] p : published("ONC_High_Priority_Mapped.csv")) {
      high.add(key(DrugInteractions.ingredientOf(p[0]), DrugInteractions.ingredientOf(p[1])));
    }
    int checked = 0;
    for (String[] pair : published("ONC_Non_Interuptive_Mapped.csv")) {
      String a = DrugInteractions.ingredientOf(pair[0]);
      String b = DrugInteractions.ingredientOf(pair[1]);
      if (high.contains(key(a, b))) {
        continue; // on both lists: high priority wins
      }
      for (String[] order : List.of(new String[] {a, b}, new String[] {b, a})) {
        List<PrescribingAlert> alerts = CHECKS.check(proposed(order[0]), List.of(active(1, order[1])), List.of());
        assertEquals(1, alerts.size(), order[0] + " with " + order[1]);
        assertEquals(PrescribingAlert.Kind.INTERACTION, alerts.getFirst().kind());
        assertFalse(alerts.getFirst().interruptive());
      }
      checked++;
    }
    assertTrue(checked > 2000, "checked " + checked);
  }

  @Test
  void noInterruptiveAlertForAPairOnNeitherList() {
    Set<String> listed = new HashSet<>();
    INTERACTIONS.all().keySet().forEach(k -> listed.add(key(k.get(0), k.get(1))));
    List<String> drugs = List.of("amoxicillin", "acetaminophen", "lisinopril", "metformin", "atorvastatin",
        "loratadine", "omeprazole", "levothyroxine", "amlodipine", "albuterol");
    int pairs = 0;
    for (String a : drugs) {
      for (String b : drugs) {
        if (a.equals(b) || listed.contains(key(a, b))) {
          continue;
        }
        assertTrue(CHECKS.check(proposed(a), List.of(active(1, b)), List.of()).isEmpty(), a + " with " + b);
        pairs++;
      }
    }
    assertTrue(pairs > 80, "pairs checked: " + pairs);
  }

  @Test
  void aPenicillinAllergyFlagsAmoxicillinAndACephalosporinCrossReacts() {
    PrescribingChecks.DrugAllergy penicillins = new PrescribingChecks.DrugAllergy(7, "penicillins", "Penicillins",
        "hives", Allergy.Severity.MODERATE);
    List<PrescribingAlert> amoxicillin = CHECKS.check(proposed("amoxicillin", "clavulanate"), List.of(),
        List.of(penicillins));
    assertEquals(1, amoxicillin.size());
    assertEquals(PrescribingAlert.Kind.DRUG_ALLERGY, amoxicillin.getFirst().kind());
    assertTrue(amoxicillin.getFirst().interruptive());
    assertEquals("allergy:7", amoxicillin.getFirst().key());
    assertTrue(amoxicillin.getFirst().summary().contains("Amoxicillin is one of the Penicillins"),
        amoxicillin.getFirst().summary());

    List<PrescribingAlert> cephalexin = CHECKS.check(proposed("cephalexin"), List.of(), List.of(penicillins));
    assertEquals(PrescribingAlert.Kind.CROSS_SENSITIVITY, cephalexin.getFirst().kind());
    assertFalse(cephalexin.getFirst().interruptive(), "moderate: shown, not in the way");
    assertTrue(cephalexin.getFirst().source().contains("J Allergy Clin Immunol 2022"));
    PrescribingChecks.DrugAllergy anaphylaxis = new PrescribingChecks.DrugAllergy(8, "amoxicillin", "Amoxicillin",
        "anaphylaxis", Allergy.Severity.SEVERE);
    assertTrue(CHECKS.check(proposed("cefazolin"), List.of(), List.of(anaphylaxis)).getFirst().interruptive(),
        "severe: interrupts");
    // an allergy to one member of a class flags the others
    PrescribingAlert sameClass = CHECKS.check(proposed("penicillin v"), List.of(), List.of(anaphylaxis)).getFirst();
    assertEquals(PrescribingAlert.Kind.DRUG_ALLERGY, sameClass.kind());
    assertTrue(CHECKS.check(proposed("lisinopril"), List.of(), List.of(penicillins)).isEmpty());
    PrescribingChecks.DrugAllergy aspirin = new PrescribingChecks.DrugAllergy(9, "aspirin", "Aspirin",
        "wheeze", null);
    assertEquals(PrescribingAlert.Kind.CROSS_SENSITIVITY, CHECKS.check(proposed("ibuprofen"), List.of(),
        List.of(aspirin)).getFirst().kind());
  }

  @Test
  void duplicateTherapyAndDoseRange() {
    List<PrescribingAlert> dup = CHECKS.check(proposed("lisinopril"), List.of(active(41, "lisinopril")), List.of());
    assertEquals(PrescribingAlert.Kind.DUPLICATE_THERAPY, dup.getFirst().kind());
    assertEquals("duplicate:41", dup.getFirst().key());

    FormularyProduct lisinopril = product(List.of("lisinopril"), "mg", "2.5", "40", "80");
    assertTrue(CHECKS.check(new PrescribingChecks.Proposed(lisinopril, new BigDecimal("20"), "mg", Frequency.DAILY,
        null), List.of(), List.of()).isEmpty());
    List<PrescribingAlert> tooMuch = CHECKS.check(new PrescribingChecks.Proposed(lisinopril, new BigDecimal("400"),
        "mg", Frequency.DAILY, null), List.of(), List.of());
    assertEquals(List.of("dose", "dose:daily"), tooMuch.stream().map(PrescribingAlert::key).toList());
    List<PrescribingAlert> daily = CHECKS.check(new PrescribingChecks.Proposed(lisinopril, new BigDecimal("40"),
        "mg", Frequency.QID, null), List.of(), List.of());
    assertEquals(List.of("dose:daily"), daily.stream().map(PrescribingAlert::key).toList());
    assertTrue(daily.getFirst().summary().contains("160 mg"), daily.getFirst().summary());
    assertTrue(CHECKS.check(new PrescribingChecks.Proposed(lisinopril, new BigDecimal("1"), "tablet",
        Frequency.DAILY, null), List.of(), List.of()).isEmpty(), "another unit cannot be compared");
  }

  @Test
  void everyShippedProductNamesKnownIngredientsAndAValidBarcode() {
    for (FormularyProduct.Details d : Formulary.shipped()) {
      d.ingredients().forEach(i -> assertTrue(SUBSTANCES.isIngredient(i), d.code() + " names " + i));
      assertTrue(Gtin.valid(d.barcode()), d.code() + " barcode " + d.barcode());
    }
    assertTrue(Gtin.valid("4006381333931"), "a real EAN-13");
    assertFalse(Gtin.valid("4006381333932"));
  }

  private static PrescribingChecks.Proposed proposed(String... ingredients) {
    return new PrescribingChecks.Proposed(product(List.of(ingredients), null, null, null, null), BigDecimal.ONE,
        "tablet", Frequency.DAILY, null);
  }

  private static PrescribingChecks.ActiveMedication active(long id, String ingredient) {
    return new PrescribingChecks.ActiveMedication(id, ingredient + " product", List.of(ingredient));
  }

  private static FormularyProduct product(List<String> ingredients, String unit, String min, String max,
      String daily) {
    return FormularyProduct.of(new FormularyProduct.Details("t-" + String.join("-", ingredients), null,
        String.join(" / ", ingredients), ingredients, null, null, null, null, unit,
        min == null ? null : new BigDecimal(min), max == null ? null : new BigDecimal(max),
        daily == null ? null : new BigDecimal(daily)), "test", Instant.EPOCH);
  }

  private static String key(String a, String b) {
    return a.compareTo(b) <= 0 ? a + "|" + b : b + "|" + a;
  }

  /** The published list's drug-name pairs, read straight from the shipped copy. */
  private static List<String[]> published(String file) throws Exception {
    List<String[]> out = new ArrayList<>();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(DrugInteractions.class.getResourceAsStream(
        file), StandardCharsets.UTF_8))) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        String[] f = line.replace("\uFEFF", "").split("\\$");
        if (f.length >= 4) {
          out.add(new String[] {f[0], f[2]});
        }
      }
    }
    return out;
  }
}
