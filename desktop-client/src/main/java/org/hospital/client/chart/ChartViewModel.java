package org.hospital.client.chart;

import java.util.List;
import java.util.UUID;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.hospital.client.errors.ErrorMessages;
import org.hospital.client.errors.RpcFailure;
import org.hospital.client.i18n.I18n;
import org.hospital.client.reports.Printouts;
import org.hospital.client.tasks.ActionStatus;
import org.hospital.client.tasks.TaskRunner;
import org.hospital.proto.clinical.v1.ChartSummary;
import org.hospital.proto.clinical.v1.ClinicalNote;
import org.hospital.proto.clinical.v1.DiagnosisCode;
import org.hospital.proto.clinical.v1.Encounter;
import org.hospital.proto.clinical.v1.EncounterDiagnosis;
import org.hospital.proto.clinical.v1.NoteContent;
import org.hospital.proto.clinical.v1.Prescription;
import org.hospital.proto.clinical.v1.PrescriptionStatus;
import org.hospital.proto.clinical.v1.Problem;
import org.hospital.proto.clinical.v1.ProblemStatus;
import org.hospital.proto.clinical.v1.RecordAllergyRequest;
import org.hospital.proto.common.v1.ErrorReason;
import org.hospital.proto.clinical.v1.StopReason;
import org.hospital.proto.patients.v1.PatientSummary;

/**
 * One patient's chart as a doctor works in it: the summary and banner, the encounter being written (its note,
 * saved as a draft and signed), coded diagnoses found by typing, and the medication list. Nurses see the same
 * chart read-only ({@link #canWrite}).
 */
public final class ChartViewModel {

  private final ChartGateway gateway;
  private final I18n i18n;
  private final TaskRunner tasks;
  private final Printouts printouts;
  private final boolean canWrite;
  private final ActionStatus status;
  private final ErrorMessages errors;
  private final ObjectProperty<ChartSummary> summary = new SimpleObjectProperty<>();
  private final ObjectProperty<Encounter> encounter = new SimpleObjectProperty<>();
  private final ObjectProperty<ClinicalNote> note = new SimpleObjectProperty<>();
  private final ObservableList<PatientSummary> found = FXCollections.observableArrayList();
  private final ObservableList<DiagnosisCode> codes = FXCollections.observableArrayList();
  private final ObservableList<Prescription> medications = FXCollections.observableArrayList();
  private final ObjectProperty<Prescription> selectedMedication = new SimpleObjectProperty<>();
  private final StringProperty codeQuery = new SimpleStringProperty("");
  private final BooleanProperty open = new SimpleBooleanProperty(false);
  private final PrescribeViewModel prescribe;
  private long codeSequence;

  public ChartViewModel(ChartGateway gateway, I18n i18n, ErrorMessages errors, TaskRunner tasks, Printouts printouts,
      boolean canWrite) {
    this.gateway = gateway;
    this.i18n = i18n;
    this.tasks = tasks;
    this.printouts = printouts;
    this.canWrite = canWrite;
    this.status = new ActionStatus(tasks, errors);
    this.errors = errors;
    this.prescribe = new PrescribeViewModel(gateway, i18n, errors, tasks, this::prescribed);
    codeQuery.subscribe(this::searchCodes);
  }

  /** A name or MRN typed (or scanned) into the search field: one match opens at once. */
  public void find(String query) {
    String q = query.strip();
    if (q.isEmpty()) {
      return;
    }
    status.run(() -> gateway.findPatients(q), results -> {
      found.setAll(results);
      if (results.size() == 1) {
        openPatient(results.getFirst().getId());
        return "";
      }
      return results.isEmpty() ? i18n.get("chart.noPatient") : i18n.format("chart.patientsFound", results.size());
    });
  }

  public void openPatient(long patientId) {
    status.run(() -> gateway.summary(patientId), s -> {
      show(s, null);
      loadMedications();
      return "";
    });
  }

  /** From the worklist: the consultation's encounter, on its patient's chart. */
  public void openAppointment(long appointmentId) {
    status.run(() -> {
      Encounter e = gateway.encounter(gateway.encounterForAppointment(appointmentId).getId());
      return new Opened(gateway.summary(e.getPatientId()), e);
    }, o -> {
      show(o.summary(), o.encounter());
      loadMedications();
      return i18n.get("chart.consultationOpen");
    });
  }

  private record Opened(ChartSummary summary, Encounter encounter) {}

  private void show(ChartSummary s, Encounter e) {
    summary.set(s);
    encounter.set(e);
    note.set(e == null || e.getNotesCount() == 0 ? null : e.getNotes(e.getNotesCount() - 1));
    prescribe.forPatient(s.getBanner().getPatientId(), e == null ? 0 : e.getId());
    open.set(true);
  }

  /** Opens an encounter outside an appointment (a ward round, a telephone review). */
  public void startEncounter() {
    ChartSummary s = summary.get();
    if (s == null) {
      return;
    }
    String key = UUID.randomUUID().toString();
    status.run(() -> gateway.startEncounter(s.getBanner().getPatientId(), "", key), e -> {
      encounter.set(e);
      note.set(null);
      prescribe.forPatient(s.getBanner().getPatientId(), e.getId());
      return i18n.get("chart.encounterStarted");
    });
  }

  /** A past (or open) encounter from the summary, to read its note and diagnoses or add an addendum. */
  public void openEncounter(long encounterId) {
    ChartSummary s = summary.get();
    if (s == null) {
      return;
    }
    status.run(() -> gateway.encounter(encounterId), e -> {
      encounter.set(e);
      note.set(e.getNotesCount() == 0 ? null : e.getNotes(e.getNotesCount() - 1));
      // prescriptions written now belong to an encounter still open, else to none
      prescribe.forPatient(s.getBanner().getPatientId(),
          e.getStatus() == org.hospital.proto.clinical.v1.EncounterStatus.ENCOUNTER_OPEN ? e.getId() : 0);
      return i18n.format("chart.encounterOpened", ChartTabs.time(e.getStartedAt()));
    });
  }

  public void saveNote(NoteContent content) {
    Encounter e = encounter.get();
    if (e == null) {
      status.refuse(i18n.get("chart.noEncounter"));
      return;
    }
    ClinicalNote current = note.get();
    status.run(() -> gateway.saveNote(e.getId(), current == null ? 0 : current.getId(),
        current == null ? 0 : current.getVersion(), content), saved -> {
          note.set(saved);
          return i18n.get("chart.noteSaved");
        });
  }

  /** Saves what is written, then signs it: from then on only addenda change it. */
  public void signNote(NoteContent content) {
    Encounter e = encounter.get();
    if (e == null) {
      status.refuse(i18n.get("chart.noEncounter"));
      return;
    }
    ClinicalNote current = note.get();
    status.run(() -> {
      ClinicalNote saved = gateway.saveNote(e.getId(), current == null ? 0 : current.getId(),
          current == null ? 0 : current.getVersion(), content);
      return gateway.signNote(saved.getId(), saved.getVersion());
    }, signed -> {
      note.set(signed);
      return i18n.get("chart.noteSigned");
    });
  }

  private void searchCodes(String query) {
    long mine = ++codeSequence;
    if (query == null || query.strip().length() < 2) {
      codes.clear();
      return;
    }
    tasks.run(() -> gateway.searchCodes(query.strip()), result -> {
      if (mine == codeSequence) {
        codes.setAll(result);
      }
    }, failure -> status.fail(failure));
  }

  /** Adds the code to the problem list and to the encounter's diagnoses (the first is the primary). */
  public void addDiagnosis(DiagnosisCode code) {
    ChartSummary s = summary.get();
    Encounter e = encounter.get();
    if (s == null || code == null) {
      return;
    }
    long patientId = s.getBanner().getPatientId();
    status.run(() -> {
      gateway.addProblem(patientId, code.getCode(), e == null ? 0 : e.getId());
      Encounter updated = e;
      if (e != null) {
        Encounter fresh = gateway.encounter(e.getId());
        List<String> existing = fresh.getDiagnosesList().stream().map(EncounterDiagnosis::getCode).toList();
        String primary = existing.isEmpty() ? code.getCode() : existing.getFirst();
        List<String> secondary = new java.util.ArrayList<>(existing.isEmpty() ? List.of()
            : existing.subList(1, existing.size()));
        if (!existing.isEmpty()) {
          secondary.add(code.getCode());
        }
        updated = gateway.setDiagnoses(e.getId(), fresh.getVersion(), primary, secondary);
      }
      return new Opened(gateway.summary(patientId), updated);
    }, o -> {
      summary.set(o.summary());
      if (o.encounter() != null) {
        encounter.set(o.encounter());
      }
      codeQuery.set("");
      return i18n.format("chart.diagnosisAdded", code.getCode() + " " + code.getTitle());
    });
  }

  private void loadMedications() {
    ChartSummary s = summary.get();
    if (s == null) {
      return;
    }
    long patientId = s.getBanner().getPatientId();
    tasks.run(() -> gateway.medications(patientId), medications::setAll, status::fail);
  }

  private void prescribed(Prescription p) {
    loadMedications();
    status.say(i18n.format("chart.prescribed", p.getProduct().getName()));
  }

  public void stopSelected(StopReason reason) {
    Prescription p = selectedMedication.get();
    if (p == null || p.getStatus() != PrescriptionStatus.PRESCRIPTION_ACTIVE) {
      status.refuse(i18n.get("chart.selectActive"));
      return;
    }
    status.run(() -> gateway.stop(p.getId(), p.getVersion(), reason, ""), stopped -> {
      loadMedications();
      return i18n.format("chart.stopped", stopped.getProduct().getName());
    });
  }

  /** The selected active prescription again from today; the server checks it as it would a new one. */
  public void renewSelected() {
    Prescription p = selectedMedication.get();
    if (p == null || p.getStatus() != PrescriptionStatus.PRESCRIPTION_ACTIVE) {
      status.refuse(i18n.get("chart.selectActive"));
      return;
    }
    String key = UUID.randomUUID().toString();
    status.run(() -> gateway.renew(key, p.getId(), p.getVersion()), renewed -> {
      loadMedications();
      return i18n.format("chart.renewed", renewed.getProduct().getName());
    }, failure -> {
      RpcFailure rpc = RpcFailure.of(failure);
      // an alert that interrupts needs its reason: the prescribe form asks for it
      return rpc.is(ErrorReason.OVERRIDE_REQUIRED) ? i18n.get("chart.renewNeedsReview") : errors.describe(rpc);
    });
  }

  /** Starts a change of the selected active prescription in the prescribe form. */
  public void changeSelected() {
    Prescription p = selectedMedication.get();
    if (p == null || p.getStatus() != PrescriptionStatus.PRESCRIPTION_ACTIVE) {
      status.refuse(i18n.get("chart.selectActive"));
      return;
    }
    prescribe.changeFrom(p);
    status.say(i18n.format("chart.changing", p.getProduct().getName()));
  }

  /** Corrects a signed note: the original stays as it was, the addendum is added below it with who and when. */
  public void addAddendum(String text) {
    ClinicalNote n = note.get();
    if (n == null || n.getStatus() != org.hospital.proto.clinical.v1.NoteStatus.NOTE_SIGNED) {
      status.refuse(i18n.get("chart.addendumNeedsSigned"));
      return;
    }
    if (text == null || text.isBlank()) {
      status.refuse(i18n.get("chart.addendumEmpty"));
      return;
    }
    status.run(() -> gateway.addAddendum(n.getId(), text.strip()), updated -> {
      note.set(updated);
      return i18n.get("chart.addendumAdded");
    });
  }

  /** Marks a problem resolved (or active again); a stale version names who changed it. */
  public void setProblemStatus(Problem problem, ProblemStatus newStatus) {
    if (problem == null) {
      status.refuse(i18n.get("chart.selectProblem"));
      return;
    }
    long patientId = problem.getPatientId();
    status.run(() -> {
      gateway.updateProblem(problem, newStatus);
      return gateway.summary(patientId);
    }, s -> {
      summary.set(s);
      return i18n.format(newStatus == ProblemStatus.PROBLEM_RESOLVED ? "chart.problemResolved"
          : "chart.problemReactivated", ChartTabs.problem(problem));
    });
  }

  /** Records an allergy or intolerance; the banner shows it at once. */
  public void recordAllergy(RecordAllergyRequest.Builder request) {
    ChartSummary s = summary.get();
    if (s == null) {
      return;
    }
    long patientId = s.getBanner().getPatientId();
    RecordAllergyRequest r = request.setPatientId(patientId).build();
    status.run(() -> {
      gateway.recordAllergy(r);
      return gateway.summary(patientId);
    }, fresh -> {
      summary.set(fresh);
      return i18n.format("chart.allergyRecorded", r.getSubstance().isEmpty() ? r.getSubstanceCode()
          : r.getSubstance());
    });
  }

  /** "No known drug allergies": asked and answered, which is not the same as never asked. */
  public void recordNoKnownDrugAllergies() {
    ChartSummary s = summary.get();
    if (s == null) {
      return;
    }
    long patientId = s.getBanner().getPatientId();
    status.run(() -> {
      gateway.recordNoKnownDrugAllergies(patientId);
      return gateway.summary(patientId);
    }, fresh -> {
      summary.set(fresh);
      return i18n.get("chart.nkdaRecorded");
    });
  }

  /** Prints the selected prescription: saved as PDF and opened in the system's viewer. */
  public void printSelected() {
    Prescription p = selectedMedication.get();
    if (p == null) {
      status.refuse(i18n.get("chart.selectPrescription"));
      return;
    }
    status.run(() -> {
      var pdf = gateway.print(p.getId());
      return printouts.save(pdf.getFileName(), pdf.getContent().toByteArray());
    }, file -> {
          printouts.open(file);
          loadMedications();
          return i18n.format("chart.printed", file.getFileName());
        });
  }

  public ObjectProperty<ChartSummary> summaryProperty() { return summary; }
  public ObjectProperty<Encounter> encounterProperty() { return encounter; }
  public ObjectProperty<ClinicalNote> noteProperty() { return note; }
  public ObservableList<PatientSummary> found() { return found; }
  public ObservableList<DiagnosisCode> codes() { return codes; }
  public ObservableList<Prescription> medications() { return medications; }
  public ObjectProperty<Prescription> selectedMedicationProperty() { return selectedMedication; }
  public StringProperty codeQueryProperty() { return codeQuery; }
  public BooleanProperty openProperty() { return open; }
  public PrescribeViewModel prescribe() { return prescribe; }
  public ActionStatus status() { return status; }
  public boolean canWrite() { return canWrite; }
}
