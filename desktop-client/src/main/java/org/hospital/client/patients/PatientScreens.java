package org.hospital.client.patients;

import javafx.scene.Node;
import org.hospital.proto.patients.v1.Patient;

/** Builds the screens of the Patients area (implemented by the composition root, which owns the wiring). */
public interface PatientScreens {

  Node search(PatientNavigator navigator);

  Node details(PatientNavigator navigator, long patientId, String notice);

  Node registration(PatientNavigator navigator);

  Node edit(PatientNavigator navigator, Patient patient);
}
