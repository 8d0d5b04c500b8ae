package org.hospital.client.schedule.waitlist;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.hospital.client.errors.ErrorMessages;
import org.hospital.client.i18n.I18n;
import org.hospital.client.patients.PatientText;
import org.hospital.client.patients.search.PatientSearchViewModel;
import org.hospital.client.schedule.Clinic;
import org.hospital.client.tasks.ActionStatus;
import org.hospital.client.tasks.TaskRunner;
import org.hospital.proto.patients.v1.PatientSummary;
import org.hospital.proto.scheduling.v1.AddToWaitListRequest;
import org.hospital.proto.scheduling.v1.Department;
import org.hospital.proto.scheduling.v1.VisitType;
import org.hospital.proto.scheduling.v1.WaitListEntry;

/**
 * Puts a patient on the wait list: the patient (found with the Patients area's search), a clinician of the
 * department or anyone in it, the days the patient can come, visit type and reason. Adding is idempotent on
 * the server (a patient waits once per clinician or department), so a retry needs no key.
 */
public final class AddToWaitListViewModel {

  /** Who the patient waits for: a clinician, or anyone in the department (clinicianId 0). */
  public record Target(long clinicianId, String label) {}

  /** The days offered by default: the coming month. */
  static final int DEFAULT_DAYS = 30;

  private final I18n i18n;
  private final WaitListGateway gateway;
  private final PatientSearchViewModel search;
  private final Department department;
  private final Consumer<WaitListEntry> onAdded;

  private final List<Target> targets = new ArrayList<>();
  private final ObjectProperty<PatientSummary> patient = new SimpleObjectProperty<>();
  private final ObjectProperty<Target> target = new SimpleObjectProperty<>();
  private final ObjectProperty<LocalDate> earliest = new SimpleObjectProperty<>();
  private final ObjectProperty<LocalDate> latest = new SimpleObjectProperty<>();
  private final ObjectProperty<VisitType> visitType = new SimpleObjectProperty<>(VisitType.CONSULTATION);
  private final StringProperty reason = new SimpleStringProperty("");
  private final ActionStatus status;

  public AddToWaitListViewModel(I18n i18n, ErrorMessages errors, TaskRunner tasks, WaitListGateway gateway,
      PatientSearchViewModel search, Clinic clinic, Department department, Clock clock,
      Consumer<WaitListEntry> onAdded) {
    this.i18n = i18n;
    this.status = new ActionStatus(tasks, errors);
    this.gateway = gateway;
    this.search = search;
    this.department = department;
    this.onAdded = onAdded;
    targets.add(new Target(0, i18n.format("waitList.anyIn", department.getName())));
    clinic.cliniciansOf(department.getId()).forEach(c -> targets.add(new Target(c.getId(), c.getDisplayName())));
    target.set(targets.getFirst());
    LocalDate today = LocalDate.now(clock.withZone(clinic.zone()));
    earliest.set(today);
    latest.set(today.plusDays(DEFAULT_DAYS));
  }

  public void choosePatient(PatientSummary chosen) {
    patient.set(chosen);
    if (chosen != null) {
      status.clearError();
    }
  }

  public void add() {
    if (status.busyProperty().get()) {
      return;
    }
    if (patient.get() == null) {
      status.refuse(i18n.get("booking.choosePatient")); // a comfort check; the server checks everything
      return;
    }
    AddToWaitListRequest.Builder r = AddToWaitListRequest.newBuilder().setPatientId(patient.get().getId())
        .setVisitType(visitType.get() == null ? VisitType.CONSULTATION : visitType.get())
        .setReason(reason.get().strip());
    Target t = target.get() == null ? targets.getFirst() : target.get();
    if (t.clinicianId() == 0) {
      r.setDepartmentId(department.getId());
    } else {
      r.setClinicianId(t.clinicianId());
    }
    if (earliest.get() != null) {
      r.setEarliest(PatientText.toProto(earliest.get()));
    }
    if (latest.get() != null) {
      r.setLatest(PatientText.toProto(latest.get()));
    }
    AddToWaitListRequest request = r.build();
    // no notice here: the dialog closes, and the list says who was added
    status.run(() -> gateway.add(request), entry -> {
      onAdded.accept(entry);
      return "";
    });
  }

  public String patientText() {
    PatientSummary p = patient.get();
    return p == null ? "" : i18n.format("schedule.patientWithMrn", p.getFamilyName() + ", " + p.getGivenNames(),
        p.getMrn());
  }

  public PatientSearchViewModel search() {
    return search;
  }

  public List<Target> targets() {
    return List.copyOf(targets);
  }

  public ObjectProperty<PatientSummary> patientProperty() {
    return patient;
  }

  public ObjectProperty<Target> targetProperty() {
    return target;
  }

  public ObjectProperty<LocalDate> earliestProperty() {
    return earliest;
  }

  public ObjectProperty<LocalDate> latestProperty() {
    return latest;
  }

  public ObjectProperty<VisitType> visitTypeProperty() {
    return visitType;
  }

  public StringProperty reasonProperty() {
    return reason;
  }

  public StringProperty errorMessageProperty() {
    return status.errorProperty();
  }

  public BooleanProperty busyProperty() {
    return status.busyProperty();
  }
}
