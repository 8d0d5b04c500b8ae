package org.hospital.client.admin;

import java.util.List;
import org.hospital.proto.auth.v1.SignInThrottle;

/** The server's sign-in throttles, for administrators. */
public interface SignInThrottleGateway {

  List<SignInThrottle> list();

  /** False when the throttle was already gone. */
  boolean clear(String key);
}
