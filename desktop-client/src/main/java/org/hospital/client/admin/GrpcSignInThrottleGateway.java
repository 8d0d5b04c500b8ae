package org.hospital.client.admin;

import java.util.List;
import org.hospital.client.connection.ServerConnection;
import org.hospital.proto.auth.v1.AuthServiceGrpc;
import org.hospital.proto.auth.v1.ClearSignInThrottleRequest;
import org.hospital.proto.auth.v1.ListSignInThrottlesRequest;
import org.hospital.proto.auth.v1.SignInThrottle;

/** {@link SignInThrottleGateway} over the AuthService; the channel adds the session and the deadline. */
public final class GrpcSignInThrottleGateway implements SignInThrottleGateway {

  private final ServerConnection connection;

  public GrpcSignInThrottleGateway(ServerConnection connection) {
    this.connection = connection;
  }

  @Override
  public List<SignInThrottle> list() {
    return blocking().listSignInThrottles(ListSignInThrottlesRequest.getDefaultInstance()).getThrottlesList();
  }

  @Override
  public boolean clear(String key) {
    return blocking().clearSignInThrottle(ClearSignInThrottleRequest.newBuilder().setKey(key).build()).getCleared();
  }

  private AuthServiceGrpc.AuthServiceBlockingStub blocking() {
    return AuthServiceGrpc.newBlockingStub(connection.channel());
  }
}
