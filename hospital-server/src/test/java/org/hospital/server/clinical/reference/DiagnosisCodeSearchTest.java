package org.hospital.server.clinical.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The shipped ICD-10-CM code set and the search over it, on the whole real code set. */
class DiagnosisCodeSearchTest {

  private static Icd10cmCodes codes;
  private static DiagnosisCodeSearch search;

  @BeforeAll
  static void load() {
    codes = Icd10cmCodes.shipped();
    search = new DiagnosisCodeSearch(codes);
  }

  private static List<String> found(String query) {
    return search.search(query, 10).stream().map(Icd10cmCodes.Code::code).toList();
  }

  @Test
  void theWholeCodeSetIsShipped() {
    assertEquals(24_628, codes.size());
    assertEquals("Cholera", codes.title("A00").orElseThrow());
    assertEquals("Type 2 diabetes mellitus without complications", codes.title("E119").orElseThrow());
    assertTrue(codes.title("E11.9").isEmpty(), "the book is keyed without the dot");
    assertTrue(codes.title("ZZ99").isEmpty());
  }

  @Test
  void aCodeOrItsStartListsBroaderCodesFirst() {
    assertEquals(List.of("E11", "E110", "E111"), found("e11").subList(0, 3));
    assertEquals("E119", found("E11.9").get(0));
    assertEquals("J45", found("J45").get(0));
  }

  @Test
  void wordsFindTheTitleInAnyOrderAndTheWordBeingTyped() {
    assertEquals("E11", found("diabetes type 2").get(0));
    assertEquals("E11", found("type 2 diab").get(0));
    assertEquals("J45", found("asthma").get(0));
    assertTrue(found("essential hypertension").contains("I10"));
  }

  @Test
  void aSlipPerWordIsForgiven() {
    assertEquals("E11", found("diabtes mellitus typ 2").get(0), "a letter left out");
    assertEquals("J45", found("ashtma").get(0), "two letters swapped");
    assertTrue(found("pnuemonia").stream().anyMatch(c -> c.startsWith("J1")), "pneumonia misspelt");
  }

  @Test
  void nothingMatchesNothing() {
    assertTrue(found("").isEmpty());
    assertTrue(found("   ").isEmpty());
    assertTrue(found("xqzvw").isEmpty());
    assertFalse(found("fracture femur").isEmpty());
    assertTrue(found("fracture femur").stream().allMatch(c -> c.startsWith("S72") || c.startsWith("M")
        || c.startsWith("S") || c.startsWith("T")), found("fracture femur").toString());
  }

  @Test
  void typoDistanceCountsSlipsNotLengths() {
    assertTrue(Typos.withinDistance("ashtma", "asthma", 1));
    assertTrue(Typos.withinDistance("diabtes", "diabetes", 1));
    assertFalse(Typos.withinDistance("diabetes", "diagnosis", 1));
    assertFalse(Typos.withinDistance("abc", "abcdef", 2));
  }

  @Test
  void drugClassesNameOnlyKnownIngredients() {
    DrugSubstanceList substances = DrugSubstanceList.shipped();
    assertEquals("Penicillins", substances.displayName("penicillins").orElseThrow());
    assertEquals("Amoxicillin", substances.displayName("amoxicillin").orElseThrow());
    assertTrue(substances.classesOf("amoxicillin").contains("penicillins"));
    assertTrue(substances.classesOf("lisinopril").contains("ace-inhibitors"));
    assertTrue(substances.displayName("unobtainium").isEmpty());
  }
}
