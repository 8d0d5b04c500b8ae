package org.hospital.server.clinical.medication;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.hospital.proto.clinical.v1.AddFormularyProductRequest;
import org.hospital.proto.clinical.v1.AlertKind;
import org.hospital.proto.clinical.v1.AlertOverride;
import org.hospital.proto.clinical.v1.AllergyCategory;
import org.hospital.proto.clinical.v1.AllergySeverity;
import org.hospital.proto.clinical.v1.CheckPrescriptionRequest;
import org.hospital.proto.clinical.v1.FormularyProduct;
import org.hospital.proto.clinical.v1.Frequency;
import org.hospital.proto.clinical.v1.ListMedicationsRequest;
import org.hospital.proto.clinical.v1.MedicationSetting;
import org.hospital.proto.clinical.v1.PrescribingAlert;
import org.hospital.proto.clinical.v1.Prescription;
import org.hospital.proto.clinical.v1.PrescriptionOrder;
import org.hospital.proto.clinical.v1.PrescriptionStatus;
import org.hospital.proto.clinical.v1.PrintPrescriptionRequest;
import org.hospital.proto.clinical.v1.RecordAllergyRequest;
import org.hospital.proto.clinical.v1.RenewPrescriptionRequest;
import org.hospital.proto.clinical.v1.SearchFormularyRequest;
import org.hospital.proto.clinical.v1.SignPrescriptionRequest;
import org.hospital.proto.clinical.v1.StopPrescriptionRequest;
import org.hospital.proto.clinical.v1.StopReason;
import org.hospital.proto.clinical.v1.VerifyPrescriptionRequest;
import org.hospital.proto.common.v1.Date;
import org.hospital.proto.reports.v1.PdfDocument;
import org.hospital.server.clinical.chart.ChartHospital;
import org.hospital.server.testing.Errors;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Prescribing through the real server on H2 and PostgreSQL: the formulary searched by words and by barcode, an
 * interacting drug refused until the alert is overridden, the override kept, audited and printed; stop, change
 * and renew; who may do what; bad input that writes nothing.
 */
class PrescribingRpcTest {

  @ParameterizedTest
  @MethodSource("org.hospital.server.testing.TestDatabases#kinds")
  void anInteractionIsOverriddenWithAReasonThatIsKeptAuditedAndPrinted(String kind) throws Exception {
    try (ChartHospital h = ChartHospital.start(kind)) {
      long patient = h.patients.get(2);
      FormularyProduct simvastatin = product(h, "simvastatin 20");
      FormularyProduct verapamil = product(h, "verapamil");
      assertEquals(simvastatin.getId(), h.medication("doctor").searchFormulary(SearchFormularyRequest.newBuilder()
          .setQuery(simvastatin.getBarcode()).build()).getProducts(0).getId(), "a scanned barcode finds its product");

      Prescription first = h.medication("doctor").signPrescription(sign(order(patient, simvastatin, 20, "mg"))
          .build());
      assertEquals(PrescriptionStatus.PRESCRIPTION_ACTIVE, first.getStatus());
      assertEquals("20 mg oral once a day for 30 days", first.getDirections().replaceAll(" \\(until.*\\)", ""));

      PrescriptionOrder second = order(patient, verapamil, 80, "mg");
      List<PrescribingAlert> alerts = h.medication("doctor").checkPrescription(CheckPrescriptionRequest
          .newBuilder().setOrder(second).build()).getAlertsList();
      PrescribingAlert interaction = alerts.stream().filter(a -> a.getKind() == AlertKind.INTERACTION_HIGH_PRIORITY)
          .findFirst().orElseThrow(() -> new AssertionError(alerts.toString()));
      assertTrue(interaction.getInterruptive());
      assertEquals("interaction:simvastatin+verapamil", interaction.getKey());
      assertEquals(first.getId(), interaction.getOtherId());

      StatusRuntimeException needsReason = refused(h, Status.Code.FAILED_PRECONDITION,
          () -> h.medication("doctor").signPrescription(sign(second).build()));
      assertEquals("OVERRIDE_REQUIRED", Errors.info(needsReason).getReason());
      assertEquals("REQUIRED", Errors.violations(needsReason).get("overrides[interaction:simvastatin+verapamil]"));

      String reason = "Cardiology advised both; simvastatin kept at 20 mg, CK checked monthly";
      SignPrescriptionRequest withReason = sign(second).addOverrides(AlertOverride.newBuilder()
          .setAlertKey(interaction.getKey()).setReason(reason)).build();
      Prescription signed = h.medication("doctor").signPrescription(withReason);
      assertEquals(signed.getId(), h.medication("doctor").signPrescription(withReason).getId(),
          "a retry with the same key answers the first result");
      assertEquals(1, signed.getOverridesCount());
      assertEquals(reason, signed.getOverrides(0).getReason());
      assertEquals(1, h.count("SELECT COUNT(*) FROM audit_entry WHERE action = 'PRESCRIPTION_ALERT_OVERRIDDEN'"
          + " AND detail LIKE '%interaction:simvastatin+verapamil%CK checked monthly%'"));

      PdfDocument pdf = h.medication("doctor").printPrescription(PrintPrescriptionRequest.newBuilder()
          .setPrescriptionId(signed.getId()).build());
      String text = pdfText(pdf, kind);
      assertTrue(text.contains("verapamil hydrochloride 80 MG Oral Tablet"), text);
      assertTrue(text.contains("80 mg oral once a day"), text);
      assertTrue(text.contains("CK checked monthly"), text);
      assertTrue(text.contains("Registration no. DEMO-"), text);
      assertTrue(text.contains("Dr. Daniel Doctor"), text);
      assertFalse(text.contains("COPY"), text);
      assertTrue(pdfText(h.medication("doctor").printPrescription(PrintPrescriptionRequest.newBuilder()
          .setPrescriptionId(signed.getId()).build()), kind).contains("COPY (print 2)"), "a reprint is a copy");

      String code = text.lines().map(String::strip).filter(l -> l.matches(signed.getId() + "-[0-9A-Z]{8}"))
          .findFirst().orElseThrow(() -> new AssertionError("no code in " + text));
      var genuine = h.medication("nurse").verifyPrescription(VerifyPrescriptionRequest.newBuilder().setCode(code)
          .build());
      assertTrue(genuine.getGenuine());
      assertEquals(signed.getId(), genuine.getPrescription().getId());
      String forged = code.substring(0, code.length() - 1) + (code.endsWith("0") ? "1" : "0");
      assertFalse(h.medication("nurse").verifyPrescription(VerifyPrescriptionRequest.newBuilder().setCode(forged)
          .build()).getGenuine());

      refused(h, Status.Code.PERMISSION_DENIED, () -> h.medication("nurse").signPrescription(withReason));
      refused(h, Status.Code.PERMISSION_DENIED, () -> h.medication("reception").listMedications(
          ListMedicationsRequest.newBuilder().setPatientId(patient).build()));
      refused(h, Status.Code.PERMISSION_DENIED, () -> h.medication("billing").listMedications(
          ListMedicationsRequest.newBuilder().setPatientId(patient).build()));
      assertEquals(2, h.medication("nurse").listMedications(ListMedicationsRequest.newBuilder()
          .setPatientId(patient).build()).getPrescriptionsCount(), "nurses read the medication list");
    }
  }

  @ParameterizedTest
  @MethodSource("org.hospital.server.testing.TestDatabases#kinds")
  void allergiesDuplicatesAndDosesAreCaughtAtSigning(String kind) {
    try (ChartHospital h = ChartHospital.start(kind)) {
      long patient = h.patients.get(4);
      h.chart("nurse").recordAllergy(RecordAllergyRequest.newBuilder().setPatientId(patient)
          .setCategory(AllergyCategory.ALLERGY_DRUG).setSubstanceCode("penicillins").setReaction("Hives")
          .setSeverity(AllergySeverity.ALLERGY_MODERATE).build());
      FormularyProduct amoxicillin = product(h, "amoxicillin 500 MG Oral Tablet");
      StatusRuntimeException allergy = refused(h, Status.Code.FAILED_PRECONDITION, () -> h.medication("doctor")
          .signPrescription(sign(order(patient, amoxicillin, 500, "mg")).build()));
      assertTrue(Errors.violations(allergy).keySet().stream().anyMatch(k -> k.startsWith("overrides[allergy:")),
          Errors.violations(allergy).toString());

      FormularyProduct lisinopril = product(h, "lisinopril 10 MG Oral Tablet");
      Prescription lis = h.medication("doctor").signPrescription(sign(order(patient, lisinopril, 10, "mg")).build());
      List<PrescribingAlert> again = h.medication("doctor").checkPrescription(CheckPrescriptionRequest.newBuilder()
          .setOrder(order(patient, lisinopril, 400, "mg")).build()).getAlertsList();
      assertEquals(List.of("duplicate:" + lis.getId(), "dose", "dose:daily"), again.stream()
          .map(PrescribingAlert::getKey).toList());
      assertTrue(h.medication("doctor").checkPrescription(CheckPrescriptionRequest.newBuilder()
          .setOrder(order(patient, lisinopril, 20, "mg")).setReplacesPrescriptionId(lis.getId()).build())
          .getAlertsList().isEmpty(), "a change is not a duplicate of what it replaces");

      Prescription changed = h.medication("doctor").signPrescription(sign(order(patient, lisinopril, 20, "mg"))
          .setReplacesPrescriptionId(lis.getId()).setReplacesExpectedVersion(lis.getVersion()).build());
      assertEquals(lis.getId(), changed.getReplacesId());
      StatusRuntimeException stale = refused(h, Status.Code.ABORTED, () -> h.medication("doctor").stopPrescription(
          StopPrescriptionRequest.newBuilder().setPrescriptionId(lis.getId()).setExpectedVersion(lis.getVersion())
              .setReason(StopReason.STOP_COMPLETED).build()));
      assertEquals("Dr. Daniel Doctor", Errors.info(stale).getMetadataOrThrow("updated_by"));
      refused(h, Status.Code.ABORTED, () -> h.medication("doctor").signPrescription(sign(order(patient,
          lisinopril, 30, "mg")).setReplacesPrescriptionId(lis.getId()).setReplacesExpectedVersion(lis.getVersion())
          .build()));

      Prescription renewed = h.medication("doctor").renewPrescription(RenewPrescriptionRequest.newBuilder()
          .setIdempotencyKey(ChartHospital.key()).setPrescriptionId(changed.getId())
          .setExpectedVersion(changed.getVersion()).build());
      assertEquals(changed.getId(), renewed.getReplacesId());
      Prescription stopped = h.medication("doctor").stopPrescription(StopPrescriptionRequest.newBuilder()
          .setPrescriptionId(renewed.getId()).setExpectedVersion(renewed.getVersion())
          .setReason(StopReason.STOP_ADVERSE_REACTION).setNote("Dry cough").build());
      assertEquals(PrescriptionStatus.PRESCRIPTION_STOPPED, stopped.getStatus());
      List<Prescription> list = h.medication("doctor").listMedications(ListMedicationsRequest.newBuilder()
          .setPatientId(patient).build()).getPrescriptionsList();
      assertEquals(3, list.size());
      assertTrue(list.stream().noneMatch(p -> p.getStatus() == PrescriptionStatus.PRESCRIPTION_ACTIVE));
      assertEquals(Map.of(StopReason.STOP_CHANGED, 1L, StopReason.STOP_RENEWED, 1L, StopReason.STOP_ADVERSE_REACTION,
          1L), list.stream().collect(java.util.stream.Collectors.groupingBy(Prescription::getStopReason,
          java.util.stream.Collectors.counting())));
    }
  }

  @ParameterizedTest
  @MethodSource("org.hospital.server.testing.TestDatabases#kinds")
  void badOrdersAreRefusedFieldByFieldAndWriteNothing(String kind) {
    try (ChartHospital h = ChartHospital.start(kind)) {
      long patient = h.patients.get(6);
      FormularyProduct p = product(h, "lisinopril 10 MG Oral Tablet");
      PrescriptionOrder good = order(patient, p, 10, "mg");
      Map<String, String> v = invalid(h, good.toBuilder().setDose(0).setFrequency(Frequency.FREQUENCY_UNSPECIFIED)
          .setProductId(999_999).setDurationDays(0).setEnd(Date.newBuilder().setYear(2000).setMonth(1).setDay(1))
          .build());
      assertEquals("REQUIRED", v.get("order.dose"));
      assertEquals("REQUIRED", v.get("order.frequency"));
      assertEquals("UNKNOWN_ID", v.get("order.product_id"));
      assertEquals("OUT_OF_RANGE", v.get("order.end"), "end before start");
      assertEquals("OUT_OF_RANGE", invalid(h, good.toBuilder().setDose(-5).build()).get("order.dose"));
      assertEquals("OUT_OF_RANGE", invalid(h, good.toBuilder().setDose(1e9).build()).get("order.dose"));
      assertEquals("UNKNOWN_VALUE", invalid(h, good.toBuilder().setRoute("ear of a bat").build()).get("order.route"));
      Map<String, String> prn = invalid(h, good.toBuilder().setFrequency(Frequency.PRN).build());
      assertEquals("REQUIRED", prn.get("order.prn_indication"));
      assertEquals("REQUIRED", prn.get("order.prn_min_interval_hours"));
      assertEquals("OUT_OF_RANGE", invalid(h, good.toBuilder().setRefills(12).build()).get("order.refills"));

      h.update("UPDATE patient SET deceased_at = CURRENT_TIMESTAMP WHERE id = " + patient);
      StatusRuntimeException deceased = refused(h, Status.Code.FAILED_PRECONDITION,
          () -> h.medication("doctor").signPrescription(sign(good).build()));
      assertEquals("DECEASED", Errors.info(deceased).getMetadataOrThrow("current_status"));
    }
  }

  @ParameterizedTest
  @MethodSource("org.hospital.server.testing.TestDatabases#kinds")
  void administratorsAddProducts(String kind) {
    try (ChartHospital h = ChartHospital.start(kind)) {
      AddFormularyProductRequest add = AddFormularyProductRequest.newBuilder().setCode("local-amox-susp")
          .setName("Amoxicillin 250 MG/5ML Oral Suspension").addIngredients("amoxicillin").setStrength("50 MG/ML")
          .setForm("oral suspension").setRoute("oral").setBarcode("4006381333931").setDoseUnit("mg").setDoseMin(125)
          .setDoseMax(1000).setDoseMaxDaily(3000).build();
      refused(h, Status.Code.PERMISSION_DENIED, () -> h.medication("doctor").addFormularyProduct(add));
      FormularyProduct added = h.medication("admin").addFormularyProduct(add);
      assertEquals(List.of("amoxicillin"), added.getIngredientsList());
      assertEquals(added.getId(), h.medication("doctor").searchFormulary(SearchFormularyRequest.newBuilder()
          .setQuery("4006381333931").build()).getProducts(0).getId());
      StatusRuntimeException twice = refused(h, Status.Code.ALREADY_EXISTS,
          () -> h.medication("admin").addFormularyProduct(add));
      assertEquals("ALREADY_EXISTS", Errors.info(twice).getReason());
      StatusRuntimeException bad = refused(h, Status.Code.INVALID_ARGUMENT, () -> h.medication("admin")
          .addFormularyProduct(add.toBuilder().setCode("x").clearIngredients().addIngredients("unobtainium")
              .setBarcode("4006381333932").setDoseMin(2000).build()));
      Map<String, String> v = Errors.violations(bad);
      assertEquals("INVALID_FORMAT", v.get("code"));
      assertEquals("UNKNOWN_VALUE", v.get("ingredients[0]"));
      assertEquals("INVALID_FORMAT", v.get("barcode"));
      assertEquals("OUT_OF_RANGE", v.get("dose_max"));
    }
  }

  static FormularyProduct product(ChartHospital h, String query) {
    return h.medication("doctor").searchFormulary(SearchFormularyRequest.newBuilder().setQuery(query).build())
        .getProducts(0);
  }

  static PrescriptionOrder order(long patient, FormularyProduct p, double dose, String unit) {
    return PrescriptionOrder.newBuilder().setPatientId(patient).setProductId(p.getId())
        .setSetting(MedicationSetting.MEDICATION_OUTPATIENT).setDose(dose).setDoseUnit(unit).setRoute("oral")
        .setFrequency(Frequency.DAILY).setDurationDays(30).setQuantity(30).setQuantityUnit("tablets").setRefills(1)
        .setInstructions("Take with water.").build();
  }

  static SignPrescriptionRequest.Builder sign(PrescriptionOrder o) {
    return SignPrescriptionRequest.newBuilder().setIdempotencyKey(ChartHospital.key()).setOrder(o);
  }

  private static Map<String, String> invalid(ChartHospital h, PrescriptionOrder o) {
    StatusRuntimeException e = refused(h, Status.Code.INVALID_ARGUMENT, () -> h.medication("doctor")
        .signPrescription(sign(o).build()));
    assertEquals(e.getStatus().getCode(), refused(h, Status.Code.INVALID_ARGUMENT, () -> h.medication("doctor")
        .checkPrescription(CheckPrescriptionRequest.newBuilder().setOrder(o).build())).getStatus().getCode());
    return Errors.violations(e);
  }

  private static StatusRuntimeException refused(ChartHospital h, Status.Code code, Executable call) {
    long before = h.chartRows();
    StatusRuntimeException e = assertThrows(StatusRuntimeException.class, call);
    assertEquals(code, e.getStatus().getCode(), e.getStatus().toString());
    assertEquals(before, h.chartRows(), "a refused request writes nothing");
    return e;
  }

  /** The PDF's text, and the file under target/prescriptions/ to be looked at (pdftoppm -png). */
  static String pdfText(PdfDocument pdf, String kind) throws Exception {
    Path dir = Files.createDirectories(Path.of("target", "prescriptions"));
    Files.write(dir.resolve(kind + "-" + pdf.getFileName()), pdf.getContent().toByteArray());
    return org.hospital.server.testing.PdfText.of(pdf.getContent().toByteArray());
  }
}
