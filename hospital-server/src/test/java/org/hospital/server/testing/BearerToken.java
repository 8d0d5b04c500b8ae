package org.hospital.server.testing;

import io.grpc.CallCredentials;
import io.grpc.Metadata;
import java.util.concurrent.Executor;

/** Sends a session token the way the workstation does: {@code authorization: Bearer <token>}. */
public final class BearerToken extends CallCredentials {

  private static final Metadata.Key<String> AUTHORIZATION =
      Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);
  private final String token;

  private BearerToken(String token) {
    this.token = token;
  }

  public static CallCredentials of(String token) {
    return new BearerToken(token);
  }

  @Override
  public void applyRequestMetadata(RequestInfo info, Executor executor, MetadataApplier applier) {
    Metadata m = new Metadata();
    m.put(AUTHORIZATION, "Bearer " + token);
    applier.apply(m);
  }
}
