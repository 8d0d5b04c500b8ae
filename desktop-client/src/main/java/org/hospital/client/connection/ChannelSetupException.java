package org.hospital.client.connection;

import java.nio.file.Path;

/** The channel could not be built because the CA certificate file cannot be read or parsed. */
public final class ChannelSetupException extends RuntimeException {

  private final Path caCertificate;

  public ChannelSetupException(Path caCertificate, Throwable cause) {
    super("Cannot use CA certificate " + caCertificate, cause);
    this.caCertificate = caCertificate;
  }

  public Path caCertificate() {
    return caCertificate;
  }
}
