package org.hospital.client.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.hospital.client.app.LaunchOptions;
import org.hospital.client.connection.ServerAddress;
import org.hospital.client.i18n.Language;
import org.hospital.server.testing.TestHospitalServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A server of its own, with a session idle timeout of a few seconds, that this test may stop and restart: the
 * screen locks when the user is away, a locked account says until when, and the status bar follows the server
 * going away and coming back.
 */
class SessionAndConnectionUiTest extends ClientUiTest {

  private static TestHospitalServer server;

  @BeforeAll
  static void startOwnServer() {
    server = TestHospitalServer.start(0, Duration.ofSeconds(3));
  }

  @AfterAll
  static void stopOwnServer() {
    server.close();
  }

  @Override
  protected LaunchOptions options() {
    return new LaunchOptions(ServerAddress.parse(server.target()).orElseThrow(), server.caCertificate(),
        Language.ENGLISH, false);
  }

  @Test
  void locksWhenIdleAndTheSameUserUnlocksWithTheirPassword() {
    signInAndWait("reception");
    waitUntil(() -> exists("#lockOverlay"));
    waitUntil(() -> holdsFocus("#unlockPassword"));
    screenshot("idle-locked");

    setText("#unlockPassword", "wrong-password");
    press("#unlock");
    waitUntil(() -> text("#lockOverlay .banner").startsWith("Wrong username or password"));

    setText("#unlockPassword", LiveServer.PASSWORD);
    press("#unlock");
    waitUntil(() -> !exists("#lockOverlay"));
    assertEquals("Rita Reception", text("#userName"));
  }

  @Test
  void aThrottledSignInSaysWhenItIsCheckedAgain() throws Exception {
    ServerBackdoor.throttleSignIn(server.target(), server.caCertificate(), "billing", java.time.Duration.ofSeconds(8));
    signIn("billing", LiveServer.PASSWORD);
    waitUntil(() -> visible("#signInError"));
    assertTrue(text("#signInError").matches("Too many failed sign-ins from this workstation\\. Sign-in is checked"
        + " again from .*\\d:\\d\\d:\\d\\d.*; the account itself is not locked\\."), text("#signInError"));
    screenshot("signin-throttled");
    ServerBackdoor.clearSignInThrottles(server.target(), server.caCertificate());
  }

  /** The worklist's live feed is no user: a doctor's workstation left alone locks like any other. */
  @Test
  void aDoctorsWorklistLeftAloneLocksAndHidesThePatients() {
    signInAndWait("doctor");
    openArea("worklist");
    waitUntil(() -> exists("#lockOverlay"));
    assertFalse(shown(lookup("#worklistTable").query()), "no patient list shows behind the lock");
    screenshot("idle-locked-worklist");
    setText("#unlockPassword", LiveServer.PASSWORD);
    press("#unlock");
    waitUntil(() -> !exists("#lockOverlay"));
    assertTrue(exists("#worklistTable"), "the same user is back where they were");
  }

  private static boolean shown(javafx.scene.Node node) {
    for (javafx.scene.Node n = node; n != null; n = n.getParent()) {
      if (!n.isVisible()) {
        return false;
      }
    }
    return true;
  }

  @Test
  void theStatusBarFollowsTheServerAwayAndBack() {
    signInAndWait("reception");
    waitUntil(() -> text("#connectionState").equals("Connected"));
    server.stop();
    waitUntil(() -> text("#connectionState").startsWith("Server not reachable"));
    // the time since the link was lost counts up
    waitUntil(() -> text("#connectionState").matches("Server not reachable .* \\(link lost 0:0[1-9] ago\\)"));
    screenshot("server-unreachable");
    server.restart();
    waitUntil(() -> text("#connectionState").equals("Connected"));
    assertFalse(exists("#signInError"));
  }
}
