package org.hospital.client.ui;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import javafx.scene.control.TableView;
import org.hospital.client.admin.ThrottleRow;
import org.junit.jupiter.api.Test;

/** An administrator sees a throttled name in the Administration area, clears it, and the name signs in. */
class SignInThrottlesUiTest extends ClientUiTest {

  @Test
  void anAdministratorSeesAndClearsAThrottle() throws Exception {
    ServerBackdoor.throttleSignIn(LiveServer.target(), LiveServer.caCertificate(), "nurse", Duration.ofSeconds(1));
    signInAndWait("admin");
    openArea("administration");
    waitUntil(() -> rows().stream().anyMatch(r -> r.name().equals("nurse")));
    ThrottleRow nurse = rows().stream().filter(r -> r.name().equals("nurse")).findFirst().orElseThrow();
    assertTrue(nurse.failures() >= 3, nurse.toString());
    assertTrue(nurse.address().equals("127.0.0.1"), nurse.toString());
    screenshot("admin-sign-in-throttles");

    interact(() -> table().getSelectionModel().select(nurse));
    press("#clearThrottle");
    waitUntil(() -> text("#throttlesNotice").startsWith("Cleared: nurse @ 127.0.0.1"));
    assertTrue(rows().stream().noneMatch(r -> r.name().equals("nurse")));
    press("#refreshThrottles");
    waitUntil(() -> !text("#throttlesNotice").startsWith("Cleared"));
    assertTrue(rows().stream().noneMatch(r -> r.name().equals("nurse")), "gone on the server too");
    ServerBackdoor.clearSignInThrottles(LiveServer.target(), LiveServer.caCertificate());
  }

  @SuppressWarnings("unchecked")
  private TableView<ThrottleRow> table() {
    return lookup("#throttlesTable").queryAs(TableView.class);
  }

  private java.util.List<ThrottleRow> rows() {
    return java.util.List.copyOf(table().getItems());
  }
}
