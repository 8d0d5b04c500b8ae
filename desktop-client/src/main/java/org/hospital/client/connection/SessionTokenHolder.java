package org.hospital.client.connection;

import java.util.Optional;

/** The bearer token of the signed-in user, read by every call on any thread. */
public final class SessionTokenHolder {

  private String token;

  public synchronized void set(String token) {
    this.token = token;
  }

  public synchronized void clear() {
    this.token = null;
  }

  /** Forgets the token if it is still {@code old}: a sign-in that came after it keeps its own. */
  public synchronized void clearIf(String old) {
    if (old != null && old.equals(token)) {
      token = null;
    }
  }

  public synchronized Optional<String> current() {
    return Optional.ofNullable(token);
  }
}
