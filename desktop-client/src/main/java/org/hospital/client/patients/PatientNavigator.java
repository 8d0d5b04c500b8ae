package org.hospital.client.patients;

import org.hospital.proto.patients.v1.Patient;

/** Moves between the screens of the Patients area. */
public interface PatientNavigator {

  void openSearch();

  /** @param notice a confirmation to show above the record (e.g. the new MRN), empty for none */
  void openDetails(long patientId, String notice);

  void openRegistration();

  void openEdit(Patient patient);
}
