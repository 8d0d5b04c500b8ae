package org.hospital.server.lab;

import static org.hospital.server.lab.SpecimenType.BLOOD_CULTURE_BOTTLES;
import static org.hospital.server.lab.SpecimenType.BLOOD_EDTA;
import static org.hospital.server.lab.SpecimenType.PLASMA_CITRATE;
import static org.hospital.server.lab.SpecimenType.SERUM;
import static org.hospital.server.lab.SpecimenType.URINE;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.hospital.server.patients.Sex;

/**
 * The tests the server ships with. Ranges are common adult (and, where they differ much, child) reference
 * intervals of the standard laboratory references (decision 0601 names them); they are defaults that a
 * hospital's laboratory replaces with the intervals validated for its own analysers.
 */
final class ShippedCatalogue {

  private static final int ADULT = 18;
  private static final int AGE_MAX = 200;

  private ShippedCatalogue() {}

  static List<CatalogueTest> tests() {
    Analyte wbc = numeric("6690-2", "Leukocytes", "10*3/uL", "2.0", "30.0", any(ADULT, "4.5", "11.0"),
        child("5.0", "14.5"));
    Analyte rbc = numeric("789-8", "Erythrocytes", "10*6/uL", null, null, male("4.5", "5.9"), female("4.1", "5.1"),
        child("4.0", "5.2"));
    Analyte hgb = numeric("718-7", "Hemoglobin", "g/dL", "7.0", "20.0", male("13.5", "17.5"),
        female("12.0", "15.5"), child("11.5", "15.5"));
    Analyte hct = numeric("4544-3", "Hematocrit", "%", "20", "60", male("41", "53"), female("36", "46"),
        child("35", "45"));
    Analyte mcv = numeric("787-2", "MCV", "fL", null, null, any(0, "80", "100"));
    Analyte plt = numeric("777-3", "Platelets", "10*3/uL", "20", "1000", any(0, "150", "400"));

    Analyte sodium = numeric("2951-2", "Sodium", "mmol/L", "120", "160", any(0, "136", "145"));
    Analyte potassium = numeric("2823-3", "Potassium", "mmol/L", "2.8", "6.2", any(0, "3.5", "5.1"));
    Analyte chloride = numeric("2075-0", "Chloride", "mmol/L", null, null, any(0, "98", "107"));
    Analyte co2 = numeric("2028-9", "Carbon dioxide", "mmol/L", "10", "40", any(0, "22", "29"));
    Analyte urea = numeric("3094-0", "Urea nitrogen", "mg/dL", null, null, any(ADULT, "7", "20"), child("5", "18"));
    Analyte creatinine = numeric("2160-0", "Creatinine", "mg/dL", null, null, male("0.74", "1.35"),
        female("0.59", "1.04"), child("0.3", "0.7"));
    Analyte glucose = numeric("2345-7", "Glucose", "mg/dL", "40", "500", any(0, "70", "99"));
    Analyte calcium = numeric("17861-6", "Calcium", "mg/dL", "6.5", "13.0", any(0, "8.6", "10.3"));
    List<Analyte> basic = List.of(sodium, potassium, chloride, co2, urea, creatinine, glucose, calcium);
    List<Analyte> comprehensive = new ArrayList<>(basic);
    comprehensive.addAll(List.of(
        numeric("2885-2", "Protein", "g/dL", null, null, any(0, "6.0", "8.3")),
        numeric("1751-7", "Albumin", "g/dL", null, null, any(0, "3.5", "5.0")),
        numeric("1975-2", "Bilirubin total", "mg/dL", null, "15", any(0, "0.1", "1.2")),
        numeric("6768-6", "Alkaline phosphatase", "U/L", null, null, any(ADULT, "44", "147"), child("100", "390")),
        numeric("1742-6", "ALT", "U/L", null, null, male("7", "55"), female("7", "45"), child("7", "40")),
        numeric("1920-8", "AST", "U/L", null, null, any(0, "8", "48"))));

    return List.of(
        new CatalogueTest("58410-2", "Complete blood count (CBC)", true, List.of(BLOOD_EDTA),
            List.of(wbc, rbc, hgb, hct, mcv, plt)),
        new CatalogueTest("51990-0", "Basic metabolic panel", true, List.of(SERUM), basic),
        new CatalogueTest("24323-8", "Comprehensive metabolic panel", true, List.of(SERUM), comprehensive),
        new CatalogueTest("57698-3", "Lipid panel", true, List.of(SERUM), List.of(
            numeric("2093-3", "Cholesterol", "mg/dL", null, null, upTo(0, "200")),
            numeric("2571-8", "Triglycerides", "mg/dL", null, "1000", upTo(0, "150")),
            numeric("2085-9", "HDL cholesterol", "mg/dL", null, null,
                new Analyte.Range(Sex.MALE, 0, AGE_MAX, dec("40"), null),
                new Analyte.Range(Sex.FEMALE, 0, AGE_MAX, dec("50"), null)),
            numeric("13457-7", "LDL cholesterol (calculated)", "mg/dL", null, null, upTo(0, "100")))),
        new CatalogueTest("4548-4", "Hemoglobin A1c", false, List.of(BLOOD_EDTA), List.of(
            numeric("4548-4", "Hemoglobin A1c", "%", null, null, any(0, "4.0", "5.6")))),
        new CatalogueTest("3016-3", "Thyroid stimulating hormone (TSH)", false, List.of(SERUM), List.of(
            numeric("3016-3", "TSH", "m[IU]/L", null, null, any(ADULT, "0.4", "4.0"), child("0.7", "5.7")))),
        new CatalogueTest("1988-5", "C-reactive protein (CRP)", false, List.of(SERUM), List.of(
            numeric("1988-5", "C-reactive protein", "mg/L", null, null, upTo(0, "5")))),
        new CatalogueTest("89579-7", "Troponin I, high sensitivity", false, List.of(SERUM), List.of(
            numeric("89579-7", "Troponin I (hs)", "ng/L", null, null,
                new Analyte.Range(Sex.MALE, 0, AGE_MAX, null, dec("34")),
                new Analyte.Range(Sex.FEMALE, 0, AGE_MAX, null, dec("16"))))),
        new CatalogueTest("34528-0", "Prothrombin time with INR", true, List.of(PLASMA_CITRATE), List.of(
            numeric("5902-2", "Prothrombin time", "s", null, null, any(0, "11.0", "13.5")),
            numeric("6301-6", "INR", "{INR}", null, "5.0", any(0, "0.8", "1.1")))),
        new CatalogueTest("24356-8", "Urinalysis", true, List.of(URINE), List.of(
            numeric("5811-5", "Specific gravity", "1", null, null, any(0, "1.005", "1.030")),
            numeric("5803-2", "pH", "[pH]", null, null, any(0, "5.0", "8.0")),
            coded("2888-6", "Protein", "NEGATIVE", "TRACE", "1+", "2+", "3+"),
            coded("2350-7", "Glucose", "NEGATIVE", "TRACE", "1+", "2+", "3+"),
            coded("5802-4", "Nitrite", "NEGATIVE", "POSITIVE"),
            coded("5799-2", "Leukocyte esterase", "NEGATIVE", "TRACE", "1+", "2+", "3+"))),
        new CatalogueTest("600-7", "Blood culture", false, List.of(BLOOD_CULTURE_BOTTLES), List.of(
            coded("600-7", "Blood culture", "NO_GROWTH", "GROWTH"))));
  }

  private static Analyte numeric(String code, String name, String unit, String criticalLow, String criticalHigh,
      Analyte.Range... ranges) {
    return new Analyte(code, name, Analyte.Kind.NUMERIC, unit, List.of(ranges), dec(criticalLow),
        dec(criticalHigh), List.of());
  }

  private static Analyte coded(String code, String name, String... codes) {
    return new Analyte(code, name, Analyte.Kind.CODED, "", List.of(), null, null, List.of(codes));
  }

  /** Either sex from {@code fromYears}; with {@code child(...)} after it for the younger ones. */
  private static Analyte.Range any(int fromYears, String low, String high) {
    return new Analyte.Range(null, fromYears, AGE_MAX, dec(low), dec(high));
  }

  private static Analyte.Range upTo(int fromYears, String high) {
    return new Analyte.Range(null, fromYears, AGE_MAX, null, dec(high));
  }

  private static Analyte.Range male(String low, String high) {
    return new Analyte.Range(Sex.MALE, ADULT, AGE_MAX, dec(low), dec(high));
  }

  private static Analyte.Range female(String low, String high) {
    return new Analyte.Range(Sex.FEMALE, ADULT, AGE_MAX, dec(low), dec(high));
  }

  private static Analyte.Range child(String low, String high) {
    return new Analyte.Range(null, 0, ADULT, dec(low), dec(high));
  }

  private static BigDecimal dec(String s) {
    return s == null ? null : new BigDecimal(s);
  }
}
