package org.hospital.client.patients.details;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.StringProperty;
import org.hospital.client.errors.ErrorMessages;
import org.hospital.client.patients.PatientDirectory;
import org.hospital.client.patients.PatientNavigator;
import org.hospital.client.tasks.ActionStatus;
import org.hospital.client.tasks.Cancellable;
import org.hospital.client.tasks.TaskRunner;
import org.hospital.proto.patients.v1.Patient;

/** One patient's record, read fresh from the server each time it is opened. */
public final class PatientDetailsViewModel {

  private final ObjectProperty<Patient> patient = new SimpleObjectProperty<>();
  private final ActionStatus status;
  private final PatientDirectory directory;
  private final PatientNavigator navigator;
  private Cancellable inFlight = Cancellable.NONE;

  public PatientDetailsViewModel(ErrorMessages errors, TaskRunner tasks, PatientDirectory directory,
      PatientNavigator navigator) {
    this.status = new ActionStatus(tasks, errors);
    this.directory = directory;
    this.navigator = navigator;
  }

  /** @param noticeText what the screen that opened this one has to say (a registration, a save), or "" */
  public void load(long patientId, String noticeText) {
    inFlight.cancel();
    status.say(noticeText);
    inFlight = status.call(() -> directory.get(patientId), patient::set, status::fail);
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
    return status.busyProperty();
  }

  public StringProperty errorMessageProperty() {
    return status.errorProperty();
  }

  public StringProperty noticeProperty() {
    return status.noticeProperty();
  }
}
