package org.hospital.client.chart;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hospital.client.connection.ServerConnection;
import org.hospital.client.patients.PatientDirectory;
import org.hospital.proto.clinical.v1.AddAddendumRequest;
import org.hospital.proto.clinical.v1.AddProblemRequest;
import org.hospital.proto.clinical.v1.Allergy;
import org.hospital.proto.clinical.v1.RecordAllergyRequest;
import org.hospital.proto.clinical.v1.RecordNoKnownDrugAllergiesRequest;
import org.hospital.proto.clinical.v1.RenewPrescriptionRequest;
import org.hospital.proto.clinical.v1.UpdateProblemRequest;
import org.hospital.proto.clinical.v1.AlertOverride;
import org.hospital.proto.clinical.v1.ChartServiceGrpc;
import org.hospital.proto.clinical.v1.ChartSummary;
import org.hospital.proto.clinical.v1.CheckPrescriptionRequest;
import org.hospital.proto.clinical.v1.ClinicalNote;
import org.hospital.proto.clinical.v1.DiagnosisCode;
import org.hospital.proto.clinical.v1.Encounter;
import org.hospital.proto.clinical.v1.FormularyProduct;
import org.hospital.proto.clinical.v1.GetChartSummaryRequest;
import org.hospital.proto.clinical.v1.GetEncounterRequest;
import org.hospital.proto.clinical.v1.ListMedicationsRequest;
import org.hospital.proto.clinical.v1.MedicationServiceGrpc;
import org.hospital.proto.clinical.v1.NoteContent;
import org.hospital.proto.clinical.v1.PrescribingAlert;
import org.hospital.proto.clinical.v1.Prescription;
import org.hospital.proto.clinical.v1.PrescriptionOrder;
import org.hospital.proto.clinical.v1.PrintPrescriptionRequest;
import org.hospital.proto.clinical.v1.Problem;
import org.hospital.proto.clinical.v1.ProblemStatus;
import org.hospital.proto.clinical.v1.SaveNoteRequest;
import org.hospital.proto.clinical.v1.SearchDiagnosisCodesRequest;
import org.hospital.proto.clinical.v1.SearchFormularyRequest;
import org.hospital.proto.clinical.v1.SetEncounterDiagnosesRequest;
import org.hospital.proto.clinical.v1.SignNoteRequest;
import org.hospital.proto.clinical.v1.SignPrescriptionRequest;
import org.hospital.proto.clinical.v1.StartEncounterRequest;
import org.hospital.proto.clinical.v1.StopPrescriptionRequest;
import org.hospital.proto.clinical.v1.StopReason;
import org.hospital.proto.patients.v1.PatientSummary;
import org.hospital.proto.reports.v1.PdfDocument;

/** {@link ChartGateway} over the chart and medication services; the channel adds the session and deadline. */
public final class GrpcChartGateway implements ChartGateway {

  private final ServerConnection connection;
  private final PatientDirectory patients;

  public GrpcChartGateway(ServerConnection connection, PatientDirectory patients) {
    this.connection = connection;
    this.patients = patients;
  }

  @Override
  public List<PatientSummary> findPatients(String query) {
    return patients.search(query, "").getResultsList();
  }

  @Override
  public ChartSummary summary(long patientId) {
    return chart().getChartSummary(GetChartSummaryRequest.newBuilder().setPatientId(patientId).build());
  }

  @Override
  public Encounter encounterForAppointment(long appointmentId) {
    // one encounter per appointment: a fresh key still answers with the consultation's encounter
    return chart().startEncounter(StartEncounterRequest.newBuilder().setIdempotencyKey(UUID.randomUUID().toString())
        .setAppointmentId(appointmentId).build());
  }

  @Override
  public Encounter startEncounter(long patientId, String reason, String key) {
    return chart().startEncounter(StartEncounterRequest.newBuilder().setIdempotencyKey(key).setPatientId(patientId)
        .setReason(reason).build());
  }

  @Override
  public Encounter encounter(long encounterId) {
    return chart().getEncounter(GetEncounterRequest.newBuilder().setEncounterId(encounterId).build());
  }

  @Override
  public ClinicalNote saveNote(long encounterId, long noteId, long expectedVersion, NoteContent content) {
    return chart().saveNote(SaveNoteRequest.newBuilder().setEncounterId(encounterId).setNoteId(noteId)
        .setExpectedVersion(expectedVersion).setContent(content).build());
  }

  @Override
  public ClinicalNote signNote(long noteId, long expectedVersion) {
    return chart().signNote(SignNoteRequest.newBuilder().setNoteId(noteId).setExpectedVersion(expectedVersion)
        .build());
  }

  @Override
  public List<DiagnosisCode> searchCodes(String query) {
    return chart().searchDiagnosisCodes(SearchDiagnosisCodesRequest.newBuilder().setQuery(query).setLimit(12)
        .build()).getCodesList();
  }

  @Override
  public Problem addProblem(long patientId, String code, long encounterId) {
    return chart().addProblem(AddProblemRequest.newBuilder().setPatientId(patientId).setCode(code)
        .setStatus(ProblemStatus.PROBLEM_ACTIVE).setEncounterId(encounterId).build());
  }

  @Override
  public Encounter setDiagnoses(long encounterId, long expectedVersion, String primary, List<String> secondary) {
    return chart().setEncounterDiagnoses(SetEncounterDiagnosesRequest.newBuilder().setEncounterId(encounterId)
        .setExpectedVersion(expectedVersion).setPrimaryCode(primary).addAllSecondaryCodes(secondary).build());
  }

  @Override
  public List<Prescription> medications(long patientId) {
    return medication().listMedications(ListMedicationsRequest.newBuilder().setPatientId(patientId).build())
        .getPrescriptionsList();
  }

  @Override
  public List<FormularyProduct> searchFormulary(String query) {
    return medication().searchFormulary(SearchFormularyRequest.newBuilder().setQuery(query).setLimit(15).build())
        .getProductsList();
  }

  @Override
  public List<PrescribingAlert> check(PrescriptionOrder order, long replacesId) {
    return medication().checkPrescription(CheckPrescriptionRequest.newBuilder().setOrder(order)
        .setReplacesPrescriptionId(replacesId).build())
        .getAlertsList();
  }

  @Override
  public Prescription sign(String key, PrescriptionOrder order, Map<String, String> overrides,
      Prescription replaces) {
    SignPrescriptionRequest.Builder b = SignPrescriptionRequest.newBuilder().setIdempotencyKey(key).setOrder(order);
    if (replaces != null) {
      b.setReplacesPrescriptionId(replaces.getId()).setReplacesExpectedVersion(replaces.getVersion());
    }
    overrides.forEach((alert, reason) -> b.addOverrides(AlertOverride.newBuilder().setAlertKey(alert)
        .setReason(reason)));
    return medication().signPrescription(b.build());
  }

  @Override
  public Prescription stop(long prescriptionId, long expectedVersion, StopReason reason, String note) {
    return medication().stopPrescription(StopPrescriptionRequest.newBuilder().setPrescriptionId(prescriptionId)
        .setExpectedVersion(expectedVersion).setReason(reason).setNote(note).build());
  }

  @Override
  public Prescription renew(String key, long prescriptionId, long expectedVersion) {
    return medication().renewPrescription(RenewPrescriptionRequest.newBuilder().setIdempotencyKey(key)
        .setPrescriptionId(prescriptionId).setExpectedVersion(expectedVersion).build());
  }

  @Override
  public ClinicalNote addAddendum(long noteId, String text) {
    return chart().addAddendum(AddAddendumRequest.newBuilder().setNoteId(noteId).setText(text).build());
  }

  @Override
  public Problem updateProblem(Problem current, ProblemStatus status) {
    UpdateProblemRequest.Builder b = UpdateProblemRequest.newBuilder().setProblemId(current.getId())
        .setExpectedVersion(current.getVersion()).setStatus(status).setNote(current.getNote());
    if (current.hasOnset()) {
      b.setOnset(current.getOnset());
    }
    return chart().updateProblem(b.build());
  }

  @Override
  public Allergy recordAllergy(RecordAllergyRequest request) {
    return chart().recordAllergy(request);
  }

  @Override
  public void recordNoKnownDrugAllergies(long patientId) {
    chart().recordNoKnownDrugAllergies(RecordNoKnownDrugAllergiesRequest.newBuilder().setPatientId(patientId)
        .build());
  }

  @Override
  public PdfDocument print(long prescriptionId) {
    return medication().printPrescription(PrintPrescriptionRequest.newBuilder().setPrescriptionId(prescriptionId)
        .build());
  }

  private ChartServiceGrpc.ChartServiceBlockingStub chart() {
    return ChartServiceGrpc.newBlockingStub(connection.channel());
  }

  private MedicationServiceGrpc.MedicationServiceBlockingStub medication() {
    return MedicationServiceGrpc.newBlockingStub(connection.channel());
  }
}
