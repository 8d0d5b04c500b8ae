package org.hospital.client.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DialogPane;
import org.hospital.client.app.LaunchOptions;
import org.hospital.client.connection.ServerAddress;
import org.hospital.client.i18n.Language;
import org.junit.jupiter.api.Test;

/** Clinic hours in Spanish: the longer words must fit, and the client's own checks speak Spanish too. */
class ClinicHoursSpanishUiTest extends ClientUiTest {

  @Override
  protected LaunchOptions options() {
    return new LaunchOptions(ServerAddress.parse(LiveServer.target()).orElseThrow(), LiveServer.caCertificate(),
        Language.SPANISH, false);
  }

  @Test
  void theAreaAndItsChecksSpeakSpanish() {
    signInAndWait("supervisor");
    waitUntil(() -> holdsFocus("#searchQuery"));
    assertEquals("Horarios de consulta", text("#nav-clinic_hours"));
    press("#nav-clinic_hours");
    waitUntil(() -> exists("#weekday-0") && lookup("#weekday-0").queryAs(ComboBox.class).getValue() != null);
    // a slip in a copy of the first row, which is never saved: the check stops it on the client
    press("#addSession");
    waitUntil(() -> exists("#removeSession-0"));
    int last = 0;
    while (exists("#weekday-" + (last + 1))) {
      last++;
    }
    setText("#end-" + last, "7:00");
    press("#saveHours");
    assertEquals("Escriba las horas como HH:MM, por ejemplo 08:30.", text("#problem-" + last));
    assertEquals("Corrija los datos marcados; no se ha guardado nada.", text("#hoursError"));
    screenshot("clinic-hours-es");

    press("#addException");
    waitUntil(() -> exists("#exceptionDialog"));
    screenshot("clinic-hours-exception-es");
    interact(() -> lookup("#exceptionKind").queryAs(ComboBox.class).getSelectionModel().select(2));
    waitUntil(() -> visible("#exceptionSlot") && visible("#exceptionFromTime"));
    screenshot("clinic-hours-extra-session-es");
    interact(() -> {
      DialogPane pane = lookup("#exceptionDialog").queryAs(DialogPane.class);
      pane.getButtonTypes().stream().filter(t -> t.getButtonData() == ButtonBar.ButtonData.CANCEL_CLOSE)
          .map(t -> (Button) pane.lookupButton(t)).findFirst().orElseThrow().fire();
    });
    waitUntil(() -> !exists("#exceptionDialog"));
  }
}
