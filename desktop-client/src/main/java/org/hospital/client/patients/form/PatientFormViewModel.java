package org.hospital.client.patients.form;

import java.time.LocalDate;
import java.util.List;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.StringProperty;
import org.hospital.client.dialogs.DialogService;
import org.hospital.client.dialogs.DuplicateDecision;
import org.hospital.client.dialogs.StaleSaveDecision;
import org.hospital.client.errors.ErrorMessages;
import org.hospital.client.errors.FieldProblem;
import org.hospital.client.errors.RpcFailure;
import org.hospital.client.i18n.I18n;
import org.hospital.client.patients.PatientDirectory;
import org.hospital.client.patients.PatientNavigator;
import org.hospital.client.tasks.ActionStatus;
import org.hospital.client.tasks.TaskRunner;
import org.hospital.proto.common.v1.ErrorReason;
import org.hospital.proto.patients.v1.Patient;
import org.hospital.proto.patients.v1.PatientDemographics;
import org.hospital.proto.patients.v1.RegisterPatientResponse;

/**
 * The registration form, also used to edit an existing patient. Registration carries a request id that stays
 * the same while the same content is submitted again (a retry, or "register as new" after the duplicates
 * dialog), so the server never registers one submission twice. Editing sends the version the form was
 * filled from; a newer version on the server leads to the stale-save dialog.
 */
public final class PatientFormViewModel {

  private final PatientFields fields = new PatientFields();

  private final I18n i18n;
  private final ErrorMessages errors;
  private final ActionStatus status;
  private final PatientDirectory directory;
  private final PatientNavigator navigator;
  private final DialogService dialogs;
  private final Supplier<String> newRequestId;
  private final PatientFormValidator validator;

  /** Null when registering. */
  private Patient editing;
  private PatientDemographics lastSubmitted;
  private String requestId;

  public PatientFormViewModel(I18n i18n, ErrorMessages errors, TaskRunner tasks, PatientDirectory directory,
      PatientNavigator navigator, DialogService dialogs, Supplier<String> newRequestId, Supplier<LocalDate> today) {
    this.i18n = i18n;
    this.errors = errors;
    this.status = new ActionStatus(tasks, errors);
    this.directory = directory;
    this.navigator = navigator;
    this.dialogs = dialogs;
    this.newRequestId = newRequestId;
    this.validator = new PatientFormValidator(today);
  }

  /** Turns the form into the editor of {@code patient}, filled with its current demographics. */
  public void edit(Patient patient) {
    editing = patient;
    fields.fill(patient.getDemographics());
  }

  public boolean isEditing() {
    return editing != null;
  }

  public String title() {
    return isEditing()
        ? i18n.format("patients.form.editTitle", editing.getMrn())
        : i18n.get("patients.form.registerTitle");
  }

  public void save() {
    if (status.busyProperty().get()) {
      return;
    }
    fields.clearErrors();
    status.clearError();
    List<FieldProblem> problems = validator.validate(fields);
    if (!problems.isEmpty()) {
      showProblems(problems);
      return;
    }
    PatientDemographics demographics = fields.toDemographics();
    if (isEditing()) {
      update(demographics);
    } else {
      if (!demographics.equals(lastSubmitted)) {
        // new content is a new submission; the same content again is a retry of the last one
        requestId = newRequestId.get();
        lastSubmitted = demographics;
      }
      register(demographics, false);
    }
  }

  public void cancel() {
    if (isEditing()) {
      navigator.openDetails(editing.getId(), "");
    } else {
      navigator.openSearch();
    }
  }

  private void register(PatientDemographics demographics, boolean confirmedNew) {
    status.call(() -> directory.register(demographics, confirmedNew, requestId),
        response -> registered(demographics, response), this::failed);
  }

  private void registered(PatientDemographics demographics, RegisterPatientResponse response) {
    if (response.hasPatient()) {
      Patient patient = response.getPatient();
      navigator.openDetails(patient.getId(), i18n.format("patients.form.registered", patient.getMrn()));
      return;
    }
    dialogs.chooseAmongDuplicates(response.getDuplicates().getCandidatesList(), decision -> {
      switch (decision) {
        case DuplicateDecision.OpenExisting open -> navigator.openDetails(open.patientId(), "");
        case DuplicateDecision.RegisterAsNew registerAsNew -> register(demographics, true);
        case DuplicateDecision.Cancel cancel -> { }
      }
    });
  }

  private void update(PatientDemographics demographics) {
    Patient base = editing;
    status.call(() -> directory.update(base.getId(), base.getVersion(), demographics), saved -> {
      editing = saved;
      navigator.openDetails(saved.getId(), i18n.get("patients.form.saved"));
    }, this::failed);
  }

  private void failed(Throwable failure) {
    RpcFailure rpc = RpcFailure.of(failure);
    if (!rpc.fieldProblems().isEmpty()) {
      showProblems(rpc.fieldProblems());
    } else if (rpc.is(ErrorReason.STALE_VERSION) && isEditing()) {
      dialogs.askAboutStaleSave(rpc.metadata().getOrDefault("updated_by", "?"),
          errors.localTime(rpc.metadata().get("updated_at")), this::staleDecision);
    } else {
      status.fail(failure);
    }
  }

  private void staleDecision(StaleSaveDecision decision) {
    if (decision == StaleSaveDecision.RELOAD_THEIR_VERSION) {
      reload();
    } else {
      status.refuse(i18n.get("patients.form.staleKept"));
    }
  }

  /** Replaces my edits with the record as it is on the server now, and edits that version from here on. */
  private void reload() {
    long id = editing.getId();
    status.run(() -> directory.get(id), current -> {
      edit(current);
      return i18n.format("patients.form.reloaded", current.getUpdatedBy());
    });
  }

  private void showProblems(List<FieldProblem> problems) {
    StringBuilder unplaced = new StringBuilder();
    for (FieldProblem problem : problems) {
      String message = errors.fieldMessage(problem);
      fields.byPath(problem.field()).ifPresentOrElse(
          field -> field.errorProperty().set(message),
          () -> unplaced.append(unplaced.isEmpty() ? "" : "\n").append(problem.field()).append(": ").append(message));
    }
    status.refuse(unplaced.isEmpty() ? i18n.get("patients.form.fixFields") : unplaced.toString());
  }

  public PatientFields fields() {
    return fields;
  }

  public StringProperty formErrorProperty() {
    return status.errorProperty();
  }

  public StringProperty noticeProperty() {
    return status.noticeProperty();
  }

  public BooleanProperty busyProperty() {
    return status.busyProperty();
  }
}
