package org.hospital.client.connection;

import java.util.Optional;

/** Where the server listens, as typed by a user: {@code host:port} or just {@code host}. */
public record ServerAddress(String host, int port) {

  public static final int DEFAULT_PORT = 9443;

  public ServerAddress {
    if (host == null || host.isBlank()) {
      throw new IllegalArgumentException("host is empty");
    }
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("port out of range: " + port);
    }
  }

  /** Empty when the text is not a usable address. Accepts {@code [::1]:9443} for IPv6 literals. */
  public static Optional<ServerAddress> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String trimmed = text.strip();
    String host = trimmed;
    String port = null;
    if (trimmed.startsWith("[")) {
      int close = trimmed.indexOf(']');
      if (close < 0) {
        return Optional.empty();
      }
      host = trimmed.substring(1, close);
      String rest = trimmed.substring(close + 1);
      if (rest.startsWith(":")) {
        port = rest.substring(1);
      } else if (!rest.isEmpty()) {
        return Optional.empty();
      }
    } else {
      int colon = trimmed.lastIndexOf(':');
      if (colon >= 0) {
        host = trimmed.substring(0, colon);
        port = trimmed.substring(colon + 1);
      }
    }
    if (host.isBlank() || host.contains(" ")) {
      return Optional.empty();
    }
    try {
      return Optional.of(new ServerAddress(host, port == null ? DEFAULT_PORT : Integer.parseInt(port)));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** The gRPC target string. */
  public String target() {
    return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
  }

  @Override
  public String toString() {
    return target();
  }
}
