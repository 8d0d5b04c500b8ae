package org.hospital.server.security;

import com.google.protobuf.Empty;
import io.grpc.BindableService;
import io.grpc.ManagedChannel;
import io.grpc.MethodDescriptor;
import io.grpc.Server;
import io.grpc.ServerInterceptors;
import io.grpc.ServerServiceDefinition;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.grpc.protobuf.ProtoUtils;
import io.grpc.protobuf.services.HealthStatusManager;
import io.grpc.stub.ServerCalls;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.hospital.server.audit.AuditChainVerifier;
import org.hospital.server.audit.AuditGrpcService;
import org.hospital.server.errors.ErrorMappingInterceptor;

/**
 * An in-process gRPC server wired like the real one: error mapping outermost, then the auth interceptor, then
 * the services (AuthService, AuditService, health, and one method that has no rule in the permission table).
 */
final class AuthRpcServer implements AutoCloseable {

  static final MethodDescriptor<Empty, Empty> UNLISTED = MethodDescriptor.<Empty, Empty>newBuilder()
      .setType(MethodDescriptor.MethodType.UNARY)
      .setFullMethodName("hospital.test.v1.Unlisted/Call")
      .setRequestMarshaller(ProtoUtils.marshaller(Empty.getDefaultInstance()))
      .setResponseMarshaller(ProtoUtils.marshaller(Empty.getDefaultInstance()))
      .build();

  private final ExecutorService executor = Executors.newFixedThreadPool(4);
  private final Server server;
  private final ManagedChannel channel;

  AuthRpcServer(SecurityFixture f) {
    String name = "auth-test-" + UUID.randomUUID();
    InProcessServerBuilder builder = InProcessServerBuilder.forName(name).executor(executor);
    ServerServiceDefinition unlisted = ServerServiceDefinition.builder("hospital.test.v1.Unlisted")
        .addMethod(UNLISTED, ServerCalls.asyncUnaryCall((request, response) -> {
          response.onNext(Empty.getDefaultInstance());
          response.onCompleted();
        }))
        .build();
    BindableService audit = new AuditGrpcService(new AuditChainVerifier(f.db().dataSource()), f.audit);
    for (ServerServiceDefinition service : new ServerServiceDefinition[] {
        f.security.authService().bindService(), f.security.staffAdminService().bindService(), audit.bindService(),
        new HealthStatusManager().getHealthService().bindService(), unlisted}) {
      builder.addService(ServerInterceptors.intercept(service, f.security.authInterceptor(),
          new ErrorMappingInterceptor()));
    }
    try {
      server = builder.build().start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    channel = InProcessChannelBuilder.forName(name).directExecutor().build();
  }

  ManagedChannel channel() {
    return channel;
  }

  @Override
  public void close() {
    channel.shutdownNow();
    server.shutdownNow();
    executor.shutdownNow();
  }
}
