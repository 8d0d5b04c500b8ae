package org.hospital.client.session;

/** Signing in and out. Blocking calls: run them through the TaskRunner. */
public interface AuthGateway {

  /** Opens a session and makes its token the one every later call carries. */
  default Session login(String username, String password) {
    return login(username, password, "");
  }

  /**
   * With the second step of an account that signs in in two steps: the authenticator app's code or a recovery
   * code (empty for the first step, which the server answers with SECOND_FACTOR_REQUIRED for such accounts).
   */
  Session login(String username, String password, String oneTimeCode);

  /** Ends the current session (idempotent) and forgets its token. */
  void logout();

  /** Tells the server the user is still working, so the session does not expire while they type. */
  void keepAlive();
}
