package org.hospital.client.patients;

import java.util.ArrayList;
import java.util.List;
import org.hospital.proto.patients.v1.Patient;

/** Remembers where the ViewModel asked to go. */
public final class RecordingNavigator implements PatientNavigator {

  public final List<String> visits = new ArrayList<>();

  @Override
  public void openSearch() {
    visits.add("search");
  }

  @Override
  public void openDetails(long patientId, String notice) {
    visits.add("details:" + patientId + (notice.isEmpty() ? "" : ":" + notice));
  }

  @Override
  public void openRegistration() {
    visits.add("registration");
  }

  @Override
  public void openEdit(Patient patient) {
    visits.add("edit:" + patient.getId());
  }

  public String last() {
    return visits.isEmpty() ? "" : visits.getLast();
  }
}
