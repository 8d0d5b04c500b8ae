package org.hospital.server;

import io.grpc.ManagedChannel;
import io.grpc.StatusRuntimeException;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.health.v1.HealthGrpc;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.hospital.server.config.ServerConfig;

/**
 * {@code health}: asks a server over TLS, as a workstation would connect, whether it serves (the standard
 * gRPC health service, no sign-in). For monitoring scripts and for checking an installation. By default this
 * machine's server, trusting its own CA. Exit codes: 0 serving, 1 answering but not serving, 7 unreachable.
 */
final class HealthCommand {

  record Options(String[] rest, String server, Path ca) {
    static Options take(String[] args) {
      CommandOptions o = CommandOptions.take(args, Set.of("--server", "--ca"));
      return new Options(o.rest(), o.get("--server").orElse(null), o.get("--ca").map(Path::of).orElse(null));
    }
  }

  private HealthCommand() {}

  static int run(ServerConfig config, Options o, PrintStream out) {
    ServerChannel connection = ServerChannel.open(config, o.server(), o.ca(), out);
    if (connection == null) {
      return 7;
    }
    String target = connection.target();
    ManagedChannel channel = connection.channel();
    try {
      HealthCheckResponse.ServingStatus status = HealthGrpc.newBlockingStub(channel)
          .withDeadlineAfter(10, TimeUnit.SECONDS).check(HealthCheckRequest.getDefaultInstance()).getStatus();
      out.println(target + " " + status);
      return status == HealthCheckResponse.ServingStatus.SERVING ? 0 : 1;
    } catch (StatusRuntimeException e) {
      out.println(target + " unreachable: " + e.getStatus().getCode()
          + (e.getStatus().getDescription() == null ? "" : " (" + e.getStatus().getDescription() + ")"));
      return 7;
    } finally {
      channel.shutdownNow();
    }
  }
}
