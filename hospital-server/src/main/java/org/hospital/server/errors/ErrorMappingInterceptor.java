package org.hospital.server.errors;

import com.google.protobuf.Any;
import com.google.rpc.BadRequest;
import com.google.rpc.Code;
import com.google.rpc.ErrorInfo;
import io.grpc.ForwardingServerCallListener.SimpleForwardingServerCallListener;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.hospital.proto.common.v1.ErrorReason;

/**
 * The one place where failures leave the server. A {@link DomainException} becomes its status code with an
 * ErrorInfo (domain "hospital", reason, metadata) and a BadRequest for field violations. Anything else is a
 * bug: it is logged here with its stack trace and the client gets INTERNAL with reason INTERNAL_ERROR and
 * nothing more (no exception text, no SQL).
 */
public final class ErrorMappingInterceptor implements ServerInterceptor {

  public static final String DOMAIN = "hospital";
  private static final Logger LOG = Logger.getLogger(ErrorMappingInterceptor.class.getName());

  @Override
  public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
      ServerCallHandler<Q, R> next) {
    ServerCall.Listener<Q> delegate;
    try {
      delegate = next.startCall(call, headers);
    } catch (RuntimeException e) {
      closeWith(call, e);
      return new ServerCall.Listener<>() {};
    }
    return new SimpleForwardingServerCallListener<>(delegate) {
      @Override
      public void onMessage(Q message) {
        try {
          super.onMessage(message);
        } catch (RuntimeException e) {
          closeWith(call, e);
        }
      }

      @Override
      public void onHalfClose() {
        try {
          super.onHalfClose();
        } catch (RuntimeException e) {
          closeWith(call, e);
        }
      }

      @Override
      public void onReady() {
        try {
          super.onReady();
        } catch (RuntimeException e) {
          closeWith(call, e);
        }
      }
    };
  }

  private static void closeWith(ServerCall<?, ?> call, RuntimeException e) {
    StatusRuntimeException mapped = toStatus(e, call.getMethodDescriptor().getFullMethodName());
    try {
      call.close(mapped.getStatus(), mapped.getTrailers() == null ? new Metadata() : mapped.getTrailers());
    } catch (IllegalStateException alreadyClosed) {
      // the handler closed the call before failing; nothing more can be sent
    }
  }

  /** Maps any failure to what the client may see. Public for services that answer through a StreamObserver. */
  public static StatusRuntimeException toStatus(Throwable e, String method) {
    if (e instanceof DomainException d) {
      return domain(d);
    }
    if (e instanceof StatusRuntimeException s && s.getStatus().getCode() != Status.Code.UNKNOWN
        && s.getStatus().getCode() != Status.Code.INTERNAL) {
      return s;
    }
    LOG.log(Level.SEVERE, "Unexpected failure in " + method, e);
    return StatusProto.toStatusRuntimeException(com.google.rpc.Status.newBuilder()
        .setCode(Code.INTERNAL_VALUE)
        .setMessage(ErrorReason.INTERNAL_ERROR.name())
        .addDetails(Any.pack(ErrorInfo.newBuilder().setDomain(DOMAIN)
            .setReason(ErrorReason.INTERNAL_ERROR.name()).build()))
        .build());
  }

  /** At most this many field violations are sent back; see {@link #domain}. */
  static final int MAX_VIOLATIONS = 20;

  static StatusRuntimeException domain(DomainException d) {
    // A request with thousands of bad list entries must not answer with trailers over the 8 KiB a client
    // accepts by default (it would see INTERNAL instead of the refusal): the first violations are enough to
    // correct it, and "violations_left_out" says how many more there were.
    List<FieldViolation> shown = d.violations().size() <= MAX_VIOLATIONS ? d.violations()
        : d.violations().subList(0, MAX_VIOLATIONS);
    java.util.Set<String> shownFields = new java.util.HashSet<>();
    shown.forEach(v -> shownFields.add(v.field()));
    java.util.Set<String> allFields = new java.util.HashSet<>();
    d.violations().forEach(v -> allFields.add(v.field()));
    ErrorInfo.Builder info = ErrorInfo.newBuilder().setDomain(DOMAIN).setReason(d.reason().name());
    d.metadata().forEach((key, value) -> {
      int dot = key.lastIndexOf('.');
      String field = dot < 0 ? null : key.substring(0, dot);
      if (field == null || !allFields.contains(field) || shownFields.contains(field)) {
        info.putMetadata(key, value);
      }
    });
    if (shown.size() < d.violations().size()) {
      info.putMetadata("violations_left_out", Integer.toString(d.violations().size() - shown.size()));
    }
    com.google.rpc.Status.Builder status = com.google.rpc.Status.newBuilder()
        .setCode(d.code().value())
        .setMessage(d.reason().name())
        .addDetails(Any.pack(info.build()));
    if (!shown.isEmpty()) {
      BadRequest.Builder br = BadRequest.newBuilder();
      for (FieldViolation v : shown) {
        br.addFieldViolations(BadRequest.FieldViolation.newBuilder()
            .setField(v.field()).setDescription(v.code().name()));
      }
      status.addDetails(Any.pack(br.build()));
    }
    return StatusProto.toStatusRuntimeException(status.build());
  }
}
