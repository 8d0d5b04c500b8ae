package org.hospital.client.password;

import org.hospital.client.connection.ServerConnection;
import org.hospital.proto.auth.v1.AuthServiceGrpc;
import org.hospital.proto.auth.v1.ChangeOwnPasswordRequest;

/** {@link PasswordGateway} over the AuthService; the channel adds the session and the deadline. */
public final class GrpcPasswordGateway implements PasswordGateway {

  private final ServerConnection connection;

  public GrpcPasswordGateway(ServerConnection connection) {
    this.connection = connection;
  }

  @Override
  public void changeOwnPassword(String currentPassword, String newPassword) {
    AuthServiceGrpc.newBlockingStub(connection.channel()).changeOwnPassword(ChangeOwnPasswordRequest.newBuilder()
        .setCurrentPassword(currentPassword).setNewPassword(newPassword).build());
  }
}
