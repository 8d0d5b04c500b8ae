package org.hospital.server.errors;

import io.grpc.Attributes;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.SecurityLevel;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerMethodDefinition;
import io.grpc.ServerServiceDefinition;
import io.grpc.Status;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.logging.Logger;

/**
 * Requests whose bytes are not the method's message answer INVALID_ARGUMENT with reason MALFORMED_REQUEST.
 *
 * <p>grpc-java parses a request before any interceptor sees it, and a parse failure there escapes to the
 * transport: the caller gets UNKNOWN and the log a SEVERE stack trace per call, which lets anyone who can
 * reach the port fill the disk. So each method's request marshaller is swapped for one that keeps the raw
 * bytes, and the request is parsed here, inside the listener chain, where a failure is a
 * {@link DomainException} like any other bad input. Such failures are logged one line at a time, at most one
 * line per {@link #LOG_INTERVAL_SECONDS} seconds, with the number of those left out.
 */
public final class MalformedRequests {

  static final long LOG_INTERVAL_SECONDS = 10;
  private static final Logger LOG = Logger.getLogger(MalformedRequests.class.getName());
  private static final MethodDescriptor.Marshaller<byte[]> RAW = new RawBytes();

  /** The request or response as bytes, unparsed: for callers that must send what no message parses to. */
  public static MethodDescriptor.Marshaller<byte[]> rawBytes() {
    return RAW;
  }

  private final RateLimitedLog log;

  public MalformedRequests() {
    this(new RateLimitedLog(LOG, java.time.Duration.ofSeconds(LOG_INTERVAL_SECONDS), System::nanoTime));
  }

  MalformedRequests(RateLimitedLog log) {
    this.log = log;
  }

  /** The same service, every method parsing its requests itself. */
  public ServerServiceDefinition wrap(ServerServiceDefinition service) {
    ServerServiceDefinition.Builder b = ServerServiceDefinition.builder(service.getServiceDescriptor().getName());
    for (ServerMethodDefinition<?, ?> m : service.getMethods()) {
      b.addMethod(wrap(m));
    }
    return b.build();
  }

  private <Q, R> ServerMethodDefinition<byte[], R> wrap(ServerMethodDefinition<Q, R> original) {
    MethodDescriptor<Q, R> method = original.getMethodDescriptor();
    MethodDescriptor<byte[], R> raw = method.toBuilder(RAW, method.getResponseMarshaller()).build();
    ServerCallHandler<Q, R> handler = original.getServerCallHandler();
    return ServerMethodDefinition.create(raw, (call, headers) -> {
      ServerCall.Listener<Q> next = handler.startCall(new TypedCall<>(call, method), headers);
      return new ServerCall.Listener<>() {
        // once a request failed to parse the call is closed; the service must not see the half-close
        // of a request it never received
        private boolean refused;

        @Override
        public void onMessage(byte[] bytes) {
          Q message;
          try {
            message = method.parseRequest(new ByteArrayInputStream(bytes));
          } catch (RuntimeException e) {
            refused = true;
            log.record("Malformed request to " + method.getFullMethodName() + " (" + bytes.length + " bytes)");
            throw DomainException.malformedRequest();
          }
          next.onMessage(message);
        }

        @Override
        public void onHalfClose() {
          if (!refused) {
            next.onHalfClose();
          }
        }

        @Override
        public void onCancel() {
          next.onCancel();
        }

        @Override
        public void onComplete() {
          next.onComplete();
        }

        @Override
        public void onReady() {
          next.onReady();
        }
      };
    });
  }

  /** The call as the service expects it: its own method descriptor, everything else the transport's. */
  private static final class TypedCall<Q, R> extends ServerCall<Q, R> {
    private final ServerCall<byte[], R> call;
    private final MethodDescriptor<Q, R> method;

    TypedCall(ServerCall<byte[], R> call, MethodDescriptor<Q, R> method) {
      this.call = call;
      this.method = method;
    }

    @Override
    public void request(int numMessages) {
      call.request(numMessages);
    }

    @Override
    public void sendHeaders(Metadata headers) {
      call.sendHeaders(headers);
    }

    @Override
    public void sendMessage(R message) {
      call.sendMessage(message);
    }

    @Override
    public boolean isReady() {
      return call.isReady();
    }

    @Override
    public void close(Status status, Metadata trailers) {
      call.close(status, trailers);
    }

    @Override
    public boolean isCancelled() {
      return call.isCancelled();
    }

    @Override
    public void setMessageCompression(boolean enabled) {
      call.setMessageCompression(enabled);
    }

    @Override
    public void setOnReadyThreshold(int numBytes) {
      call.setOnReadyThreshold(numBytes);
    }

    @Override
    public void setCompression(String compressor) {
      call.setCompression(compressor);
    }

    @Override
    public SecurityLevel getSecurityLevel() {
      return call.getSecurityLevel();
    }

    @Override
    public Attributes getAttributes() {
      return call.getAttributes();
    }

    @Override
    public String getAuthority() {
      return call.getAuthority();
    }

    @Override
    public MethodDescriptor<Q, R> getMethodDescriptor() {
      return method;
    }
  }

  /** The request as it came off the wire; its size is already bounded by the server's inbound message limit. */
  private static final class RawBytes implements MethodDescriptor.Marshaller<byte[]> {
    @Override
    public InputStream stream(byte[] value) {
      return new ByteArrayInputStream(value);
    }

    @Override
    public byte[] parse(InputStream stream) {
      try {
        return stream.readAllBytes();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
