package org.hospital.server.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.oned.Code128Reader;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.hospital.proto.clinical.v1.StartEncounterRequest;
import org.hospital.proto.lab.v1.CancelLabOrderRequest;
import org.hospital.proto.lab.v1.CollectSpecimenRequest;
import org.hospital.proto.lab.v1.CorrectLabResultRequest;
import org.hospital.proto.lab.v1.GetLabOrderRequest;
import org.hospital.proto.lab.v1.LabOrder;
import org.hospital.proto.lab.v1.LabOrderStatus;
import org.hospital.proto.lab.v1.LabPriority;
import org.hospital.proto.lab.v1.LabResult;
import org.hospital.proto.lab.v1.LabServiceGrpc;
import org.hospital.proto.lab.v1.ListLabCatalogueRequest;
import org.hospital.proto.lab.v1.ListLabWorklistRequest;
import org.hospital.proto.lab.v1.ListPatientLabOrdersRequest;
import org.hospital.proto.lab.v1.PlaceLabOrderRequest;
import org.hospital.proto.lab.v1.PrintSpecimenLabelRequest;
import org.hospital.proto.lab.v1.ReceiveSpecimenRequest;
import org.hospital.proto.lab.v1.RecordLabResultsRequest;
import org.hospital.proto.lab.v1.ResultEntry;
import org.hospital.proto.lab.v1.ResultFlag;
import org.hospital.proto.lab.v1.ResultStatus;
import org.hospital.proto.lab.v1.SpecimenType;
import org.hospital.proto.reports.v1.PdfDocument;
import org.hospital.server.clinical.chart.ChartHospital;
import org.hospital.server.reports.PdfReports;
import org.hospital.server.testing.BearerToken;
import org.hospital.server.testing.Errors;
import org.hospital.server.testing.PdfText;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Lab orders through the real server on H2 and PostgreSQL: ordered from an open encounter, collected, received,
 * resulted with flags from the patient's sex and age, made final and corrected with the earlier value kept; the
 * label's barcode read back; bad input, wrong order of steps and the wrong roles refused with nothing written.
 */
class LabRpcTest {

  private static final String CBC = "58410-2";
  private static final String BMP = "51990-0";

  @ParameterizedTest
  @MethodSource("org.hospital.server.testing.TestDatabases#kinds")
  void aCbcIsOrderedCollectedReceivedResultedFlaggedMadeFinalAndCorrected(String kind) throws Exception {
    try (ChartHospital h = ChartHospital.start(kind)) {
      long patient = patient(h, "FEMALE");
      long encounter = openEncounter(h, patient);
      assertTrue(lab(h, "doctor").listLabCatalogue(ListLabCatalogueRequest.getDefaultInstance()).getTestsCount()
          >= 11);

      PlaceLabOrderRequest place = PlaceLabOrderRequest.newBuilder().setIdempotencyKey(ChartHospital.key())
          .setEncounterId(encounter).addTestCodes(CBC).setPriority(LabPriority.STAT)
          .setClinicalQuestion("Fever and fatigue: infection? anaemia?").setSpecimenType(SpecimenType.BLOOD_EDTA)
          .build();
      LabOrder ordered = lab(h, "doctor").placeLabOrder(place);
      assertEquals(ordered.getId(), lab(h, "doctor").placeLabOrder(place).getId(), "a retry is the same order");
      assertEquals(LabOrderStatus.ORDERED, ordered.getStatus());
      assertEquals(Accessions.of(ordered.getId()), ordered.getAccession());
      assertEquals(patient, ordered.getPatientId());
      assertEquals("Dr. Daniel Doctor", ordered.getOrderedBy());

      refused(h, Status.Code.FAILED_PRECONDITION, () -> lab(h, "lab").receiveSpecimen(ReceiveSpecimenRequest
          .newBuilder().setOrderId(ordered.getId()).setExpectedVersion(ordered.getVersion()).build()));
      LabOrder collected = lab(h, "nurse").collectSpecimen(CollectSpecimenRequest.newBuilder()
          .setOrderId(ordered.getId()).setExpectedVersion(ordered.getVersion()).build());
      assertEquals(LabOrderStatus.COLLECTED, collected.getStatus());
      assertEquals("Nora Nurse", collected.getCollectedBy());
      refused(h, Status.Code.ABORTED, () -> lab(h, "lab").receiveSpecimen(ReceiveSpecimenRequest.newBuilder()
          .setOrderId(ordered.getId()).setExpectedVersion(ordered.getVersion()).build()));
      refused(h, Status.Code.PERMISSION_DENIED, () -> lab(h, "nurse").receiveSpecimen(ReceiveSpecimenRequest
          .newBuilder().setOrderId(ordered.getId()).setExpectedVersion(collected.getVersion()).build()));

      LabOrder scanned = lab(h, "lab").getLabOrder(GetLabOrderRequest.newBuilder()
          .setAccession(ordered.getAccession().toLowerCase() + "\n").build());
      assertEquals(ordered.getId(), scanned.getId(), "the scanned accession opens the order");
      String mistyped = ordered.getAccession().substring(0, ordered.getAccession().length() - 1)
          + (ordered.getAccession().endsWith("0") ? "1" : "0");
      refused(h, Status.Code.NOT_FOUND, () -> lab(h, "lab").getLabOrder(GetLabOrderRequest.newBuilder()
          .setAccession(mistyped).build()));

      LabOrder received = lab(h, "lab").receiveSpecimen(ReceiveSpecimenRequest.newBuilder()
          .setOrderId(ordered.getId()).setExpectedVersion(collected.getVersion()).build());
      assertEquals(LabOrderStatus.RECEIVED, received.getStatus());
      assertEquals("Lena Lab", received.getReceivedBy());
      assertTrue(lab(h, "lab").listLabWorklist(ListLabWorklistRequest.getDefaultInstance()).getOrdersList()
          .stream().anyMatch(o -> o.getId() == ordered.getId()));

      StatusRuntimeException bad = refused(h, Status.Code.INVALID_ARGUMENT, () -> lab(h, "lab").recordLabResults(
          RecordLabResultsRequest.newBuilder().setOrderId(ordered.getId()).setExpectedVersion(received.getVersion())
              .addEntries(entry("6690-2", "15.2", "10*3/uL"))
              .addEntries(entry("718-7", "12.1", "mmol/L"))
              .addEntries(entry("777-3", "lots", "10*3/uL"))
              .addEntries(entry("9999-9", "1", "g")).build()));
      Map<String, String> v = Errors.violations(bad);
      assertEquals("UNIT_MISMATCH", v.get("entries[1].unit"), v.toString());
      assertEquals("NOT_A_RESULT_VALUE", v.get("entries[2].value"), v.toString());
      assertEquals("UNKNOWN_VALUE", v.get("entries[3].analyte_code"), v.toString());
      assertFalse(v.containsKey("entries[0].value"), v.toString());

      LabOrder preliminary = lab(h, "lab").recordLabResults(RecordLabResultsRequest.newBuilder()
          .setOrderId(ordered.getId()).setExpectedVersion(received.getVersion())
          .addEntries(entry("6690-2", "15.2", "10*3/uL")).addEntries(entry("718-7", "6.4", "g/dL")).build());
      assertEquals(LabOrderStatus.PRELIMINARY, preliminary.getStatus());
      assertEquals(ResultFlag.HIGH, result(preliminary, "6690-2").getFlag());
      assertEquals("4.5-11.0", result(preliminary, "6690-2").getReferenceRange());
      assertEquals(ResultFlag.CRITICAL_LOW, result(preliminary, "718-7").getFlag());
      assertEquals("12.0-15.5", result(preliminary, "718-7").getReferenceRange(), "the range for a woman");
      assertEquals(ResultStatus.RESULT_PRELIMINARY, result(preliminary, "718-7").getStatus());

      StatusRuntimeException incomplete = refused(h, Status.Code.INVALID_ARGUMENT, () -> lab(h, "lab")
          .recordLabResults(RecordLabResultsRequest.newBuilder().setOrderId(ordered.getId())
              .setExpectedVersion(preliminary.getVersion()).setFinal(true).build()));
      assertEquals("REQUIRED", Errors.violations(incomplete).get("entries"));

      LabOrder done = lab(h, "lab").recordLabResults(RecordLabResultsRequest.newBuilder()
          .setOrderId(ordered.getId()).setExpectedVersion(preliminary.getVersion()).setFinal(true)
          .addEntries(entry("789-8", "4.3", "10*6/uL")).addEntries(entry("4544-3", "39", "%"))
          .addEntries(entry("787-2", "88", "fL")).addEntries(entry("777-3", "250", "10*3/uL")).build());
      assertEquals(LabOrderStatus.FINAL, done.getStatus());
      assertEquals(6, done.getResultsCount());
      assertTrue(done.getResultsList().stream().allMatch(r -> r.getStatus() == ResultStatus.RESULT_FINAL));
      assertEquals(ResultFlag.NORMAL, result(done, "777-3").getFlag());
      refused(h, Status.Code.FAILED_PRECONDITION, () -> lab(h, "lab").recordLabResults(RecordLabResultsRequest
          .newBuilder().setOrderId(ordered.getId()).setExpectedVersion(done.getVersion())
          .addEntries(entry("718-7", "13.0", "g/dL")).build()));

      refused(h, Status.Code.INVALID_ARGUMENT, () -> lab(h, "lab").correctLabResult(CorrectLabResultRequest
          .newBuilder().setOrderId(ordered.getId()).setExpectedVersion(done.getVersion())
          .setEntry(entry("718-7", "13.0", "g/dL")).build()));
      LabOrder corrected = lab(h, "lab").correctLabResult(CorrectLabResultRequest.newBuilder()
          .setOrderId(ordered.getId()).setExpectedVersion(done.getVersion()).setEntry(entry("718-7", "13.0", "g/dL"))
          .setReason("Clotted sample; repeated on a fresh tube").build());
      LabResult hgb = result(corrected, "718-7");
      assertEquals(LabOrderStatus.CORRECTED, corrected.getStatus());
      assertEquals("13", hgb.getValue());
      assertEquals(ResultFlag.NORMAL, hgb.getFlag());
      assertEquals(ResultStatus.RESULT_CORRECTED, hgb.getStatus());
      assertEquals(1, hgb.getRevisionsCount());
      assertEquals("6.4", hgb.getRevisions(0).getValue(), "the earlier value is kept");
      assertEquals(ResultFlag.CRITICAL_LOW, hgb.getRevisions(0).getFlag());
      assertEquals("Lena Lab", hgb.getRevisions(0).getChangedBy());
      assertEquals("Clotted sample; repeated on a fresh tube", hgb.getRevisions(0).getReason());

      List<LabOrder> chart = lab(h, "doctor").listPatientLabOrders(ListPatientLabOrdersRequest.newBuilder()
          .setPatientId(patient).build()).getOrdersList();
      assertEquals(1, chart.size());
      assertEquals(6, chart.get(0).getResultsCount());
      for (String action : List.of("LAB_ORDER_PLACED", "LAB_SPECIMEN_COLLECTED", "LAB_SPECIMEN_RECEIVED",
          "LAB_RESULT_CORRECTED")) {
        assertEquals(1, h.count("SELECT COUNT(*) FROM audit_entry WHERE action = '" + action + "' AND patient_id = "
            + patient), action);
      }
      assertEquals(2, h.count("SELECT COUNT(*) FROM audit_entry WHERE action = 'LAB_RESULTS_RECORDED'"));
      refused(h, Status.Code.PERMISSION_DENIED, () -> lab(h, "reception").listPatientLabOrders(
          ListPatientLabOrdersRequest.newBuilder().setPatientId(patient).build()));
      refused(h, Status.Code.PERMISSION_DENIED, () -> lab(h, "lab").placeLabOrder(place.toBuilder()
          .setIdempotencyKey(ChartHospital.key()).build()));
    }
  }

  @ParameterizedTest
  @MethodSource("org.hospital.server.testing.TestDatabases#kinds")
  void badOrdersAndResultsForCancelledOrdersAreRefusedAndWriteNothing(String kind) {
    try (ChartHospital h = ChartHospital.start(kind)) {
      long patient = patient(h, "MALE");
      long encounter = openEncounter(h, patient);
      StatusRuntimeException wrong = refused(h, Status.Code.INVALID_ARGUMENT, () -> lab(h, "doctor").placeLabOrder(
          PlaceLabOrderRequest.newBuilder().setIdempotencyKey(ChartHospital.key()).setEncounterId(encounter)
              .addTestCodes(CBC).addTestCodes(BMP).addTestCodes("0000-0").addTestCodes(CBC)
              .setPriority(LabPriority.ROUTINE).setSpecimenType(SpecimenType.BLOOD_EDTA).build()));
      Map<String, String> v = Errors.violations(wrong);
      assertEquals("WRONG_SPECIMEN", v.get("test_codes[1]"), v.toString());
      assertEquals("UNKNOWN_VALUE", v.get("test_codes[2]"), v.toString());
      assertEquals("DUPLICATE", v.get("test_codes[3]"), v.toString());
      StatusRuntimeException unspecified = refused(h, Status.Code.INVALID_ARGUMENT, () -> lab(h, "doctor")
          .placeLabOrder(PlaceLabOrderRequest.newBuilder().setIdempotencyKey(ChartHospital.key())
              .setEncounterId(encounter).addTestCodes(BMP).build()));
      assertEquals("UNKNOWN_VALUE", Errors.violations(unspecified).get("priority"));
      assertEquals("UNKNOWN_VALUE", Errors.violations(unspecified).get("specimen_type"));
      refused(h, Status.Code.INVALID_ARGUMENT, () -> lab(h, "doctor").placeLabOrder(PlaceLabOrderRequest
          .newBuilder().setIdempotencyKey(ChartHospital.key()).setEncounterId(Long.MAX_VALUE - 7).addTestCodes(BMP)
          .setPriority(LabPriority.URGENT).setSpecimenType(SpecimenType.SERUM).build()));

      LabOrder bmp = lab(h, "doctor").placeLabOrder(PlaceLabOrderRequest.newBuilder()
          .setIdempotencyKey(ChartHospital.key()).setEncounterId(encounter).addTestCodes(BMP)
          .setPriority(LabPriority.URGENT).setSpecimenType(SpecimenType.SERUM).build());
      LabOrder collected = lab(h, "lab").collectSpecimen(CollectSpecimenRequest.newBuilder().setOrderId(bmp.getId())
          .setExpectedVersion(bmp.getVersion()).build());
      LabOrder received = lab(h, "lab").receiveSpecimen(ReceiveSpecimenRequest.newBuilder()
          .setOrderId(bmp.getId()).setExpectedVersion(collected.getVersion()).build());
      StatusRuntimeException noReason = refused(h, Status.Code.INVALID_ARGUMENT, () -> lab(h, "doctor")
          .cancelLabOrder(CancelLabOrderRequest.newBuilder().setOrderId(bmp.getId())
              .setExpectedVersion(received.getVersion()).build()));
      assertEquals("REQUIRED", Errors.violations(noReason).get("reason"));
      LabOrder cancelled = lab(h, "doctor").cancelLabOrder(CancelLabOrderRequest.newBuilder()
          .setOrderId(bmp.getId()).setExpectedVersion(received.getVersion()).setReason("Ordered on the wrong patient")
          .build());
      assertEquals(LabOrderStatus.CANCELLED, cancelled.getStatus());
      assertEquals("Ordered on the wrong patient", cancelled.getCancelReason());

      StatusRuntimeException onCancelled = refused(h, Status.Code.FAILED_PRECONDITION, () -> lab(h, "lab")
          .recordLabResults(RecordLabResultsRequest.newBuilder().setOrderId(bmp.getId())
              .setExpectedVersion(cancelled.getVersion()).addEntries(entry("2823-3", "4.0", "mmol/L")).build()));
      assertEquals("INVALID_TRANSITION", Errors.info(onCancelled).getReason());
      refused(h, Status.Code.NOT_FOUND, () -> lab(h, "lab").recordLabResults(RecordLabResultsRequest.newBuilder()
          .setOrderId(bmp.getId() + 1_000_000).setExpectedVersion(1).addEntries(entry("2823-3", "4.0", "mmol/L"))
          .build()));
      refused(h, Status.Code.FAILED_PRECONDITION, () -> lab(h, "doctor").cancelLabOrder(CancelLabOrderRequest
          .newBuilder().setOrderId(bmp.getId()).setExpectedVersion(cancelled.getVersion()).setReason("again")
          .build()));

      h.update("UPDATE encounter SET status = 'ENDED', ended_at = CURRENT_TIMESTAMP WHERE id = " + encounter);
      StatusRuntimeException ended = refused(h, Status.Code.FAILED_PRECONDITION, () -> lab(h, "doctor")
          .placeLabOrder(PlaceLabOrderRequest.newBuilder().setIdempotencyKey(ChartHospital.key())
              .setEncounterId(encounter).addTestCodes(BMP).setPriority(LabPriority.ROUTINE)
              .setSpecimenType(SpecimenType.SERUM).build()));
      assertEquals("INVALID_TRANSITION", Errors.info(ended).getReason());
    }
  }

  @ParameterizedTest
  @MethodSource("org.hospital.server.testing.TestDatabases#kinds")
  void theLabelsBarcodeReadsBackAsTheAccessionNumber(String kind) throws Exception {
    try (ChartHospital h = ChartHospital.start(kind)) {
      long patient = patient(h, "MALE");
      LabOrder o = lab(h, "doctor").placeLabOrder(PlaceLabOrderRequest.newBuilder()
          .setIdempotencyKey(ChartHospital.key()).setEncounterId(openEncounter(h, patient)).addTestCodes(CBC)
          .addTestCodes("4548-4").setPriority(LabPriority.STAT).setSpecimenType(SpecimenType.BLOOD_EDTA).build());
      o = lab(h, "nurse").collectSpecimen(CollectSpecimenRequest.newBuilder().setOrderId(o.getId())
          .setExpectedVersion(o.getVersion()).build());
      PdfDocument pdf = lab(h, "nurse").printSpecimenLabel(PrintSpecimenLabelRequest.newBuilder()
          .setOrderId(o.getId()).build());
      Path dir = Files.createDirectories(Path.of("target", "labels"));
      Files.write(dir.resolve(kind + "-" + pdf.getFileName()), pdf.getContent().toByteArray());
      assertEquals(1, pdf.getPages());
      String text = PdfText.of(pdf.getContent().toByteArray());
      assertTrue(text.contains(o.getAccession()), text);
      assertTrue(text.contains(o.getPatientName()), text);
      assertTrue(text.contains("MRN " + o.getMrn()), text);
      assertTrue(text.contains("CBC, Hemoglobin A1c"), text);
      assertTrue(text.contains("EDTA blood"), text);
      assertTrue(text.contains("Collected") && text.contains("Nora Nurse"), text);
      assertTrue(text.contains("STAT"), text);
      assertEquals(1, h.count("SELECT COUNT(*) FROM audit_entry WHERE action = 'LAB_LABEL_PRINTED'"));

      long id = o.getId();
      LabOrderView view = h.server.server().database().read(em -> LabRecords.view(em,
          em.find(org.hospital.server.lab.LabOrder.class, id)));
      SpecimenLabel label = new SpecimenLabel(new PdfReports(), LabCatalogue.shipped(),
          h.server.config().zone());
      // 203 dpi, a common label printer's resolution: 2.82 pixels a point
      BufferedImage page = label.image(view, 2.82f);
      ImageIO.write(page, "png", dir.resolve(kind + "-label-203dpi.png").toFile());
      assertEquals(o.getAccession(), decode(page));
    }
  }

  /** Reads the Code 128 barcode off the page as a scanner's decoder would. */
  static String decode(BufferedImage image) throws Exception {
    BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(new ImageLuminance(image)));
    return new Code128Reader().decode(bitmap).getText();
  }

  static LabResult result(LabOrder o, String analyte) {
    return o.getResultsList().stream().filter(r -> r.getAnalyteCode().equals(analyte)).findFirst()
        .orElseThrow(() -> new AssertionError("no " + analyte + " in " + o.getResultsList()));
  }

  static ResultEntry entry(String analyte, String value, String unit) {
    return ResultEntry.newBuilder().setAnalyteCode(analyte).setValue(value).setUnit(unit).build();
  }

  static LabServiceGrpc.LabServiceBlockingStub lab(ChartHospital h, String user) {
    return LabServiceGrpc.newBlockingStub(h.channel).withCallCredentials(BearerToken.of(h.token(user)));
  }

  /** An adult patient of that sex. */
  static long patient(ChartHospital h, String sex) {
    long[] id = new long[1];
    h.query("SELECT id FROM patient WHERE sex = '" + sex + "' AND birth_date < DATE '1995-01-01' ORDER BY id",
        rs -> {
          if (id[0] == 0) {
            id[0] = rs.getLong(1);
          }
        });
    assertTrue(id[0] > 0, "no adult " + sex + " patient in the demo data");
    return id[0];
  }

  static long openEncounter(ChartHospital h, long patient) {
    return h.chart("doctor").startEncounter(StartEncounterRequest.newBuilder().setIdempotencyKey(ChartHospital.key())
        .setPatientId(patient).setReason("Lab work-up").build()).getId();
  }

  private static long labRows(ChartHospital h) {
    return h.count("SELECT (SELECT COUNT(*) FROM lab_order) + (SELECT COALESCE(SUM(version), 0) FROM lab_order)"
        + " + (SELECT COUNT(*) FROM lab_result) + (SELECT COALESCE(SUM(version), 0) FROM lab_result)"
        + " + (SELECT COUNT(*) FROM lab_result_revision) + (SELECT COUNT(*) FROM idempotency_key)");
  }

  private static StatusRuntimeException refused(ChartHospital h, Status.Code code, Executable call) {
    long before = labRows(h);
    StatusRuntimeException e = assertThrows(StatusRuntimeException.class, call);
    assertEquals(code, e.getStatus().getCode(), e.getStatus().toString());
    assertEquals(before, labRows(h), "a refused request writes nothing");
    return e;
  }
}
