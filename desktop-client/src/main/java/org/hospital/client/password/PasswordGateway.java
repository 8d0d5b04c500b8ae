package org.hospital.client.password;

/** The signed-in user's own password. Blocking: run through the TaskRunner. */
public interface PasswordGateway {

  /** Replaces the user's password; the server checks the current one and the password rules. */
  void changeOwnPassword(String currentPassword, String newPassword);
}
