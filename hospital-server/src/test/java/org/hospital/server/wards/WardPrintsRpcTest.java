package org.hospital.server.wards;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.oned.Code128Reader;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import javax.imageio.ImageIO;
import org.hospital.proto.clinical.v1.AllergyCategory;
import org.hospital.proto.clinical.v1.AllergySeverity;
import org.hospital.proto.clinical.v1.ChartServiceGrpc;
import org.hospital.proto.clinical.v1.RecordAllergyRequest;
import org.hospital.proto.clinical.v1.RecordNoKnownDrugAllergiesRequest;
import org.hospital.proto.reports.v1.PdfDocument;
import org.hospital.proto.wards.v1.DischargeDestination;
import org.hospital.proto.wards.v1.DischargePatientRequest;
import org.hospital.proto.wards.v1.PrintPatientLabelsRequest;
import org.hospital.proto.wards.v1.PrintWristbandRequest;
import org.hospital.proto.wards.v1.Stay;
import org.hospital.server.reports.PdfReports;
import org.hospital.server.testing.BearerToken;
import org.hospital.server.testing.Errors;
import org.hospital.server.testing.PdfText;
import org.hospital.server.wards.prints.PatientBand;
import org.hospital.server.wards.prints.WardPrintouts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The wristband and the patient labels through the real server: what they say (name, MRN, date of birth, the
 * allergy flag in its three forms), that the barcode reads back as the MRN, COPY on a reprint, every print
 * audited, an ended stay refused, and who may print.
 */
@ParameterizedClass
@MethodSource("org.hospital.server.testing.TestDatabases#kinds")
class WardPrintsRpcTest {

  @Parameter
  String kind;

  private static WardHospital h;

  @BeforeParameterizedClassInvocation
  static void start(String kind) {
    h = WardHospital.start(kind);
  }

  @AfterParameterizedClassInvocation
  static void stop() {
    h.close();
  }

  private static ChartServiceGrpc.ChartServiceBlockingStub chart(String user) {
    return ChartServiceGrpc.newBlockingStub(h.channel).withCallCredentials(BearerToken.of(h.token(user)));
  }

  private static PdfDocument wristband(String user, long stayId) {
    return h.as(user).printWristband(PrintWristbandRequest.newBuilder().setStayId(stayId).build());
  }

  /** Keeps the page under target/wristbands, to be looked at. */
  private Path keep(PdfDocument pdf, String name) throws Exception {
    Path dir = Files.createDirectories(Path.of("target", "wristbands"));
    Path file = dir.resolve(kind + "-" + name + ".pdf");
    Files.write(file, pdf.getContent().toByteArray());
    return file;
  }

  @Test
  void theWristbandNamesThePatientFlagsTheAllergiesAndSaysCopyOnAReprint() throws Exception {
    long patient = h.patientsNotInABed().get(20);
    var penicillin = chart("doctor").recordAllergy(RecordAllergyRequest.newBuilder().setPatientId(patient)
        .setCategory(AllergyCategory.ALLERGY_DRUG).setSubstanceCode("Penicillins").setReaction("Hives")
        .setSeverity(AllergySeverity.ALLERGY_SEVERE).build());
    Stay stay = h.admit("nurse", patient, h.freeBeds().getFirst());
    String mrn = h.text("SELECT mrn FROM patient WHERE id = " + patient);
    String family = h.text("SELECT family_name FROM patient WHERE id = " + patient);
    long audited = h.count("SELECT COUNT(*) FROM audit_entry WHERE action = 'WRISTBAND_PRINTED'");

    PdfDocument first = wristband("nurse", stay.getId());
    keep(first, "allergies");
    assertEquals(1, first.getPages());
    assertEquals("wristband-" + mrn + ".pdf", first.getFileName());
    String text = PdfText.of(first.getContent().toByteArray());
    assertTrue(text.contains(family.toUpperCase(java.util.Locale.ROOT) + ", "), text);
    assertTrue(text.contains("MRN " + mrn), text);
    assertTrue(text.contains("DOB "), text);
    assertTrue(text.contains("ALLERGIES: " + penicillin.getSubstance() + " (severe)"), text);
    assertTrue(text.contains("Bed " + h.text("SELECT label FROM bed WHERE id = " + stay.getBedId())), text);
    assertFalse(text.contains("COPY"), text);

    PdfDocument second = wristband("doctor", stay.getId());
    keep(second, "copy");
    assertTrue(PdfText.of(second.getContent().toByteArray()).contains("COPY 2"));
    assertEquals(audited + 2, h.count("SELECT COUNT(*) FROM audit_entry WHERE action = 'WRISTBAND_PRINTED'"));
    assertEquals(2, h.count("SELECT wristband_prints FROM inpatient_stay WHERE id = " + stay.getId()));
  }

  @Test
  void noKnownDrugAllergiesAndAllergiesNotRecordedAreDifferentOnTheBand() throws Exception {
    long told = h.patientsNotInABed().get(21);
    chart("nurse").recordNoKnownDrugAllergies(RecordNoKnownDrugAllergiesRequest.newBuilder().setPatientId(told)
        .build());
    Stay nkda = h.admit("nurse", told, h.freeBeds().getFirst());
    PdfDocument atTheDesk = wristband("reception", nkda.getId());
    keep(atTheDesk, "nkda");
    String text = PdfText.of(atTheDesk.getContent().toByteArray());
    assertTrue(text.contains("No known drug allergies"), text);
    assertFalse(text.contains("ALLERGIES:"), text);

    long unasked = h.count("SELECT MIN(id) FROM patient p WHERE id NOT IN (SELECT patient_id FROM bed_occupancy)"
        + " AND NOT EXISTS (SELECT 1 FROM allergy a WHERE a.patient_id = p.id)"
        + " AND NOT EXISTS (SELECT 1 FROM allergy_statement s WHERE s.patient_id = p.id)");
    Stay notRecorded = h.admit("nurse", unasked, h.freeBeds().getFirst());
    PdfDocument band = wristband("nurse", notRecorded.getId());
    keep(band, "not-recorded");
    text = PdfText.of(band.getContent().toByteArray());
    assertTrue(text.contains("Allergies not recorded"), text);
  }

  @Test
  void theWristbandsBarcodeReadsBackAsTheMrn() throws Exception {
    String mrn = h.text("SELECT mrn FROM patient WHERE id = " + h.patientsNotInABed().getFirst());
    PatientBand band = new PatientBand(1, 1, "OKAFOR, Adaeze Chioma", mrn, "3 Mar 1950", "Female",
        "Cardiology", "12B", "ALLERGIES: penicillins (severe), latex", true, 1);
    // 203 dpi, a common wristband printer's resolution: 2.82 pixels a point
    BufferedImage page = new WardPrintouts(new PdfReports()).wristbandImage(band, 2.82f);
    ImageIO.write(page, "png", Files.createDirectories(Path.of("target", "wristbands"))
        .resolve(kind + "-wristband-203dpi.png").toFile());
    assertEquals(mrn, decode(page));
  }

  @Test
  void aSheetOfLabelsHoldsTheAskedNumberOfLabelsAndIsAudited() throws Exception {
    Stay stay = h.admit("reception", h.patientsNotInABed().get(22), h.freeBeds().getFirst());
    String mrn = h.text("SELECT mrn FROM patient WHERE id = " + stay.getPatientId());
    PdfDocument sheet = h.as("nurse").printPatientLabels(PrintPatientLabelsRequest.newBuilder()
        .setStayId(stay.getId()).setCount(30).build());
    keep(sheet, "labels");
    assertEquals(2, sheet.getPages(), "24 to a sheet");
    String text = PdfText.of(sheet.getContent().toByteArray());
    assertEquals(30 * 2, occurrences(text, mrn), "each label prints the MRN twice: in the line and under the bars");
    PdfDocument oneSheet = h.as("nurse").printPatientLabels(PrintPatientLabelsRequest.newBuilder()
        .setStayId(stay.getId()).build());
    assertEquals(1, oneSheet.getPages());
    assertEquals(2, h.count("SELECT COUNT(*) FROM audit_entry WHERE action = 'PATIENT_LABELS_PRINTED'"
        + " AND patient_id = " + stay.getPatientId()));

    var tooMany = assertThrows(StatusRuntimeException.class, () -> h.as("nurse").printPatientLabels(
        PrintPatientLabelsRequest.newBuilder().setStayId(stay.getId()).setCount(49).build()));
    assertEquals(Map.of("count", "OUT_OF_RANGE"), Errors.violations(tooMany));
  }

  @Test
  void anEndedStayIsRefusedAndOnlyTheAdmittingRolesPrint() {
    Stay stay = h.admit("nurse", h.patientsNotInABed().get(23), h.freeBeds().getFirst());
    var billing = assertThrows(StatusRuntimeException.class, () -> wristband("billing", stay.getId()));
    assertEquals(Status.Code.PERMISSION_DENIED, billing.getStatus().getCode());
    var billingLabels = assertThrows(StatusRuntimeException.class, () -> h.as("billing").printPatientLabels(
        PrintPatientLabelsRequest.newBuilder().setStayId(stay.getId()).build()));
    assertEquals(Status.Code.PERMISSION_DENIED, billingLabels.getStatus().getCode());
    assertEquals(0, h.count("SELECT wristband_prints FROM inpatient_stay WHERE id = " + stay.getId()));

    Stay out = h.as("nurse").dischargePatient(DischargePatientRequest.newBuilder().setStayId(stay.getId())
        .setExpectedVersion(stay.getVersion()).setDestination(DischargeDestination.HOME).build());
    long audited = h.count("SELECT COUNT(*) FROM audit_entry WHERE action IN ('WRISTBAND_PRINTED',"
        + " 'PATIENT_LABELS_PRINTED')");
    var ended = assertThrows(StatusRuntimeException.class, () -> wristband("nurse", out.getId()));
    assertEquals(Status.Code.FAILED_PRECONDITION, ended.getStatus().getCode());
    assertEquals("PATIENT_NOT_ADMITTED", Errors.info(ended).getReason());
    var endedLabels = assertThrows(StatusRuntimeException.class, () -> h.as("nurse").printPatientLabels(
        PrintPatientLabelsRequest.newBuilder().setStayId(out.getId()).setCount(3).build()));
    assertEquals("PATIENT_NOT_ADMITTED", Errors.info(endedLabels).getReason());
    assertEquals(0, h.count("SELECT wristband_prints FROM inpatient_stay WHERE id = " + stay.getId()));
    assertEquals(audited, h.count("SELECT COUNT(*) FROM audit_entry WHERE action IN ('WRISTBAND_PRINTED',"
        + " 'PATIENT_LABELS_PRINTED')"), "a refused print is not a print");

    var unknown = assertThrows(StatusRuntimeException.class, () -> wristband("nurse", 0));
    assertEquals(Map.of("stay_id", "REQUIRED"), Errors.violations(unknown));
  }

  private static int occurrences(String text, String part) {
    int n = 0;
    for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
      n++;
    }
    return n;
  }

  /** Reads the Code 128 barcode off the page as a scanner's decoder would. */
  private static String decode(BufferedImage image) throws Exception {
    int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
    BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(image.getWidth(),
        image.getHeight(), pixels)));
    return new Code128Reader().decode(bitmap).getText();
  }
}
