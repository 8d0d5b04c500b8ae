package org.hospital.client.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.scene.control.Button;
import org.hospital.client.app.LaunchOptions;
import org.hospital.client.connection.ServerAddress;
import org.hospital.client.i18n.Language;
import org.junit.jupiter.api.Test;

/** The Staff area in Spanish: its longer words fit, and the server's refusals are in Spanish too. */
class StaffSpanishUiTest extends ClientUiTest {

  @Override
  protected LaunchOptions options() {
    return new LaunchOptions(ServerAddress.parse(LiveServer.target()).orElseThrow(), LiveServer.caCertificate(),
        Language.SPANISH, false);
  }

  @Test
  void theStaffAreaSpeaksSpanish() {
    signInAndWait("admin");
    assertEquals("Personal", text("#nav-staff"));
    openArea("staff");
    waitUntil(() -> exists("#staff-admin"));
    assertEquals("Cuentas del personal", text("#staffArea .screen-title"));
    // an administrator cannot lock their own account: the server says so, the workstation in Spanish
    interact(() -> lookup("#staffTable").queryAs(javafx.scene.control.TableView.class).getSelectionModel()
        .select(lookup("#staff-admin").queryAs(javafx.scene.control.TableRow.class).getItem()));
    waitUntil(() -> !lookup("#staffToggleLock").query().isDisabled());
    assertEquals("Bloquear", text("#staffToggleLock"));
    press("#staffToggleLock");
    waitUntil(() -> text("#staffError").startsWith("No puede hacer esto con su propia cuenta"));
    for (String id : new String[] {"#staffCreate", "#staffResetPassword", "#staffEndSessions", "#changePassword"}) {
      Button b = lookup(id).queryAs(Button.class);
      assertTrue(b.getWidth() >= b.prefWidth(-1) - 0.5, id + " is cut short: " + b.getWidth());
    }
    screenshot("admin-staff-es");
  }
}
