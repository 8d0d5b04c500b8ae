package org.hospital.client.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.scene.control.DialogPane;
import org.hospital.client.patients.PatientsAreaView;
import org.hospital.proto.patients.v1.Patient;
import org.junit.jupiter.api.Test;

class StaleSaveUiTest extends ClientUiTest {

  @Test
  void savingOverSomeoneElsesChangeShowsWhoChangedItAndCanReloadTheirs() {
    try (ServerBackdoor otherDesk = new ServerBackdoor("admin")) {
      Patient patient = otherDesk.register(
          ServerBackdoor.person("Penhaligon", "Tamsin", 1958, 1, 23, "+1 555 0150"));
      signInAndWait("reception");
      interact(() -> lookup("#patientsArea").queryAs(PatientsAreaView.class).openDetails(patient.getId(), ""));
      waitUntil(() -> exists("#patientName") && text("#patientName").startsWith("Penhaligon"));
      press("#editPatient");
      waitUntil(() -> exists("#phone"));
      setText("#phone", "+1 555 0199");

      otherDesk.changePhone(patient.getId(), "+1 555 0200");
      press("#savePatient");
      waitUntil(() -> exists("#staleDialog"));
      String header = lookup("#staleDialog").queryAs(DialogPane.class).getHeaderText();
      assertTrue(header.startsWith("This record was changed by " + otherDesk.displayName() + " at "), header);
      screenshot("stale-dialog");

      press("#staleReload");
      waitUntil(() -> text("#phone").equals("+1 555 0200"));
      // the notice is set in the same FX callback as the phone, but this thread may read between the two
      waitUntil(() -> visible("#formNotice"));
      screenshot("stale-reloaded");

      setText("#phone", "+1 555 0201");
      press("#savePatient");
      waitUntil(() -> exists("#detailsNotice") && visible("#detailsNotice"));
      assertEquals("+1 555 0201", otherDesk.get(patient.getId()).getDemographics().getPhone());
    }
  }
}
