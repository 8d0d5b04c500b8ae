package org.hospital.client.session;

/** Signing in and out. Blocking calls: run them through the TaskRunner. */
public interface AuthGateway {

  /** Opens a session and makes its token the one every later call carries. */
  Session login(String username, String password);

  /** Ends the current session (idempotent) and forgets its token. */
  void logout();

  /** Tells the server the user is still working, so the session does not expire while they type. */
  void keepAlive();
}
