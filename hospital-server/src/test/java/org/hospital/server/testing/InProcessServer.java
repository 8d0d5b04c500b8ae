package org.hospital.server.testing;

import io.grpc.BindableService;
import io.grpc.Contexts;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.Server;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.UUID;
import org.hospital.server.errors.ErrorMappingInterceptor;
import org.hospital.server.security.CurrentUser;

/**
 * One feature's real gRPC service in process, behind the real error mapping, with a fixed signed-in user.
 * For testing a feature's RPC behaviour on its own; the whole server with real sign-in is
 * {@link TestHospitalServer}.
 */
public final class InProcessServer implements AutoCloseable {

  private final Server server;
  private final ManagedChannel channel;

  public InProcessServer(CurrentUser user, BindableService... services) {
    String name = "test-" + UUID.randomUUID();
    InProcessServerBuilder b = InProcessServerBuilder.forName(name).executor(
        java.util.concurrent.Executors.newFixedThreadPool(8));
    ServerInterceptor asUser = new ServerInterceptor() {
      @Override
      public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
          ServerCallHandler<Q, R> next) {
        return Contexts.interceptCall(io.grpc.Context.current().withValue(CurrentUser.KEY, user), call, headers,
            next);
      }
    };
    for (BindableService s : services) {
      b.addService(ServerInterceptors.intercept(s, asUser, new ErrorMappingInterceptor()));
    }
    try {
      server = b.build().start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    channel = InProcessChannelBuilder.forName(name).directExecutor().build();
  }

  public ManagedChannel channel() {
    return channel;
  }

  @Override
  public void close() {
    channel.shutdownNow();
    server.shutdownNow();
  }
}
