package org.hospital.client.patients.details;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.hospital.client.errors.ErrorMessages;
import org.hospital.client.patients.PatientDirectory;
import org.hospital.client.patients.PatientNavigator;
import org.hospital.client.tasks.Cancellable;
import org.hospital.client.tasks.TaskRunner;
import org.hospital.proto.patients.v1.Patient;

/** One patient's record, read fresh from the server each time it is opened. */
public final class PatientDetailsViewModel {

  private final ObjectProperty<Patient> patient = new SimpleObjectProperty<>();
  private final BooleanProperty loading = new SimpleBooleanProperty(false);
  private final StringProperty errorMessage = new SimpleStringProperty("");
  private final StringProperty notice = new SimpleStringProperty("");
  private final ErrorMessages errors;
  private final TaskRunner tasks;
  private final PatientDirectory directory;
  private final PatientNavigator navigator;
  private Cancellable inFlight = Cancellable.NONE;

  public PatientDetailsViewModel(ErrorMessages errors, TaskRunner tasks, PatientDirectory directory,
      PatientNavigator navigator) {
    this.errors = errors;
    this.tasks = tasks;
    this.directory = directory;
    this.navigator = navigator;
  }

  public void load(long patientId, String noticeText) {
    inFlight.cancel();
    notice.set(noticeText);
    errorMessage.set("");
    loading.set(true);
    inFlight = tasks.run(() -> directory.get(patientId), loaded -> {
      loading.set(false);
      patient.set(loaded);
    }, failure -> {
      loading.set(false);
      errorMessage.set(errors.describe(failure));
    });
  }

  public void edit() {
    if (patient.get() != null) {
      navigator.openEdit(patient.get());
    }
  }

  public void back() {
    inFlight.cancel();
    navigator.openSearch();
  }

  public ObjectProperty<Patient> patientProperty() {
    return patient;
  }

  public BooleanProperty loadingProperty() {
    return loading;
  }

  public StringProperty errorMessageProperty() {
    return errorMessage;
  }

  public StringProperty noticeProperty() {
    return notice;
  }
}
