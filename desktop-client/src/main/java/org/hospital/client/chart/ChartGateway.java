package org.hospital.client.chart;

import java.util.List;
import java.util.Map;
import org.hospital.proto.clinical.v1.Allergy;
import org.hospital.proto.clinical.v1.ChartSummary;
import org.hospital.proto.clinical.v1.ClinicalNote;
import org.hospital.proto.clinical.v1.DiagnosisCode;
import org.hospital.proto.clinical.v1.Encounter;
import org.hospital.proto.clinical.v1.FormularyProduct;
import org.hospital.proto.clinical.v1.NoteContent;
import org.hospital.proto.clinical.v1.PrescribingAlert;
import org.hospital.proto.clinical.v1.Prescription;
import org.hospital.proto.clinical.v1.PrescriptionOrder;
import org.hospital.proto.clinical.v1.Problem;
import org.hospital.proto.clinical.v1.ProblemStatus;
import org.hospital.proto.clinical.v1.RecordAllergyRequest;
import org.hospital.proto.clinical.v1.StopReason;
import org.hospital.proto.patients.v1.PatientSummary;
import org.hospital.proto.reports.v1.PdfDocument;

/** What the chart screens ask of the server; blocking, called off the FX thread. */
public interface ChartGateway {

  /** Patients for a name or an MRN (a scanned wristband types the MRN). */
  List<PatientSummary> findPatients(String query);

  ChartSummary summary(long patientId);

  /** The encounter of the appointment (the same one however often it is asked for). */
  Encounter encounterForAppointment(long appointmentId);

  Encounter startEncounter(long patientId, String reason, String key);

  Encounter encounter(long encounterId);

  ClinicalNote saveNote(long encounterId, long noteId, long expectedVersion, NoteContent content);

  ClinicalNote signNote(long noteId, long expectedVersion);

  List<DiagnosisCode> searchCodes(String query);

  Problem addProblem(long patientId, String code, long encounterId);

  Encounter setDiagnoses(long encounterId, long expectedVersion, String primary, List<String> secondary);

  List<Prescription> medications(long patientId);

  List<FormularyProduct> searchFormulary(String query);

  /** The alerts the order would raise; the prescription it replaces (0 for none) is left out of the checks. */
  List<PrescribingAlert> check(PrescriptionOrder order, long replacesId);

  /** Signs the order; with {@code replaces} set it is a change, and that prescription is stopped as changed. */
  Prescription sign(String key, PrescriptionOrder order, Map<String, String> overrides, Prescription replaces);

  /** The same order again from today, checked again; interruptive alerts refuse it with OVERRIDE_REQUIRED. */
  Prescription renew(String key, long prescriptionId, long expectedVersion);

  ClinicalNote addAddendum(long noteId, String text);

  /** The problem with a new status; its onset and note are kept as they are. */
  Problem updateProblem(Problem current, ProblemStatus status);

  Allergy recordAllergy(RecordAllergyRequest request);

  void recordNoKnownDrugAllergies(long patientId);

  Prescription stop(long prescriptionId, long expectedVersion, StopReason reason, String note);

  PdfDocument print(long prescriptionId);
}
