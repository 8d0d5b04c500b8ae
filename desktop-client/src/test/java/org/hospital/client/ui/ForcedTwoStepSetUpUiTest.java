package org.hospital.client.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.code.HashingAlgorithm;
import java.util.Set;
import org.hospital.client.app.LaunchOptions;
import org.hospital.client.connection.ServerAddress;
import org.hospital.client.i18n.Language;
import org.hospital.server.config.SignInLimits;
import org.hospital.server.testing.TestHospitalServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A hospital that requires two-step sign-in for its front desk: the receptionist's first sign-in opens the
 * set-up instead of the workspace, with no way round it but signing out; once the app's code is confirmed and
 * the recovery codes kept, the workspace opens; the next sign-in asks for a code.
 */
class ForcedTwoStepSetUpUiTest extends ClientUiTest {

  private static TestHospitalServer server;

  @BeforeAll
  static void startOwnServer() {
    server = TestHospitalServer.start(c -> c.withSignInLimits(
        new SignInLimits(3, 20, 10, 100, java.time.Duration.ofMinutes(5), Set.of("RECEPTION"))));
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
  void theFirstSignInSetsItUpBeforeTheWorkspaceOpens() throws Exception {
    signIn("reception", LiveServer.PASSWORD);
    waitUntil(() -> exists("#twoFactorSetup") && !text("#twoFactorSecret").isBlank());
    assertFalse(exists("#userName"), "no workspace before the set-up");
    assertFalse(exists("#twoFactorBack"), "no way back into a workspace that is not open");
    assertTrue(visible("#twoFactorSignOut"), "signing out is the one way round it");
    screenshot("two-step-forced-set-up");

    // leaving by signing out, then coming back: the set-up again, with a new key
    String firstKey = text("#twoFactorSecret");
    press("#twoFactorSignOut");
    waitUntil(() -> exists("#signIn"));
    signIn("reception", LiveServer.PASSWORD);
    waitUntil(() -> exists("#twoFactorSetup") && !text("#twoFactorSecret").isBlank()
        && !text("#twoFactorSecret").equals(firstKey));

    String secret = text("#twoFactorSecret").replace(" ", "");
    String code = new DefaultCodeGenerator(HashingAlgorithm.SHA1, 6).generate(secret,
        Math.floorDiv(System.currentTimeMillis() / 1000, 30));
    setText("#twoFactorCode", code);
    press("#twoFactorConfirm");
    waitUntil(() -> exists("#twoFactorOn") && visible("#twoFactorOn"));
    press("#twoFactorKept");
    waitUntil(() -> exists("#userName"));
    assertEquals("Rita Reception", text("#userName"));
    screenshot("two-step-forced-then-workspace");

    press("#signOut");
    waitUntil(() -> exists("#signIn"));
    signIn("reception", LiveServer.PASSWORD);
    waitUntil(() -> visible("#oneTimeCode"));
  }
}
