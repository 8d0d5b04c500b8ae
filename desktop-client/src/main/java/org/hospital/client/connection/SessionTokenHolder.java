package org.hospital.client.connection;

import java.util.Optional;

/** The bearer token of the signed-in user, read by every call on any thread. */
public final class SessionTokenHolder {

  private volatile String token;

  public void set(String token) {
    this.token = token;
  }

  public void clear() {
    this.token = null;
  }

  public Optional<String> current() {
    return Optional.ofNullable(token);
  }
}
