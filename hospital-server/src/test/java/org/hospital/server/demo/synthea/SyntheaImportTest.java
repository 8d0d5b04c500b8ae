package org.hospital.server.demo.synthea;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.hospital.proto.clinical.v1.AlertKind;
import org.hospital.proto.clinical.v1.AllergyCategory;
import org.hospital.proto.clinical.v1.AllergyState;
import org.hospital.proto.clinical.v1.ChartSummary;
import org.hospital.proto.clinical.v1.CheckPrescriptionRequest;
import org.hospital.proto.clinical.v1.Frequency;
import org.hospital.proto.clinical.v1.GetChartSummaryRequest;
import org.hospital.proto.clinical.v1.ListEncountersRequest;
import org.hospital.proto.clinical.v1.ListMedicationsRequest;
import org.hospital.proto.clinical.v1.MedicationSetting;
import org.hospital.proto.clinical.v1.PrescribingAlert;
import org.hospital.proto.clinical.v1.Prescription;
import org.hospital.proto.clinical.v1.PrescriptionOrder;
import org.hospital.proto.clinical.v1.PrescriptionStatus;
import org.hospital.proto.clinical.v1.Problem;
import org.hospital.proto.clinical.v1.SearchFormularyRequest;
import org.hospital.server.clinical.chart.ChartHospital;
import org.hospital.server.clinical.reference.DrugSubstanceList;
import org.hospital.server.clinical.reference.Icd10cmCodes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The demo's outside records, imported by a real server on H2 and PostgreSQL and read back through its RPCs as a
 * doctor would: every exported row arrives, conditions keep their SNOMED CT code and carry an ICD-10-CM code
 * where the mapping gives one, imported medications and allergies take part in the prescribing checks, and a
 * second import writes nothing.
 */
class SyntheaImportTest {

  @ParameterizedTest
  @MethodSource("org.hospital.server.testing.TestDatabases#kinds")
  void importsEveryRowOnceAndTheChartsReadLikeRealOnes(String kind) throws Exception {
    try (ChartHospital h = ChartHospital.withOutsideRecords(kind)) {
      assertEquals(rows("patients"), h.count("SELECT COUNT(*) FROM patient WHERE created_by = 'Demo data (Synthea)'"));
      assertEquals(rows("encounters"), h.count("SELECT COUNT(*) FROM encounter WHERE source_id LIKE 'synthea:%'"));
      assertEquals(rows("allergies"), h.count("SELECT COUNT(*) FROM allergy"));
      long prescriptions = h.count("SELECT COUNT(*) FROM prescription WHERE source_id LIKE 'synthea:%'");
      assertTrue(prescriptions > rows("medications") * 8 / 10, "prescriptions: " + prescriptions);
      assertEquals(ongoingForTheLiving(), h.count("SELECT COUNT(*) FROM prescription WHERE end_date IS NULL"),
          "every medication still taken is active");
      assertTrue(h.count("SELECT COUNT(*) FROM problem WHERE code IS NOT NULL") > 1000);
      assertEquals(0, h.count("SELECT COUNT(*) FROM patient WHERE given_names LIKE '%1%' OR family_name LIKE '%2%'"));

      long weber = patient(h, "999-16-9388");
      ChartSummary summary = h.chart("doctor").getChartSummary(GetChartSummaryRequest.newBuilder()
          .setPatientId(weber).build());
      assertEquals("Weber", summary.getBanner().getFamilyName());
      Problem hypertension = summary.getActiveProblemsList().stream().filter(p -> p.getCode().equals("I10"))
          .findFirst().orElseThrow();
      assertEquals("SNOMED CT 59621000", hypertension.getSourceCode());
      assertEquals(AllergyState.ALLERGIES_NOT_RECORDED, summary.getBanner().getAllergyState());
      assertTrue(h.chart("doctor").listEncounters(ListEncountersRequest.newBuilder().setPatientId(weber).build())
          .getEncountersCount() > 10);
      List<Prescription> medications = h.medication("doctor").listMedications(ListMedicationsRequest.newBuilder()
          .setPatientId(weber).build()).getPrescriptionsList();
      Prescription lisinopril = medications.stream().filter(p -> p.getProduct().getName()
          .equals("lisinopril 10 MG Oral Tablet") && p.getStatus() == PrescriptionStatus.PRESCRIPTION_ACTIVE)
          .findFirst().orElseThrow();
      assertEquals(SyntheaMedicationRows.DOSE_NOT_RECORDED, lisinopril.getInstructions());
      assertEquals("Outside record (Synthea)", lisinopril.getPrescriber());

      // a sulfonamide allergy recorded elsewhere stops co-trimoxazole here
      long wunsch = patient(h, "999-11-2868");
      ChartSummary allergic = h.chart("doctor").getChartSummary(GetChartSummaryRequest.newBuilder()
          .setPatientId(wunsch).build());
      assertEquals(AllergyState.HAS_ALLERGIES, allergic.getBanner().getAllergyState());
      assertTrue(allergic.getBanner().getAllergiesList().stream().anyMatch(a -> a.getCategory()
          == AllergyCategory.ALLERGY_DRUG && a.getSubstanceCode().equals("sulfonamides")));
      long cotrimoxazole = h.medication("doctor").searchFormulary(SearchFormularyRequest.newBuilder()
          .setQuery("sulfamethoxazole 800").build()).getProducts(0).getId();
      List<PrescribingAlert> alerts = h.medication("doctor").checkPrescription(CheckPrescriptionRequest.newBuilder()
          .setOrder(PrescriptionOrder.newBuilder().setPatientId(wunsch).setProductId(cotrimoxazole)
              .setSetting(MedicationSetting.MEDICATION_OUTPATIENT).setDose(1).setDoseUnit("tablet")
              .setRoute("oral").setFrequency(Frequency.BID).setDurationDays(5)).build()).getAlertsList();
      assertTrue(alerts.stream().anyMatch(a -> a.getKind() == AlertKind.DRUG_ALLERGY && a.getInterruptive()),
          alerts.toString());

      assertEquals(1, h.count("SELECT COUNT(*) FROM patient WHERE national_id = '999-92-3823'"
          + " AND deceased_at IS NOT NULL"));
      long dead = patient(h, "999-92-3823");
      assertEquals(0, h.count("SELECT COUNT(*) FROM prescription WHERE patient_id = " + dead
          + " AND (end_date IS NULL OR end_date > DATE '2022-09-05')"), "nothing runs on after death");

      long before = h.chartRows();
      SyntheaImport.Counts again = new SyntheaImport(h.server.server().database(), Icd10cmCodes.shipped(),
          DrugSubstanceList.shipped(), ZoneId.of("UTC"), Clock.systemUTC()).importIfAbsent();
      assertEquals(0, again.encounters());
      assertEquals(before, h.chartRows());
    }
  }

  @Test
  void everyMappedCodeIsOnTheShippedList() {
    Icd10cmCodes codes = Icd10cmCodes.shipped();
    Map<String, String> map = SyntheaFiles.mapping("snomed-icd10cm.tsv");
    assertTrue(map.size() > 100);
    map.forEach((snomed, icd) -> assertTrue(codes.title(icd).isPresent(), snomed + " -> " + icd));
    DrugSubstanceList substances = DrugSubstanceList.shipped();
    SyntheaFiles.mapping("allergy-substances.tsv").forEach((rxnorm, substance) ->
        assertTrue(substances.displayName(substance).isPresent(), rxnorm + " -> " + substance));
  }

  @Test
  void socialHistoryIsNotAProblemAndTagsAreDropped() {
    assertTrue(SyntheaChartRows.isSocialHistory("Full-time employment (finding)"));
    assertTrue(!SyntheaChartRows.isSocialHistory("Essential hypertension (disorder)"));
    assertEquals("Essential hypertension", SyntheaChartRows.untagged("Essential hypertension (disorder)"));
    assertEquals("Isaiah", SyntheaPatients.name("Isaiah615"));
  }

  private static long patient(ChartHospital h, String nationalId) {
    return h.count("SELECT id FROM patient WHERE national_id = '" + nationalId + "'");
  }

  /** Medication rows with no stop, of patients alive. */
  private static long ongoingForTheLiving() {
    java.util.Set<String> dead = new java.util.HashSet<>();
    SyntheaFiles.table("patients").stream().filter(p -> !p.get("DEATHDATE").isBlank())
        .forEach(p -> dead.add(p.get("Id")));
    return SyntheaFiles.table("medications").stream().filter(m -> m.get("STOP").isBlank()
        && !dead.contains(m.get("PATIENT"))).count();
  }

  /** Data rows of a shipped table, counted without the importer's reader. */
  private static long rows(String table) throws Exception {
    try (BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(
        SyntheaImport.class.getResourceAsStream(table + ".tsv.gz")), StandardCharsets.UTF_8))) {
      return r.lines().count() - 1;
    }
  }
}
