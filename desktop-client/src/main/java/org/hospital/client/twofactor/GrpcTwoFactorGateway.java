package org.hospital.client.twofactor;

import java.util.List;
import org.hospital.client.connection.ServerConnection;
import org.hospital.proto.auth.v1.AuthServiceGrpc;
import org.hospital.proto.auth.v1.BeginTwoFactorSetupRequest;
import org.hospital.proto.auth.v1.BeginTwoFactorSetupResponse;
import org.hospital.proto.auth.v1.ConfirmTwoFactorSetupRequest;

/** {@link TwoFactorGateway} over the AuthService; the channel adds the session and the deadline. */
public final class GrpcTwoFactorGateway implements TwoFactorGateway {

  private final ServerConnection connection;

  public GrpcTwoFactorGateway(ServerConnection connection) {
    this.connection = connection;
  }

  @Override
  public Setup begin() {
    BeginTwoFactorSetupResponse r = stub().beginTwoFactorSetup(BeginTwoFactorSetupRequest.getDefaultInstance());
    return new Setup(r.getSecret(), r.getOtpauthUri(), r.getQrPng().toByteArray());
  }

  @Override
  public List<String> confirm(String code) {
    return stub().confirmTwoFactorSetup(ConfirmTwoFactorSetupRequest.newBuilder().setCode(code).build())
        .getRecoveryCodesList();
  }

  @Override
  public List<String> replaceRecoveryCodes(String code) {
    return stub().replaceRecoveryCodes(org.hospital.proto.auth.v1.ReplaceRecoveryCodesRequest.newBuilder()
        .setCode(code).build()).getRecoveryCodesList();
  }

  private AuthServiceGrpc.AuthServiceBlockingStub stub() {
    return AuthServiceGrpc.newBlockingStub(connection.channel());
  }
}
