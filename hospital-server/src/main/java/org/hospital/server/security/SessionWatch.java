package org.hospital.server.security;

import java.util.function.BooleanSupplier;

/** For long-lived calls: tells later, from any thread, whether the session of the call is still open. */
public final class SessionWatch {

  private SessionWatch() {}

  /** Captures the current call's session; the answer is false once it has ended or expired. */
  public static BooleanSupplier forCurrentCall(SessionService sessions) {
    String token = AuthInterceptor.TOKEN.get();
    return () -> token != null && sessions.stillOpen(token);
  }
}
