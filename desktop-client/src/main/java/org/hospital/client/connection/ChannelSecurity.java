package org.hospital.client.connection;

import java.nio.file.Path;

/** How the channel is protected: TLS trusting one CA certificate, or plaintext for a server started so. */
public sealed interface ChannelSecurity {

  record Tls(Path caCertificate) implements ChannelSecurity {}

  record Plaintext() implements ChannelSecurity {}
}
