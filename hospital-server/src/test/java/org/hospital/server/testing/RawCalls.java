package org.hospital.server.testing;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.hospital.server.errors.MalformedRequests;

/** Calls any method with a request given as bytes, as a broken or hostile client would send it. */
public final class RawCalls {

  private static final MethodDescriptor.Marshaller<byte[]> RAW = MalformedRequests.rawBytes();
  private static final Metadata.Key<String> AUTHORIZATION =
      Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);

  /**
   * How a call ended: its status, with the trailers' details as a StatusRuntimeException cause, and whether
   * the server sent a message first.
   */
  public record Outcome(Status status, boolean answered) {}

  private RawCalls() {}

  /**
   * Sends {@code body} as the one request of {@code method}, whatever its kind, with {@code token} (or no
   * session when null). A stream that sends its first message is cancelled there: it was accepted.
   */
  public static Outcome send(Channel channel, MethodDescriptor<?, ?> method, String token, byte[] body)
      throws Exception {
    MethodDescriptor<byte[], byte[]> raw = method.toBuilder(RAW, RAW).build();
    ClientCall<byte[], byte[]> call = channel.newCall(raw, CallOptions.DEFAULT.withDeadlineAfter(10,
        TimeUnit.SECONDS));
    CompletableFuture<Outcome> closed = new CompletableFuture<>();
    Metadata headers = new Metadata();
    if (token != null) {
      headers.put(AUTHORIZATION, "Bearer " + token);
    }
    boolean streaming = method.getType() == MethodDescriptor.MethodType.SERVER_STREAMING;
    boolean[] answered = {false};
    call.start(new ClientCall.Listener<>() {
      @Override
      public void onMessage(byte[] message) {
        answered[0] = true;
        if (streaming) {
          call.cancel("stream accepted", null);
        }
      }

      @Override
      public void onClose(Status status, Metadata trailers) {
        closed.complete(new Outcome(status.getCode() == Status.Code.OK ? status
            : status.withCause(status.asRuntimeException(trailers)), answered[0]));
      }
    }, headers);
    call.request(10);
    call.sendMessage(body);
    call.halfClose();
    return closed.get(15, TimeUnit.SECONDS);
  }
}
