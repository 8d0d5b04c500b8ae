package org.hospital.client.app;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import javafx.scene.Node;
import org.hospital.client.dialogs.DialogService;
import org.hospital.client.errors.ErrorMessages;
import org.hospital.client.i18n.I18n;
import org.hospital.client.patients.PatientDirectory;
import org.hospital.client.patients.PatientNavigator;
import org.hospital.client.patients.PatientScreens;
import org.hospital.client.patients.PatientText;
import org.hospital.client.patients.details.PatientDetailsView;
import org.hospital.client.patients.details.PatientDetailsViewModel;
import org.hospital.client.patients.form.PatientFormView;
import org.hospital.client.patients.form.PatientFormViewModel;
import org.hospital.client.patients.search.PatientSearchView;
import org.hospital.client.patients.search.PatientSearchViewModel;
import org.hospital.client.tasks.TaskRunner;
import org.hospital.client.tasks.UiScheduler;
import org.hospital.proto.patients.v1.Patient;

/** The part of the composition root that wires the Patients area's screens, one View + ViewModel each. */
final class PatientScreensFactory implements PatientScreens {

  private final I18n i18n;
  private final ErrorMessages errors;
  private final PatientText text;
  private final TaskRunner tasks;
  private final UiScheduler scheduler;
  private final PatientDirectory directory;
  private final DialogService dialogs;
  private final ZoneId zone;

  PatientScreensFactory(I18n i18n, ErrorMessages errors, PatientText text, TaskRunner tasks, UiScheduler scheduler,
      PatientDirectory directory, DialogService dialogs, ZoneId zone) {
    this.i18n = i18n;
    this.errors = errors;
    this.text = text;
    this.tasks = tasks;
    this.scheduler = scheduler;
    this.directory = directory;
    this.dialogs = dialogs;
    this.zone = zone;
  }

  @Override
  public Node search(PatientNavigator navigator) {
    return new PatientSearchView(new PatientSearchViewModel(i18n, errors, tasks, scheduler, directory, navigator), i18n,
        text);
  }

  @Override
  public Node details(PatientNavigator navigator, long patientId, String notice) {
    PatientDetailsViewModel vm = new PatientDetailsViewModel(errors, tasks, directory, navigator);
    PatientDetailsView view = new PatientDetailsView(vm, i18n, text, errors);
    vm.load(patientId, notice);
    return view;
  }

  @Override
  public Node registration(PatientNavigator navigator) {
    return new PatientFormView(form(navigator), i18n, text);
  }

  @Override
  public Node edit(PatientNavigator navigator, Patient patient) {
    PatientFormViewModel vm = form(navigator);
    vm.edit(patient);
    return new PatientFormView(vm, i18n, text);
  }

  private PatientFormViewModel form(PatientNavigator navigator) {
    return new PatientFormViewModel(i18n, errors, tasks, directory, navigator, dialogs,
        () -> UUID.randomUUID().toString(), () -> LocalDate.now(zone));
  }
}
