package org.hospital.client.signin;

import org.hospital.client.connection.ServerAddress;

/** Lets the sign-in screen point the client at another server (the channel is rebuilt). */
public interface ServerSwitch {

  ServerAddress current();

  void switchTo(ServerAddress address);

  /** True when IT fixed this workstation's server in its machine settings: the sign-in screen cannot change it. */
  default boolean locked() {
    return false;
  }
}
