package org.hospital.client.session;

import java.time.Duration;
import org.hospital.client.connection.ServerConnection;
import org.hospital.client.connection.SessionTokenHolder;
import org.hospital.proto.auth.v1.AuthServiceGrpc;
import org.hospital.proto.auth.v1.GetCurrentUserRequest;
import org.hospital.proto.auth.v1.LoginRequest;
import org.hospital.proto.auth.v1.LoginResponse;
import org.hospital.proto.auth.v1.LogoutRequest;

/** {@link AuthGateway} over the AuthService RPCs. */
public final class GrpcAuthGateway implements AuthGateway {

  private final ServerConnection connection;
  private final SessionTokenHolder tokens;
  private final String workstation;

  public GrpcAuthGateway(ServerConnection connection, SessionTokenHolder tokens, String workstation) {
    this.connection = connection;
    this.tokens = tokens;
    this.workstation = workstation;
  }

  @Override
  public Session login(String username, String password, String oneTimeCode) {
    LoginResponse response = stub().login(LoginRequest.newBuilder()
        .setUsername(username).setPassword(password).setOneTimeCode(oneTimeCode).setWorkstation(workstation)
        .build());
    tokens.set(response.getSessionToken());
    return new Session(response.getSessionToken(), response.getUser().getStaffId(),
        response.getUser().getUsername(),
        response.getUser().getDisplayName(), response.getUser().getRolesList(),
        Duration.ofSeconds(response.getIdleTimeoutSeconds()), response.getPasswordMustChange(),
        response.getTwoFactorSetupRequired());
  }

  @Override
  public void logout() {
    String ending = tokens.current().orElse(null);
    try {
      stub().logout(LogoutRequest.getDefaultInstance());
    } finally {
      tokens.clearIf(ending);
    }
  }

  @Override
  public void keepAlive() {
    stub().getCurrentUser(GetCurrentUserRequest.getDefaultInstance());
  }

  private AuthServiceGrpc.AuthServiceBlockingStub stub() {
    return AuthServiceGrpc.newBlockingStub(connection.channel());
  }
}
