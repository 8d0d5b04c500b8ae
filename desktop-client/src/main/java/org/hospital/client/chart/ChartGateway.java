package org.hospital.client.chart;

import java.util.List;
import java.util.Map;
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

  List<PrescribingAlert> check(PrescriptionOrder order);

  Prescription sign(String key, PrescriptionOrder order, Map<String, String> overrides);

  Prescription stop(long prescriptionId, long expectedVersion, StopReason reason, String note);

  PdfDocument print(long prescriptionId);
}
