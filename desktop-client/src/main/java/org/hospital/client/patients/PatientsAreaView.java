package org.hospital.client.patients;

import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.layout.StackPane;
import org.hospital.client.ui.Focusable;
import org.hospital.proto.patients.v1.Patient;

/**
 * The Patients area: search, details, registration and editing take turns in the same place. The search
 * screen is kept, so "back" returns to the same results.
 */
public final class PatientsAreaView extends StackPane implements PatientNavigator {

  private final PatientScreens screens;
  private Node search;

  public PatientsAreaView(PatientScreens screens) {
    this.screens = screens;
    setId("patientsArea");
    openSearch();
  }

  @Override
  public void openSearch() {
    if (search == null) {
      search = screens.search(this);
    }
    show(search);
  }

  @Override
  public void openDetails(long patientId, String notice) {
    show(screens.details(this, patientId, notice));
  }

  @Override
  public void openRegistration() {
    show(screens.registration(this));
  }

  @Override
  public void openEdit(Patient patient) {
    show(screens.edit(this, patient));
  }

  private void show(Node screen) {
    getChildren().setAll(screen);
    if (screen instanceof Focusable focusable) {
      // after layout, or the focus request is lost on a node that is not in the scene yet
      Platform.runLater(focusable::focusFirst);
    }
  }
}
