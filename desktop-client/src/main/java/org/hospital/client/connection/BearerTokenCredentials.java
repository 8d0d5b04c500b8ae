package org.hospital.client.connection;

import io.grpc.CallCredentials;
import io.grpc.Metadata;
import java.util.concurrent.Executor;

/** Adds {@code authorization: Bearer <token>} to every call once a user has signed in. */
final class BearerTokenCredentials extends CallCredentials {

  static final Metadata.Key<String> AUTHORIZATION =
      Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);

  private final SessionTokenHolder tokens;

  BearerTokenCredentials(SessionTokenHolder tokens) {
    this.tokens = tokens;
  }

  @Override
  public void applyRequestMetadata(RequestInfo requestInfo, Executor appExecutor, MetadataApplier applier) {
    Metadata headers = new Metadata();
    tokens.current().ifPresent(token -> headers.put(AUTHORIZATION, "Bearer " + token));
    applier.apply(headers);
  }
}
