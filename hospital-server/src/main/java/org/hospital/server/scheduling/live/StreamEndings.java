package org.hospital.server.scheduling.live;

import io.grpc.Status;
import org.hospital.server.errors.DomainException;
import org.hospital.server.errors.ErrorMappingInterceptor;
import org.hospital.server.live.EventStream;

/** How every scheduling stream ends: session over, server stopping, or fallen out of the retained log. */
final class StreamEndings {

  private StreamEndings() {}

  static EventStream.Endings of(String method) {
    return new EventStream.Endings(
        () -> ErrorMappingInterceptor.toStatus(DomainException.sessionExpired(), method),
        () -> Status.UNAVAILABLE.withDescription("server stopping").asRuntimeException(),
        () -> Status.ABORTED.withDescription("resume to get a fresh snapshot").asRuntimeException());
  }
}
