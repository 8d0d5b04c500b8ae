package org.hospital.server.security;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Wrong one-time codes typed inside a signed-in session (to make new recovery codes). Sign-in's throttle does not
 * see these, and six digits fall to guessing, so a session gets a few tries and then ends: a new session needs
 * the phone again. Kept in memory per instance; the bound per session is the limit times the instances.
 */
final class WrongCodesPerSession {

  static final int LIMIT = 5;

  private final int limit;
  private final ConcurrentHashMap<String, Integer> wrong = new ConcurrentHashMap<>();

  WrongCodesPerSession(int limit) {
    this.limit = limit;
  }

  /** Counts one wrong code; true when that was the last one allowed (the count starts again). */
  boolean tooMany(String token) {
    if (token == null) {
      return false;
    }
    int n = wrong.merge(token, 1, Integer::sum);
    if (n >= limit) {
      wrong.remove(token);
      return true;
    }
    return false;
  }

  void forget(String token) {
    if (token != null) {
      wrong.remove(token);
    }
  }
}
