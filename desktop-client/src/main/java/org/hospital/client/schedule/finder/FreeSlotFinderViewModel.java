package org.hospital.client.schedule.finder;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.hospital.client.errors.ErrorMessages;
import org.hospital.client.i18n.I18n;
import org.hospital.client.patients.PatientText;
import org.hospital.client.schedule.Clinic;
import org.hospital.client.schedule.ScheduleGateway;
import org.hospital.client.schedule.ScheduleText;
import org.hospital.client.schedule.SlotChoice;
import org.hospital.client.tasks.ActionStatus;
import org.hospital.client.tasks.TaskRunner;
import org.hospital.proto.scheduling.v1.Clinician;
import org.hospital.proto.scheduling.v1.Department;
import org.hospital.proto.scheduling.v1.FindFreeSlotsRequest;
import org.hospital.proto.scheduling.v1.Slot;

/**
 * "Find a free slot": the earliest free slots of a department, of any clinician of a specialty, or of one
 * clinician, within a range of days. The caller says a patient wants "the next cardiology appointment", not
 * "Dr. X on Tuesday"; the choice then opens the ordinary booking dialog for that slot.
 */
public final class FreeSlotFinderViewModel {

  /** Where to look. */
  public enum Scope { DEPARTMENT, SPECIALTY, CLINICIAN }

  /** The server looks at most this many days past the first one. */
  static final int MAX_DAYS = 31;
  static final int MAX_RESULTS = 30;

  /** Builds one for a dialog opened on a department's day. */
  @FunctionalInterface
  public interface Factory {
    FreeSlotFinderViewModel create(Clinic clinic, Department shown);
  }

  private final I18n i18n;
  private final ScheduleText text;
  private final ScheduleGateway gateway;
  private final Clinic clinic;
  private final LocalDate today;
  private final ActionStatus status;

  private final ObjectProperty<Scope> scope = new SimpleObjectProperty<>(Scope.DEPARTMENT);
  private final ObjectProperty<Department> department = new SimpleObjectProperty<>();
  private final ObjectProperty<String> specialty = new SimpleObjectProperty<>();
  private final ObjectProperty<Clinician> clinician = new SimpleObjectProperty<>();
  private final ObjectProperty<LocalDate> from = new SimpleObjectProperty<>();
  private final ObjectProperty<LocalDate> to = new SimpleObjectProperty<>();
  private final ObservableList<SlotChoice> results = FXCollections.observableArrayList();
  private final ObjectProperty<SlotChoice> chosen = new SimpleObjectProperty<>();
  private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");

  public FreeSlotFinderViewModel(I18n i18n, ErrorMessages errors, ScheduleText text, TaskRunner tasks,
      ScheduleGateway gateway, Clock clock, Clinic clinic, Department shown) {
    this.i18n = i18n;
    this.text = text;
    this.gateway = gateway;
    this.clinic = clinic;
    this.today = LocalDate.now(clock.withZone(clinic.zone()));
    this.status = new ActionStatus(tasks, errors);
    department.set(shown);
    specialty.set(specialties().isEmpty() ? null : specialties().getFirst());
    clinician.set(shown == null || clinic.cliniciansOf(shown.getId()).isEmpty() ? null
        : clinic.cliniciansOf(shown.getId()).getFirst());
    from.set(today);
    to.set(today.plusDays(14));
  }

  public List<Department> departments() {
    return clinic.departments().stream().filter(d -> !clinic.cliniciansOf(d.getId()).isEmpty()).toList();
  }

  /** The specialties of bookable clinicians, alphabetically, each once. */
  public List<String> specialties() {
    return clinic.clinicians().stream().map(Clinician::getSpecialty).filter(s -> !s.isBlank()).distinct().sorted()
        .toList();
  }

  public List<Clinician> clinicians() {
    return clinic.clinicians();
  }

  /** Asks the server for the earliest free slots; the user's mistakes are answered without a call. */
  public void search() {
    chosen.set(null);
    Optional<String> problem = problem();
    if (problem.isPresent()) {
      results.clear();
      summary.set("");
      status.refuse(problem.get());
      return;
    }
    FindFreeSlotsRequest.Builder request = FindFreeSlotsRequest.newBuilder().setFrom(PatientText.toProto(from.get()))
        .setTo(PatientText.toProto(to.get())).setMaxResults(MAX_RESULTS);
    switch (scope.get()) {
      case DEPARTMENT -> request.setDepartmentId(department.get().getId());
      case SPECIALTY -> request.setSpecialty(specialty.get());
      case CLINICIAN -> request.setClinicianId(clinician.get().getId());
    }
    status.run(() -> gateway.findFreeSlots(request.build()), found -> {
      results.setAll(found.stream().map(this::choice).toList());
      if (!results.isEmpty()) {
        chosen.set(results.getFirst());
      }
      summary.set(found.isEmpty() ? i18n.get("finder.none")
          : found.size() >= MAX_RESULTS ? i18n.format("finder.foundFirst", found.size())
          : i18n.format("finder.found", found.size()));
      return "";
    });
  }

  private Optional<String> problem() {
    boolean targetMissing = switch (scope.get()) {
      case DEPARTMENT -> department.get() == null;
      case SPECIALTY -> specialty.get() == null;
      case CLINICIAN -> clinician.get() == null;
    };
    if (targetMissing) {
      return Optional.of(i18n.get("finder.chooseTarget"));
    }
    if (from.get() == null || to.get() == null || to.get().isBefore(from.get())) {
      return Optional.of(i18n.get("finder.badRange"));
    }
    if (from.get().isBefore(today)) {
      return Optional.of(i18n.get("finder.pastStart"));
    }
    if (to.get().isAfter(from.get().plusDays(MAX_DAYS))) {
      return Optional.of(i18n.format("finder.rangeTooLong", MAX_DAYS));
    }
    return Optional.empty();
  }

  private SlotChoice choice(Slot slot) {
    Instant start = ScheduleText.toInstant(slot.getStart());
    Optional<Clinician> who = clinic.clinician(slot.getClinicianId());
    String departmentName = who.flatMap(c -> clinic.departments().stream()
        .filter(d -> d.getId() == c.getDepartmentId()).findFirst()).map(Department::getName).orElse("");
    return new SlotChoice(slot.getClinicianId(), start, i18n.format("finder.result",
        text.day(start.atZone(clinic.zone()).toLocalDate()), text.time(start, clinic.zone()),
        clinic.clinicianName(slot.getClinicianId()), departmentName));
  }

  public ObjectProperty<Scope> scopeProperty() {
    return scope;
  }

  public ObjectProperty<Department> departmentProperty() {
    return department;
  }

  public ObjectProperty<String> specialtyProperty() {
    return specialty;
  }

  public ObjectProperty<Clinician> clinicianProperty() {
    return clinician;
  }

  public ObjectProperty<LocalDate> fromProperty() {
    return from;
  }

  public ObjectProperty<LocalDate> toProperty() {
    return to;
  }

  public ObservableList<SlotChoice> results() {
    return results;
  }

  /** The slot to book; the first found until the user picks another. */
  public ObjectProperty<SlotChoice> chosenProperty() {
    return chosen;
  }

  /** "12 free slots, earliest first." or that none was found. */
  public ReadOnlyStringProperty summaryProperty() {
    return summary.getReadOnlyProperty();
  }

  public ActionStatus status() {
    return status;
  }
}
