package org.hospital.server;

import io.grpc.Grpc;
import io.grpc.ManagedChannel;
import io.grpc.TlsChannelCredentials;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import org.hospital.server.config.ServerConfig;

/**
 * The connection a command makes to a running server, as a workstation would: over TLS, by default to this
 * machine's server on its configured port, trusting its own CA.
 */
record ServerChannel(String target, ManagedChannel channel) {

  /** The channel, or null after printing why it cannot be made (the CA certificate cannot be read). */
  static ServerChannel open(ServerConfig config, String server, Path ca, PrintStream out) {
    String target = server != null ? server : "localhost:" + config.port();
    Path trusted = ca != null ? ca : config.tlsDir().resolve("ca.pem");
    try {
      return new ServerChannel(target, Grpc.newChannelBuilder(target,
          TlsChannelCredentials.newBuilder().trustManager(trusted.toFile()).build()).build());
    } catch (IOException e) {
      out.println("Cannot read the CA certificate " + trusted + ": " + e.getMessage());
      return null;
    }
  }
}
