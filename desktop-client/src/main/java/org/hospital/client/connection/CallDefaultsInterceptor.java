package org.hospital.client.connection;

import io.grpc.CallCredentials;
import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.MethodDescriptor;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Gives every call the session credentials and a deadline, so that no call can hang the client for ever;
 * a stub that sets a shorter deadline (searches) keeps its own.
 *
 * <p>Server-streaming calls (live schedules) get no default deadline: they are meant to stay open for the
 * whole session, and a deadline would end every one of them after a few seconds. They cannot hang the
 * client either, because nothing waits on them; their owner cancels them and the channel's keep-alive notices
 * a dead connection.
 */
final class CallDefaultsInterceptor implements ClientInterceptor {

  private final CallCredentials credentials;
  private final Duration defaultDeadline;

  CallDefaultsInterceptor(CallCredentials credentials, Duration defaultDeadline) {
    this.credentials = credentials;
    this.defaultDeadline = defaultDeadline;
  }

  @Override
  public <Q, R> ClientCall<Q, R> interceptCall(MethodDescriptor<Q, R> method, CallOptions options, Channel next) {
    CallOptions withDefaults = options.withCallCredentials(credentials);
    if (options.getDeadline() == null && !isLongLivedStream(method)) {
      withDefaults = withDefaults.withDeadlineAfter(defaultDeadline.toMillis(), TimeUnit.MILLISECONDS);
    }
    return next.newCall(method, withDefaults);
  }

  private static boolean isLongLivedStream(MethodDescriptor<?, ?> method) {
    return method.getType() == MethodDescriptor.MethodType.SERVER_STREAMING;
  }
}
