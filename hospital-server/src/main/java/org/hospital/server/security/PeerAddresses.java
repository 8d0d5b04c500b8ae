package org.hospital.server.security;

import java.net.InetSocketAddress;
import java.net.SocketAddress;

/** A caller's address as written to sessions and the audit log: the IP address, without the port. */
final class PeerAddresses {

  private static final int MAX = 100;

  private PeerAddresses() {}

  static String describe(SocketAddress address) {
    String text;
    if (address instanceof InetSocketAddress inet) {
      text = inet.getAddress() != null ? inet.getAddress().getHostAddress() : inet.getHostString();
    } else {
      text = address == null ? "unknown" : address.toString();
    }
    return text.length() <= MAX ? text : text.substring(0, MAX);
  }
}
