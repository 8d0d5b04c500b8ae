package org.hospital.server.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.Set;
import org.hospital.server.patients.Sex;
import org.junit.jupiter.api.Test;

/** The shipped catalogue, the ranges chosen by sex and age, the flags, and the accession check digit. */
class LabCatalogueTest {

  private final LabCatalogue catalogue = LabCatalogue.shipped();

  @Test
  void theCatalogueHoldsTheCommonTestsWithUnitsAndRanges() {
    for (String code : new String[] {"58410-2", "51990-0", "24323-8", "57698-3", "4548-4", "3016-3", "24356-8",
        "1988-5", "89579-7", "34528-0", "600-7"}) {
      assertTrue(catalogue.test(code).isPresent(), code);
    }
    Set<String> analytes = new HashSet<>();
    for (CatalogueTest t : catalogue.tests()) {
      assertFalse(t.analytes().isEmpty(), t.code());
      assertFalse(t.specimenTypes().isEmpty(), t.code());
      for (Analyte a : t.analytes()) {
        analytes.add(a.code());
        if (a.kind() == Analyte.Kind.NUMERIC) {
          assertFalse(a.unit().isBlank(), a.code());
          for (Sex s : Sex.values()) {
            for (int age : new int[] {0, 5, 17, 18, 40, 90}) {
              assertTrue(a.rangeFor(s, age) != null, a.code() + " has a range for " + s + " at " + age);
            }
          }
        } else {
          assertTrue(a.codes().size() >= 2, a.code());
        }
      }
    }
    assertTrue(analytes.size() >= 30, analytes.toString());
  }

  @Test
  void rangesFollowSexAndAge() {
    Analyte hgb = analyte("58410-2", "718-7");
    assertEquals("12.0-15.5", hgb.rangeFor(Sex.FEMALE, 40).text());
    assertEquals("13.5-17.5", hgb.rangeFor(Sex.MALE, 40).text());
    assertEquals("11.5-15.5", hgb.rangeFor(Sex.MALE, 8).text(), "children have their own range");
    assertEquals("12.0-17.5", hgb.rangeFor(Sex.UNKNOWN, 40).text(), "no guess of sex: the span of both");
    assertEquals(ResultFlag.LOW, ResultFlag.of(hgb, hgb.rangeFor(Sex.MALE, 40), new BigDecimal("13.0")));
    assertEquals(ResultFlag.NORMAL, ResultFlag.of(hgb, hgb.rangeFor(Sex.FEMALE, 40), new BigDecimal("13.0")));
    assertEquals(ResultFlag.CRITICAL_LOW, ResultFlag.of(hgb, hgb.rangeFor(Sex.FEMALE, 40), new BigDecimal("6.9")));

    Analyte k = analyte("51990-0", "2823-3");
    assertEquals(ResultFlag.HIGH, ResultFlag.of(k, k.rangeFor(Sex.MALE, 50), new BigDecimal("5.2")));
    assertEquals(ResultFlag.NORMAL, ResultFlag.of(k, k.rangeFor(Sex.MALE, 50), new BigDecimal("5.1")));
    assertEquals(ResultFlag.CRITICAL_HIGH, ResultFlag.of(k, k.rangeFor(Sex.MALE, 50), new BigDecimal("6.3")));
    assertEquals(ResultFlag.CRITICAL_LOW, ResultFlag.of(k, k.rangeFor(Sex.MALE, 50), new BigDecimal("2.7")));

    Analyte tnI = analyte("89579-7", "89579-7");
    assertEquals(ResultFlag.HIGH, ResultFlag.of(tnI, tnI.rangeFor(Sex.FEMALE, 60), new BigDecimal("20")));
    assertEquals(ResultFlag.NORMAL, ResultFlag.of(tnI, tnI.rangeFor(Sex.MALE, 60), new BigDecimal("20")));

    Analyte hdl = analyte("57698-3", "2085-9");
    assertEquals(">50", hdl.rangeFor(Sex.FEMALE, 30).text());
    assertEquals(ResultFlag.LOW, ResultFlag.of(hdl, hdl.rangeFor(Sex.FEMALE, 30), new BigDecimal("45")));

    Analyte nitrite = analyte("24356-8", "5802-4");
    assertEquals(ResultFlag.NORMAL, ResultFlag.of(nitrite, "NEGATIVE"));
    assertEquals(ResultFlag.ABNORMAL, ResultFlag.of(nitrite, "POSITIVE"));
  }

  @Test
  void anAccessionWithOneWrongDigitOrTwoSwappedNamesNoOrder() {
    for (long id : new long[] {1, 50, 1234, 987654321L}) {
      String a = Accessions.of(id);
      assertEquals(id, Accessions.orderId(a).orElseThrow());
      assertEquals(id, Accessions.orderId(" " + a.toLowerCase() + "\n").orElseThrow(), "as a scanner types it");
      char[] c = a.toCharArray();
      for (int i = 1; i < c.length; i++) {
        for (char d = '0'; d <= '9'; d++) {
          if (d != a.charAt(i)) {
            char[] wrong = c.clone();
            wrong[i] = d;
            String w = new String(wrong);
            assertTrue(Accessions.orderId(w).isEmpty() || w.charAt(1) == '0', w);
          }
        }
      }
      for (int i = 1; i + 1 < c.length; i++) {
        if (c[i] != c[i + 1] && !(Math.abs(c[i] - c[i + 1]) == 9)) {
          char[] swapped = c.clone();
          swapped[i] = c[i + 1];
          swapped[i + 1] = c[i];
          String s = new String(swapped);
          assertTrue(Accessions.orderId(s).isEmpty() || s.charAt(1) == '0', s);
        }
      }
    }
    assertTrue(Accessions.orderId("X12").isEmpty());
    assertTrue(Accessions.orderId("L").isEmpty());
  }

  private Analyte analyte(String test, String code) {
    return catalogue.test(test).orElseThrow().analytes().stream().filter(a -> a.code().equals(code)).findFirst()
        .orElseThrow();
  }
}
