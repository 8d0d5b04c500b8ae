package org.hospital.client.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import org.hospital.proto.patients.v1.Sex;
import org.junit.jupiter.api.Test;

class RegisterPatientUiTest extends ClientUiTest {

  @SuppressWarnings("unchecked")
  private void fillOctaviaMarlowe() {
    setText("#familyName", "Marlowe");
    setText("#givenNames", "Octavia");
    interact(() -> {
      lookup("#birthDate").queryAs(DatePicker.class).getEditor().setText("1984-07-15");
      lookup("#sex").queryAs(ComboBox.class).setValue(Sex.SEX_FEMALE);
    });
    setText("#phone", "+1 555 0142");
    setText("#line1", "4 Harbour Road");
    setText("#postalCode", "02110");
    setText("#city", "Boston");
    setText("#country", "us");
  }

  @Test
  void registerShowsTheMrnAndTheSamePersonAgainShowsDuplicates() {
    signInAndWait("reception");
    press("#registerNew");
    waitUntil(() -> exists("#familyName"));
    press("#savePatient");
    waitUntil(() -> visible("#formError"));
    assertEquals("Please correct the marked fields.", text("#formError"));
    screenshot("register-validation");

    fillOctaviaMarlowe();
    setText("#phone", "call after 5");
    press("#savePatient");
    // the form does not check phone shapes; the server does, and its answer lands next to the field
    waitUntil(() -> lookup(".field-error").queryAllAs(javafx.scene.control.Label.class).stream()
        .anyMatch(label -> label.getText().equals("Not in the expected format.")));
    screenshot("register-server-violation");

    setText("#phone", "+1 555 0142");
    screenshot("register-filled");
    press("#savePatient");
    waitUntil(() -> exists("#detailsNotice") && visible("#detailsNotice"));
    assertTrue(text("#detailsNotice").startsWith("Patient registered with MRN "), text("#detailsNotice"));
    String firstMrn = text("#patientMrn");
    screenshot("register-done");

    press("#backToSearch");
    waitUntil(() -> exists("#registerNew"));
    press("#registerNew");
    waitUntil(() -> exists("#familyName"));
    fillOctaviaMarlowe();
    press("#savePatient");
    waitUntil(() -> exists("#duplicatesDialog"));
    screenshot("register-duplicates");

    press("#registerAsNew");
    waitUntil(() -> exists("#detailsNotice") && visible("#detailsNotice"));
    assertNotEquals(firstMrn, text("#patientMrn"), "registered as a second, new patient");
    screenshot("register-confirmed-new");
  }
}
