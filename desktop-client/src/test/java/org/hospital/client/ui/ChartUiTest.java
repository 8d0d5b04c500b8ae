package org.hospital.client.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import org.hospital.client.chart.PrescribeViewModel;
import org.hospital.client.reports.Printouts;
import org.hospital.client.schedule.worklist.WorklistEntry;
import org.hospital.proto.clinical.v1.DiagnosisCode;
import org.hospital.proto.clinical.v1.FormularyProduct;
import org.hospital.proto.clinical.v1.Prescription;
import org.hospital.proto.clinical.v1.PrescriptionStatus;
import org.hospital.proto.patients.v1.Patient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A consultation end to end: the doctor starts it from the worklist and lands in the chart, writes and signs a
 * note, adds a diagnosis found by typing words, prescribes a drug that interacts with one the patient takes,
 * reads the alert, overrides it with a reason, and prints the prescription, whose text shows the drug, the
 * directions and the override.
 */
class ChartUiTest extends ClientUiTest {

  private ServerBackdoor desk;
  private ServerBackdoor colleague;

  @AfterEach
  void closeBackdoors() {
    if (desk != null) {
      desk.close();
    }
    if (colleague != null) {
      colleague.close();
    }
  }

  @Test
  void aConsultationFromTheWorklistToAPrintedPrescriptionWithAnOverride() throws Exception {
    desk = new ServerBackdoor("reception");
    colleague = new ServerBackdoor("doctor");
    Patient patient = desk.register(ServerBackdoor.person("Thistlewood", "Honora", 1951, 4, 9, "+1 555 0177"));
    colleague.prescribe(patient.getId(), "simvastatin 20", 20);
    desk.walkIn(desk.clinician("Dr. Daniel Doctor").getId(), patient.getId());

    signInAndWait("doctor");
    openArea("worklist");
    waitUntil(() -> worklistRow(patient.getId()) != null);
    interact(() -> worklistTable().getSelectionModel().select(worklistRow(patient.getId())));
    press("#startConsultation");
    waitUntil(() -> visible("#patientBanner") && text("#bannerName").startsWith("THISTLEWOOD"));
    assertTrue(text("#bannerAllergies").startsWith("Allergies not recorded"), text("#bannerAllergies"));
    screenshot("chart-summary");

    interact(() -> lookup("#chartTabs").queryAs(javafx.scene.control.TabPane.class).getSelectionModel().select(1));
    waitUntil(() -> text("#noteEncounter").startsWith("Encounter with Dr. Daniel Doctor"));
    setText("#notePresenting", "Palpitations for two weeks.");
    setText("#noteFindings", "Pulse 96 irregular. BP 142/88.");
    setText("#noteAssessment", "Paroxysmal atrial fibrillation, rate control needed.");
    setText("#notePlan", "Start verapamil. ECG and TSH. Review in 2 weeks.");
    press("#signNote");
    waitUntil(() -> text("#noteSignedBy").equals("Signed by Dr. Daniel Doctor"));
    screenshot("chart-note-signed");

    interact(() -> lookup("#chartTabs").queryAs(javafx.scene.control.TabPane.class).getSelectionModel().select(2));
    setText("#codeSearch", "type 2 diabetes");
    waitUntil(() -> codes().getItems().stream().anyMatch(c -> c.getCode().startsWith("E11")));
    interact(() -> codes().getSelectionModel().select(codes().getItems().stream()
        .filter(c -> c.getCode().startsWith("E11")).findFirst().orElseThrow()));
    press("#addDiagnosis");
    waitUntil(() -> !listOf("#encounterDiagnoses").getItems().isEmpty());
    assertTrue(listOf("#encounterDiagnoses").getItems().getFirst().toString().contains("E11"));
    screenshot("chart-diagnosis");

    interact(() -> lookup("#chartTabs").queryAs(javafx.scene.control.TabPane.class).getSelectionModel().select(4));
    waitUntil(() -> medications().getItems().size() == 1);
    setText("#prescribeProduct", "verapamil");
    waitUntil(() -> !products().getItems().isEmpty());
    interact(() -> products().getSelectionModel().select(0));
    setText("#prescribeDose", "80");
    setText("#prescribeDays", "30");
    setText("#prescribeQuantity", "30");
    setText("#prescribeInstructions", "Take one tablet each morning.");
    press("#checkPrescription");
    waitUntil(() -> alerts().getItems().stream().anyMatch(a -> a.alert().getInterruptive()));
    PrescribeViewModel.AlertRow interaction = alerts().getItems().stream().filter(a -> a.alert().getInterruptive())
        .findFirst().orElseThrow();
    assertTrue(interaction.alert().getSummary().contains("Simvastatin"), interaction.alert().getSummary());
    press("#signPrescription");
    waitUntil(() -> text("#prescribeError").startsWith("Give a reason"));
    screenshot("chart-prescribe-alert");
    String field = "#overrideReason-" + interaction.alert().getKey().replaceAll("[^A-Za-z0-9]", "-");
    setText(field, "Cardiology advised; simvastatin kept at 20 mg");
    screenshot("chart-prescribe-override");
    press("#signPrescription");
    waitUntil(() -> text("#prescribeNotice").startsWith("Signed: verapamil"));
    waitUntil(() -> medications().getItems().size() == 2);
    Prescription verapamil = medications().getItems().stream()
        .filter(p -> p.getProduct().getName().startsWith("verapamil")).findFirst().orElseThrow();
    assertEquals(PrescriptionStatus.PRESCRIPTION_ACTIVE, verapamil.getStatus());
    assertEquals("Cardiology advised; simvastatin kept at 20 mg", verapamil.getOverrides(0).getReason());
    screenshot("chart-medications");

    Path file = Printouts.defaultFolder().resolve("prescription-" + verapamil.getId() + ".pdf");
    Files.deleteIfExists(file);
    interact(() -> medications().getSelectionModel().select(verapamil));
    press("#printPrescription");
    waitUntil(() -> text("#chartNotice").startsWith("Prescription saved as"));
    String text = pdfText(Files.readAllBytes(file));
    assertTrue(text.contains("verapamil hydrochloride 80 MG Oral Tablet"), text);
    assertTrue(text.contains("80 mg oral once a day for 30 days"), text);
    assertTrue(text.contains("Cardiology advised; simvastatin kept at 20 mg"), text);
    assertTrue(text.contains("THISTLEWOOD, Honora"), text);
    Files.copy(file, Files.createDirectories(Screenshots.DIRECTORY).resolve("chart-prescription.pdf"),
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);

    // the consultation ends, so the doctor's queue is as other tests expect it
    openArea("worklist");
    waitUntil(() -> worklistRow(patient.getId()) != null);
    interact(() -> worklistTable().getSelectionModel().select(worklistRow(patient.getId())));
    press("#completeConsultation");
    waitUntil(() -> worklistRow(patient.getId()) != null && worklistRow(patient.getId()).status().equals("Completed"));
  }

  /**
   * The rest of a chart's daily work, opened by MRN as a scanned wristband would: an addendum to a signed note,
   * "no known drug allergies" then an allergy found later, a diagnosis resolved, a prescription renewed and
   * another changed (the old one stopped as changed, the new one linked).
   */
  @Test
  void addendaAllergiesResolvedProblemsRenewalsAndChanges() {
    desk = new ServerBackdoor("reception");
    colleague = new ServerBackdoor("doctor");
    Patient patient = desk.register(ServerBackdoor.person("Brackenbury", "Averil", 1966, 11, 2, "+1 555 0178"));
    colleague.prescribe(patient.getId(), "simvastatin 20", 20);
    colleague.prescribe(patient.getId(), "lisinopril 10", 10);

    signInAndWait("doctor");
    openArea("clinical");
    setText("#chartSearch", patient.getMrn());
    interact(() -> lookup("#chartSearch").queryAs(javafx.scene.control.TextField.class).fireEvent(
        new javafx.event.ActionEvent()));
    waitUntil(() -> text("#bannerName").startsWith("BRACKENBURY"));

    tab(1);
    press("#startEncounter");
    waitUntil(() -> text("#chartNotice").startsWith("Encounter started"));
    setText("#notePresenting", "Review of blood pressure.");
    setText("#noteAssessment", "Hypertension, controlled.");
    press("#signNote");
    waitUntil(() -> text("#noteSignedBy").startsWith("Signed by"));
    setText("#addendumText", "Home readings since brought in: all below 135/85.");
    press("#addAddendum");
    waitUntil(() -> listOf("#noteAddenda").getItems().size() == 1);
    assertTrue(listOf("#noteAddenda").getItems().getFirst().toString().contains("all below 135/85"));
    assertEquals("Review of blood pressure.", text("#notePresenting"), "the signed note is kept as it was");
    screenshot("chart-addendum");

    tab(2);
    setText("#codeSearch", "essential hypertension");
    waitUntil(() -> codes().getItems().stream().anyMatch(c -> c.getCode().equals("I10")));
    interact(() -> codes().getSelectionModel().select(codes().getItems().stream()
        .filter(c -> c.getCode().equals("I10")).findFirst().orElseThrow()));
    press("#addDiagnosis");
    waitUntil(() -> !listOf("#encounterDiagnoses").getItems().isEmpty());

    tab(3);
    press("#recordNkda");
    waitUntil(() -> text("#bannerAllergies").equals("No known drug allergies"));
    interact(() -> {
      lookup("#allergyCategory").queryAs(javafx.scene.control.ComboBox.class).getSelectionModel().select(0);
      lookup("#allergySeverity").queryAs(javafx.scene.control.ComboBox.class).getSelectionModel().select(2);
    });
    setText("#allergySubstance", "Penicillins");
    setText("#allergyReaction", "anaphylaxis");
    press("#recordAllergy");
    waitUntil(() -> text("#bannerAllergies").contains("anaphylaxis"));
    assertTrue(lookup("#bannerAllergies").query().getStyleClass().contains("allergy-strip"));
    waitUntil(() -> problems().getItems().stream().anyMatch(p -> p.getCode().equals("I10")));
    interact(() -> problems().getSelectionModel().select(problems().getItems().stream()
        .filter(p -> p.getCode().equals("I10")).findFirst().orElseThrow()));
    press("#resolveProblem");
    waitUntil(() -> problems().getItems().stream().anyMatch(p -> p.getCode().equals("I10")
        && p.getStatus() == org.hospital.proto.clinical.v1.ProblemStatus.PROBLEM_RESOLVED));
    screenshot("chart-problems-allergies");

    // the summary lists the encounter; Enter on it opens its note again
    tab(0);
    waitUntil(() -> !listOf("#summaryEncounters").getItems().isEmpty());
    interact(() -> {
      listOf("#summaryEncounters").getSelectionModel().select(0);
      listOf("#summaryEncounters").requestFocus();
    });
    screenshot("chart-summary-encounters");
    type(javafx.scene.input.KeyCode.ENTER);
    waitUntil(() -> text("#chartNotice").startsWith("Encounter of"));
    assertEquals("Review of blood pressure.", text("#notePresenting"));

    tab(4);
    waitUntil(() -> medications().getItems().size() == 2);
    Prescription lisinopril = medication("lisinopril");
    interact(() -> medications().getSelectionModel().select(lisinopril));
    press("#renewPrescription");
    waitUntil(() -> medications().getItems().size() == 3);
    assertEquals(PrescriptionStatus.PRESCRIPTION_ACTIVE, medications().getItems().stream()
        .filter(p -> p.getProduct().getName().startsWith("lisinopril") && p.getId() != lisinopril.getId())
        .findFirst().orElseThrow().getStatus());

    Prescription simvastatin = medication("simvastatin");
    interact(() -> medications().getSelectionModel().select(simvastatin));
    press("#changePrescription");
    waitUntil(() -> text("#prescribeChanging").startsWith("Replaces: Simvastatin"));
    setText("#prescribeDose", "40");
    press("#checkPrescription");
    waitUntil(() -> text("#prescribeNotice").startsWith("No alerts") || !alerts().getItems().isEmpty());
    press("#signPrescription");
    waitUntil(() -> medications().getItems().size() == 4);
    Prescription changed = medications().getItems().stream().filter(p -> p.getId() == simvastatin.getId())
        .findFirst().orElseThrow();
    assertEquals(PrescriptionStatus.PRESCRIPTION_STOPPED, changed.getStatus());
    Prescription replacement = medications().getItems().stream()
        .filter(p -> p.getReplacesId() == simvastatin.getId()).findFirst().orElseThrow();
    assertEquals(40.0, replacement.getDose());
    assertEquals(PrescriptionStatus.PRESCRIPTION_ACTIVE, replacement.getStatus());
    screenshot("chart-renew-change");
  }

  private void tab(int index) {
    interact(() -> lookup("#chartTabs").queryAs(javafx.scene.control.TabPane.class).getSelectionModel()
        .select(index));
  }

  private Prescription medication(String name) {
    return medications().getItems().stream().filter(p -> p.getProduct().getName().toLowerCase(java.util.Locale.ROOT).startsWith(name)
        && p.getStatus() == PrescriptionStatus.PRESCRIPTION_ACTIVE).findFirst().orElseThrow();
  }

  @SuppressWarnings("unchecked")
  private TableView<org.hospital.proto.clinical.v1.Problem> problems() {
    return lookup("#problemTable").queryAs(TableView.class);
  }

  private WorklistEntry worklistRow(long patientId) {
    return worklistTable().getItems().stream().filter(e -> e.appointment().getPatientId() == patientId)
        .findFirst().orElse(null);
  }

  @SuppressWarnings("unchecked")
  private TableView<WorklistEntry> worklistTable() {
    return lookup("#worklistTable").queryAs(TableView.class);
  }

  @SuppressWarnings("unchecked")
  private ListView<DiagnosisCode> codes() {
    return lookup("#codeResults").queryAs(ListView.class);
  }

  @SuppressWarnings("unchecked")
  private ListView<Object> listOf(String query) {
    return lookup(query).queryAs(ListView.class);
  }

  @SuppressWarnings("unchecked")
  private ListView<FormularyProduct> products() {
    return lookup("#prescribeProducts").queryAs(ListView.class);
  }

  @SuppressWarnings("unchecked")
  private ListView<PrescribeViewModel.AlertRow> alerts() {
    return lookup("#prescribeAlerts").queryAs(ListView.class);
  }

  @SuppressWarnings("unchecked")
  private TableView<Prescription> medications() {
    return lookup("#medicationTable").queryAs(TableView.class);
  }

  private static String pdfText(byte[] pdf) throws Exception {
    try (com.lowagie.text.pdf.PdfReader reader = new com.lowagie.text.pdf.PdfReader(pdf)) {
      var extractor = new com.lowagie.text.pdf.parser.PdfTextExtractor(reader);
      StringBuilder all = new StringBuilder();
      for (int page = 1; page <= reader.getNumberOfPages(); page++) {
        all.append(extractor.getTextFromPage(page)).append('\n');
      }
      return all.toString();
    }
  }
}
