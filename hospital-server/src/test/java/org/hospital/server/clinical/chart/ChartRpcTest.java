package org.hospital.server.clinical.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.List;
import org.hospital.proto.clinical.v1.AddAddendumRequest;
import org.hospital.proto.clinical.v1.AddProblemRequest;
import org.hospital.proto.clinical.v1.AllergyCategory;
import org.hospital.proto.clinical.v1.AllergySeverity;
import org.hospital.proto.clinical.v1.AllergyState;
import org.hospital.proto.clinical.v1.AllergyStatus;
import org.hospital.proto.clinical.v1.ClinicalNote;
import org.hospital.proto.clinical.v1.Encounter;
import org.hospital.proto.clinical.v1.EncounterStatus;
import org.hospital.proto.clinical.v1.EndEncounterRequest;
import org.hospital.proto.clinical.v1.GetChartSummaryRequest;
import org.hospital.proto.clinical.v1.GetEncounterRequest;
import org.hospital.proto.clinical.v1.NoteContent;
import org.hospital.proto.clinical.v1.NoteStatus;
import org.hospital.proto.clinical.v1.Problem;
import org.hospital.proto.clinical.v1.ProblemStatus;
import org.hospital.proto.clinical.v1.RecordAllergyRequest;
import org.hospital.proto.clinical.v1.RecordNoKnownDrugAllergiesRequest;
import org.hospital.proto.clinical.v1.SaveNoteRequest;
import org.hospital.proto.clinical.v1.SearchDiagnosisCodesRequest;
import org.hospital.proto.clinical.v1.SetEncounterDiagnosesRequest;
import org.hospital.proto.clinical.v1.SignNoteRequest;
import org.hospital.proto.clinical.v1.StartEncounterRequest;
import org.hospital.proto.clinical.v1.UpdateAllergyRequest;
import org.hospital.proto.clinical.v1.UpdateProblemRequest;
import org.hospital.proto.scheduling.v1.Appointment;
import org.hospital.proto.scheduling.v1.CheckInRequest;
import org.hospital.proto.scheduling.v1.ListCliniciansRequest;
import org.hospital.proto.scheduling.v1.VisitType;
import org.hospital.proto.scheduling.v1.WalkIn;
import org.hospital.server.testing.Errors;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The chart through the real server, on H2 and PostgreSQL: a consultation from the worklist, notes written,
 * signed and amended, coded diagnoses and problems, allergies and the "no known drug allergies" statement;
 * who may do what, and bad input that changes nothing.
 */
class ChartRpcTest {

  @ParameterizedTest
  @MethodSource("org.hospital.server.testing.TestDatabases#kinds")
  void aConsultationFromTheWorklistToASignedNote(String kind) {
    try (ChartHospital h = ChartHospital.start(kind)) {
      Appointment walkIn = walkIn(h, 3);
      StartEncounterRequest start = StartEncounterRequest.newBuilder().setIdempotencyKey(ChartHospital.key())
          .setAppointmentId(walkIn.getId()).build();
      refused(h, Status.Code.PERMISSION_DENIED, () -> h.chart("reception").startEncounter(start));
      refused(h, Status.Code.PERMISSION_DENIED, () -> h.chart("nurse").startEncounter(start));
      Encounter e = h.chart("doctor").startEncounter(start);
      assertEquals(EncounterStatus.ENCOUNTER_OPEN, e.getStatus());
      assertEquals(walkIn.getPatientId(), e.getPatientId());
      assertEquals("Cough for a week", e.getReason(), "the appointment's reason when none is given");
      assertEquals(e.getId(), h.chart("doctor").startEncounter(start.toBuilder()
          .setIdempotencyKey(ChartHospital.key()).build()).getId(), "one encounter per appointment");

      NoteContent draft = NoteContent.newBuilder().setPresentingComplaint("Dry cough for a week.\nNo fever.")
          .setFindings("Chest clear.").build();
      ClinicalNote n = h.chart("doctor").saveNote(SaveNoteRequest.newBuilder().setEncounterId(e.getId())
          .setContent(draft).build());
      assertEquals(NoteStatus.NOTE_DRAFT, n.getStatus());
      assertEquals("Dry cough for a week.\nNo fever.", n.getContent().getPresentingComplaint());
      SaveNoteRequest edit = SaveNoteRequest.newBuilder().setEncounterId(e.getId()).setNoteId(n.getId())
          .setExpectedVersion(n.getVersion()).setContent(draft.toBuilder().setAssessment("Viral bronchitis.")
              .setPlan("Fluids, review in a week.")).build();
      refused(h, Status.Code.PERMISSION_DENIED, () -> h.chart("dr.okafor").saveNote(edit));
      ClinicalNote edited = h.chart("doctor").saveNote(edit);
      StatusRuntimeException stale = refused(h, Status.Code.ABORTED, () -> h.chart("doctor").saveNote(edit));
      assertEquals("STALE_VERSION", Errors.info(stale).getReason());
      assertEquals("Dr. Daniel Doctor", Errors.info(stale).getMetadataOrThrow("updated_by"));

      ClinicalNote signed = h.chart("doctor").signNote(SignNoteRequest.newBuilder().setNoteId(n.getId())
          .setExpectedVersion(edited.getVersion()).build());
      assertEquals(NoteStatus.NOTE_SIGNED, signed.getStatus());
      StatusRuntimeException frozen = refused(h, Status.Code.FAILED_PRECONDITION, () -> h.chart("doctor")
          .saveNote(edit.toBuilder().setExpectedVersion(signed.getVersion()).build()));
      assertEquals("INVALID_TRANSITION", Errors.info(frozen).getReason());
      ClinicalNote amended = h.chart("dr.okafor").addAddendum(AddAddendumRequest.newBuilder()
          .setNoteId(n.getId()).setText("Spoke to the patient: also a smoker.").build());
      assertEquals("Viral bronchitis.", amended.getContent().getAssessment(), "the original is kept");
      assertEquals("Dr. Amara Okafor", amended.getAddenda(0).getAuthorName());

      Encounter read = h.chart("nurse").getEncounter(GetEncounterRequest.newBuilder().setEncounterId(e.getId())
          .build());
      assertEquals(1, read.getNotesCount());
      assertEquals(1, read.getNotes(0).getAddendaCount());
      refused(h, Status.Code.PERMISSION_DENIED, () -> h.chart("billing").getEncounter(
          GetEncounterRequest.newBuilder().setEncounterId(e.getId()).build()));
      assertTrue(h.count("SELECT COUNT(*) FROM audit_entry WHERE action = 'CHART_READ' AND actor = 'nurse'") >= 1);

      Encounter ended = h.chart("doctor").endEncounter(EndEncounterRequest.newBuilder().setEncounterId(e.getId())
          .setExpectedVersion(read.getVersion()).build());
      assertEquals(EncounterStatus.ENCOUNTER_ENDED, ended.getStatus());
    }
  }

  @ParameterizedTest
  @MethodSource("org.hospital.server.testing.TestDatabases#kinds")
  void codedDiagnosesAndTheProblemList(String kind) {
    try (ChartHospital h = ChartHospital.start(kind)) {
      long patient = h.patients.get(5);
      Encounter e = h.chart("doctor").startEncounter(StartEncounterRequest.newBuilder()
          .setIdempotencyKey(ChartHospital.key()).setPatientId(patient).setReason("Review").build());

      StatusRuntimeException unknown = refused(h, Status.Code.INVALID_ARGUMENT, () -> h.chart("doctor")
          .setEncounterDiagnoses(SetEncounterDiagnosesRequest.newBuilder().setEncounterId(e.getId())
              .setExpectedVersion(e.getVersion()).setPrimaryCode("E11.9").addSecondaryCodes("Q99.99")
              .addSecondaryCodes("e119").build()));
      assertEquals("UNKNOWN_VALUE", Errors.violations(unknown).get("secondary_codes[0]"));
      assertEquals("DUPLICATE", Errors.violations(unknown).get("secondary_codes[1]"));
      Encounter coded = h.chart("doctor").setEncounterDiagnoses(SetEncounterDiagnosesRequest.newBuilder()
          .setEncounterId(e.getId()).setExpectedVersion(e.getVersion()).setPrimaryCode("e119")
          .addSecondaryCodes("I10").build());
      assertEquals(List.of("E11.9", "I10"), coded.getDiagnosesList().stream().map(d -> d.getCode()).toList());
      assertTrue(coded.getDiagnoses(0).getPrimary());
      assertTrue(coded.getDiagnoses(0).getTitle().toLowerCase().contains("diabetes"), coded.getDiagnoses(0)
          .getTitle());

      AddProblemRequest diabetes = AddProblemRequest.newBuilder().setPatientId(patient).setCode("E11.9")
          .setEncounterId(e.getId()).build();
      Problem p = h.chart("doctor").addProblem(diabetes);
      assertEquals(ProblemStatus.PROBLEM_ACTIVE, p.getStatus());
      StatusRuntimeException twice = refused(h, Status.Code.ALREADY_EXISTS, () -> h.chart("dr.okafor")
          .addProblem(diabetes));
      assertEquals("ALREADY_EXISTS", Errors.info(twice).getReason());

      UpdateProblemRequest resolve = UpdateProblemRequest.newBuilder().setProblemId(p.getId())
          .setExpectedVersion(p.getVersion()).setStatus(ProblemStatus.PROBLEM_RESOLVED).build();
      h.chart("dr.okafor").updateProblem(resolve.toBuilder().setNote("Diet controlled").build());
      StatusRuntimeException stale = refused(h, Status.Code.ABORTED, () -> h.chart("doctor").updateProblem(resolve));
      assertEquals("Dr. Amara Okafor", Errors.info(stale).getMetadataOrThrow("updated_by"));
      h.chart("doctor").addProblem(diabetes);

      var summary = h.chart("nurse").getChartSummary(GetChartSummaryRequest.newBuilder().setPatientId(patient)
          .build());
      assertEquals(1, summary.getActiveProblemsCount());
      assertEquals(1, summary.getPastProblemsCount());
      assertEquals("Diet controlled", summary.getPastProblems(0).getNote());
      assertEquals(e.getId(), summary.getRecentEncounters(0).getId());
      refused(h, Status.Code.PERMISSION_DENIED, () -> h.chart("nurse").addProblem(diabetes));
    }
  }

  @ParameterizedTest
  @MethodSource("org.hospital.server.testing.TestDatabases#kinds")
  void allergiesAndNoKnownDrugAllergiesAreDifferentFromNotAsked(String kind) {
    try (ChartHospital h = ChartHospital.start(kind)) {
      long patient = h.patients.get(7);
      GetChartSummaryRequest open = GetChartSummaryRequest.newBuilder().setPatientId(patient).build();
      assertEquals(AllergyState.ALLERGIES_NOT_RECORDED, h.chart("doctor").getChartSummary(open).getBanner()
          .getAllergyState());
      h.chart("nurse").recordNoKnownDrugAllergies(RecordNoKnownDrugAllergiesRequest.newBuilder()
          .setPatientId(patient).build());
      h.chart("nurse").recordAllergy(RecordAllergyRequest.newBuilder().setPatientId(patient)
          .setCategory(AllergyCategory.ALLERGY_FOOD).setSubstance("Peanut").setReaction("Angioedema")
          .setSeverity(AllergySeverity.ALLERGY_SEVERE).build());
      var banner = h.chart("doctor").getChartSummary(open).getBanner();
      assertEquals(AllergyState.NO_KNOWN_DRUG_ALLERGIES, banner.getAllergyState(), "a food allergy is not a drug's");
      assertEquals("Peanut", banner.getAllergies(0).getSubstance());

      StatusRuntimeException unknown = refused(h, Status.Code.INVALID_ARGUMENT, () -> h.chart("doctor")
          .recordAllergy(RecordAllergyRequest.newBuilder().setPatientId(patient)
              .setCategory(AllergyCategory.ALLERGY_DRUG).setSubstanceCode("unobtainium").build()));
      assertEquals("UNKNOWN_VALUE", Errors.violations(unknown).get("substance_code"));
      var penicillin = h.chart("doctor").recordAllergy(RecordAllergyRequest.newBuilder().setPatientId(patient)
          .setCategory(AllergyCategory.ALLERGY_DRUG).setSubstanceCode("Penicillins").setReaction("Hives")
          .setSeverity(AllergySeverity.ALLERGY_MODERATE).setVerified(true).build());
      var lisinopril = h.chart("nurse").recordAllergy(RecordAllergyRequest.newBuilder().setPatientId(patient)
          .setCategory(AllergyCategory.ALLERGY_DRUG).setSubstanceCode("lisinopril").setReaction("Cough")
          .setSeverity(AllergySeverity.ALLERGY_MILD).build());
      banner = h.chart("doctor").getChartSummary(open).getBanner();
      assertTrue(banner.getAllergiesList().stream().anyMatch(a -> a.getSubstance().equals("Lisinopril")),
          "an ingredient of the formulary, named as people read it");
      assertEquals(AllergyState.HAS_ALLERGIES, banner.getAllergyState());
      assertEquals("penicillins", banner.getAllergies(0).getSubstanceCode(), "drug allergies first");
      StatusRuntimeException contradiction = refused(h, Status.Code.FAILED_PRECONDITION, () -> h.chart("nurse")
          .recordNoKnownDrugAllergies(RecordNoKnownDrugAllergiesRequest.newBuilder().setPatientId(patient).build()));
      assertEquals("INVALID_TRANSITION", Errors.info(contradiction).getReason());

      h.chart("doctor").updateAllergy(UpdateAllergyRequest.newBuilder().setAllergyId(penicillin.getId())
          .setExpectedVersion(penicillin.getVersion()).setStatus(AllergyStatus.ALLERGY_ENTERED_IN_ERROR).build());
      h.chart("doctor").updateAllergy(UpdateAllergyRequest.newBuilder().setAllergyId(lisinopril.getId())
          .setExpectedVersion(lisinopril.getVersion()).setStatus(AllergyStatus.ALLERGY_ENTERED_IN_ERROR).build());
      h.chart("nurse").recordNoKnownDrugAllergies(RecordNoKnownDrugAllergiesRequest.newBuilder()
          .setPatientId(patient).build());
      assertEquals(AllergyState.NO_KNOWN_DRUG_ALLERGIES, h.chart("doctor").getChartSummary(open).getBanner()
          .getAllergyState());
      refused(h, Status.Code.PERMISSION_DENIED, () -> h.chart("reception").getChartSummary(open));
      refused(h, Status.Code.NOT_FOUND, () -> h.chart("doctor").getChartSummary(GetChartSummaryRequest
          .newBuilder().setPatientId(999_999_999L).build()));
    }
  }

  @ParameterizedTest
  @MethodSource("org.hospital.server.testing.TestDatabases#kinds")
  void diagnosisCodesAreFoundAsTheDoctorTypes(String kind) {
    try (ChartHospital h = ChartHospital.start(kind)) {
      var byWords = h.chart("doctor").searchDiagnosisCodes(SearchDiagnosisCodesRequest.newBuilder()
          .setQuery("diabtes mellitus typ 2").setLimit(5).build());
      assertEquals("E11", byWords.getCodes(0).getCode(), byWords.toString());
      assertEquals("Type 2 diabetes mellitus", byWords.getCodes(0).getTitle());
      var byCode = h.chart("billing").searchDiagnosisCodes(SearchDiagnosisCodesRequest.newBuilder()
          .setQuery("e11.9").build());
      assertEquals("E11.9", byCode.getCodes(0).getCode());
      assertTrue(byCode.getCodes(0).getTitle().startsWith("Type 2 diabetes mellitus without complications"));
      assertEquals(0, h.chart("nurse").searchDiagnosisCodes(SearchDiagnosisCodesRequest.newBuilder()
          .setQuery("  ").build()).getCodesCount());

      StatusRuntimeException tooMany = refused(h, Status.Code.INVALID_ARGUMENT, () -> h.chart("doctor")
          .searchDiagnosisCodes(SearchDiagnosisCodesRequest.newBuilder().setQuery("x".repeat(101))
              .setLimit(51).build()));
      assertEquals("TOO_LONG", Errors.violations(tooMany).get("query"));
      assertEquals("OUT_OF_RANGE", Errors.violations(tooMany).get("limit"));
      refused(h, Status.Code.PERMISSION_DENIED, () -> h.chart("reception").searchDiagnosisCodes(
          SearchDiagnosisCodesRequest.newBuilder().setQuery("asthma").build()));
    }
  }

  /** The refusal, after checking that it wrote nothing to the chart. */
  private static StatusRuntimeException refused(ChartHospital h, Status.Code code, Executable call) {
    long before = h.chartRows();
    StatusRuntimeException e = assertThrows(StatusRuntimeException.class, call);
    assertEquals(code, e.getStatus().getCode(), e.getStatus().toString());
    assertEquals(before, h.chartRows(), "a refused request writes nothing");
    return e;
  }

  private static Appointment walkIn(ChartHospital h, int patientIndex) {
    long doctor = h.scheduling("reception").listClinicians(ListCliniciansRequest.getDefaultInstance())
        .getCliniciansList().stream().filter(c -> c.getDisplayName().equals("Dr. Daniel Doctor")).findFirst()
        .orElseThrow().getId();
    return h.scheduling("reception").checkIn(CheckInRequest.newBuilder().setIdempotencyKey(ChartHospital.key())
        .setWalkIn(WalkIn.newBuilder().setPatientId(h.patients.get(patientIndex)).setClinicianId(doctor)
            .setVisitType(VisitType.URGENT).setReason("Cough for a week")).build()).getAppointment();
  }
}
