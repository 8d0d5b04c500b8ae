package org.hospital.client.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.code.HashingAlgorithm;
import java.time.Clock;
import java.util.Set;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import org.hospital.server.security.PasswordHasher;
import org.hospital.server.security.PasswordPolicy;
import org.hospital.server.security.Role;
import org.hospital.server.security.StaffAccounts;
import org.junit.jupiter.api.Test;

/**
 * A nurse turns two-step sign-in on from the header: scans (here: reads) the key, types the app's code, keeps
 * the recovery codes; at the next sign-in the password alone leads to the code field, a wrong code is refused
 * there, and a recovery code lets her in.
 */
class TwoStepSignInUiTest extends ClientUiTest {

  private static final String USER = "tara" + Long.toString(System.nanoTime() % 100000, 36);

  @Test
  void aNurseTurnsItOnAndSignsInWithARecoveryCode() throws Exception {
    new StaffAccounts(LiveServer.get().server().database(), new PasswordHasher(1), new PasswordPolicy(),
        Clock.systemUTC()).create(USER, "Tara Twostep", LiveServer.PASSWORD, Set.of(Role.NURSE));
    signInAndWait(USER);
    press("#twoFactorOpen");
    waitUntil(() -> exists("#twoFactorSecret") && !text("#twoFactorSecret").isBlank());
    String secret = text("#twoFactorSecret").replace(" ", "");
    assertEquals(32, secret.length(), "grouped in fours for typing, 160 bits");
    assertTrue(lookup("#twoFactorQr").queryAs(javafx.scene.image.ImageView.class).getImage() != null);
    screenshot("two-step-set-up");

    // what the phone's app shows for this key now
    String code = new DefaultCodeGenerator(HashingAlgorithm.SHA1, 6).generate(secret,
        Math.floorDiv(System.currentTimeMillis() / 1000, 30));
    setText("#twoFactorCode", code);
    press("#twoFactorConfirm");
    waitUntil(() -> exists("#twoFactorOn") && visible("#twoFactorOn"));
    Parent codes = lookup("#recoveryCodes").queryAs(Parent.class);
    assertEquals(10, codes.getChildrenUnmodifiable().size());
    String recovery = ((Labeled) codes.getChildrenUnmodifiable().getFirst()).getText();
    assertFalse(visible("#twoFactorBack"), "the codes are shown once: the way on is to say they are kept");
    screenshot("two-step-recovery-codes");
    press("#twoFactorKept");
    waitUntil(() -> !exists("#twoFactorSetup"));

    press("#signOut");
    waitUntil(() -> exists("#signIn"));
    signIn(USER, LiveServer.PASSWORD);
    waitUntil(() -> visible("#oneTimeCode"));
    waitUntil(() -> text("#signInHint").contains("two steps"));
    waitUntil(() -> holdsFocus("#oneTimeCode")); // the caret waits in the code field
    screenshot("sign-in-second-step");

    setText("#oneTimeCode", "000000");
    press("#signIn");
    waitUntil(() -> text("#signInError").contains("wrong"));
    assertTrue(visible("#oneTimeCode"), "still the second step; the password is kept for it");

    setText("#oneTimeCode", recovery);
    press("#signIn");
    waitUntil(() -> exists("#userName"));
    assertEquals("Tara Twostep", text("#userName"));

    // on already: the header's button offers new recovery codes for a current code from the app
    press("#twoFactorOpen");
    waitUntil(() -> exists("#twoFactorAlreadyOn") && visible("#twoFactorAlreadyOn"));
    assertFalse(shown("#twoFactorQr"), "no new key: a new phone needs an administrator's reset");
    waitUntil(() -> holdsFocus("#twoFactorNewCodesCode"));
    screenshot("two-step-new-recovery-codes");
    setText("#twoFactorNewCodesCode", "000000");
    press("#twoFactorNewCodes");
    waitUntil(() -> text("#twoFactorError").contains("does not match"));
    // the code that turned it on was used; the app's next one is needed
    long used = Math.floorDiv(System.currentTimeMillis() / 1000, 30);
    while (Math.floorDiv(System.currentTimeMillis() / 1000, 30) <= used) {
      Thread.sleep(250);
    }
    setText("#twoFactorNewCodesCode", new DefaultCodeGenerator(HashingAlgorithm.SHA1, 6).generate(secret,
        Math.floorDiv(System.currentTimeMillis() / 1000, 30)));
    press("#twoFactorNewCodes");
    waitUntil(() -> exists("#twoFactorOn") && visible("#twoFactorOn"));
    assertTrue(text("#twoFactorOn").contains("old ones no longer work"), text("#twoFactorOn"));
    Parent fresh = lookup("#recoveryCodes").queryAs(Parent.class);
    assertEquals(10, fresh.getChildrenUnmodifiable().size());
    assertFalse(fresh.getChildrenUnmodifiable().stream().map(n -> ((Labeled) n).getText()).toList()
        .contains(recovery));
    screenshot("two-step-new-recovery-codes-made");
    press("#twoFactorKept");
    waitUntil(() -> !exists("#twoFactorSetup"));
  }

  /** Visible with everything that holds it. */
  private boolean shown(String query) {
    for (javafx.scene.Node n = lookup(query).query(); n != null; n = n.getParent()) {
      if (!n.isVisible()) {
        return false;
      }
    }
    return true;
  }
}
