package org.hospital.client.password;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hospital.client.testing.Direct;
import org.hospital.client.testing.Failures;
import org.junit.jupiter.api.Test;

/** The change-password form without the toolkit: what it refuses itself, and how it words the server's answer. */
class ChangePasswordViewModelTest {

  private final List<String> sent = new ArrayList<>();
  private RuntimeException answer;
  private int changed;

  private final PasswordGateway gateway = (current, next) -> {
    sent.add(current + " -> " + next);
    if (answer != null) {
      throw answer;
    }
  };

  private ChangePasswordViewModel form(String current, String next, String confirmation) {
    ChangePasswordViewModel vm = new ChangePasswordViewModel(gateway, Direct.ENGLISH, Direct.ERRORS, Direct.tasks(),
        () -> changed++);
    vm.currentProperty().set(current);
    vm.newProperty().set(next);
    vm.confirmationProperty().set(confirmation);
    return vm;
  }

  @Test
  void twoDifferentNewPasswordsAreRefusedWithoutAskingTheServer() {
    ChangePasswordViewModel vm = form("Old-Password-1", "New-Password-22", "New-Password-23");
    vm.change();
    assertEquals("The two new passwords are not the same.", vm.status().errorProperty().get());
    assertEquals(List.of(), sent);
    assertEquals(0, changed);
  }

  @Test
  void theServersFieldProblemsAreNamedInWords() {
    answer = Failures.invalid(Map.of(), "current_password", "DOES_NOT_MATCH", "new_password", "WEAK_PASSWORD");
    ChangePasswordViewModel vm = form("Old-Password-1", "weak", "weak");
    vm.change();
    String error = vm.status().errorProperty().get();
    assertTrue(error.startsWith("Current password: Is not right. New password: At least 12 characters"), error);
    assertEquals(0, changed);
    assertEquals("weak", vm.newProperty().get(), "kept for the user to correct");
  }

  @Test
  void aChangeTheServerTakesClearsTheFormAndSaysSo() {
    ChangePasswordViewModel vm = form("Old-Password-1", "New-Password-22", "New-Password-22");
    vm.change();
    assertEquals(List.of("Old-Password-1 -> New-Password-22"), sent);
    assertEquals(1, changed);
    assertEquals("Your password has been changed.", vm.status().noticeProperty().get());
    assertEquals("", vm.currentProperty().get());
    assertEquals("", vm.newProperty().get());
  }
}
