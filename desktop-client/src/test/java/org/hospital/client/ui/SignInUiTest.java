package org.hospital.client.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;

class SignInUiTest extends ClientUiTest {

  @Test
  void wrongPasswordShowsTheReasonAndStaysOnSignIn() {
    screenshot("signin-empty");
    setText("#username", "reception");
    clickOn("#password").write("wrong-one").type(KeyCode.ENTER); // Enter submits
    waitUntil(() -> visible("#signInError"));
    assertEquals("Wrong username or password.", text("#signInError"));
    assertEquals("", text("#password"), "the wrong password is cleared for the next attempt");
    assertFalse(exists("#userName"));
    screenshot("signin-wrong-password");
  }

  @Test
  void receptionSignsInAndSeesTheirAreas() {
    signInAndWait("reception");
    assertTrue(exists("#nav-patients"));
    assertFalse(exists("#nav-billing"));
    assertFalse(exists("#nav-administration"));
    waitUntil(() -> text("#connectionState").equals("Connected"));
    waitUntil(() -> holdsFocus("#searchQuery")); // the caret waits in the search field
    screenshot("workspace-reception");

    press("#signOut");
    waitUntil(() -> exists("#signIn"));
    assertEquals("reception", text("#username"), "the username stays filled after signing out");
  }

  /** One real mouse click, not a fired event: the first click must sign out, from any area. */
  @Test
  void oneClickOnSignOutSignsOutAndClearsThePatientViews() {
    for (String user : java.util.List.of("doctor", "reception")) {
      signInAndWait(user);
      waitUntil(() -> text("#connectionState").equals("Connected"));
      clickOn("#signOut");
      waitUntil(() -> exists("#signIn"));
      assertFalse(exists("#patientBanner"));
      assertFalse(exists("#worklistTable"));
    }
  }

  @Test
  void aNurseDoesNotSeePatientRegistration() {
    signInAndWait("nurse");
    assertFalse(exists("#nav-patients"));
    assertTrue(exists("#nav-ward"));
    screenshot("workspace-nurse");
  }
}
