package org.hospital.client.errors;

import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.rpc.BadRequest;
import com.google.rpc.ErrorInfo;
import io.grpc.Status;
import io.grpc.protobuf.StatusProto;
import java.security.cert.CertPathValidatorException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.security.cert.CertificateException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SSLHandshakeException;
import org.hospital.client.connection.ChannelSetupException;
import org.hospital.proto.common.v1.ErrorReason;
import org.hospital.proto.common.v1.FieldViolationCode;

/**
 * What went wrong with a call, read from the gRPC status and its details (ErrorInfo of domain "hospital",
 * BadRequest). Anything that is not a gRPC status (a bug, a missing CA file) is kept as {@link Kind#LOCAL}.
 */
public record RpcFailure(Kind kind, Status.Code code, ErrorReason reason, Map<String, String> metadata,
    List<FieldProblem> fieldProblems, Throwable cause) {

  public static final String DOMAIN = "hospital";

  public enum Kind {
    /** The server answered with a status. */
    SERVER,
    /** The server could not be reached at all. */
    UNREACHABLE,
    /** TLS failed: the server's certificate is not signed by the CA this client trusts. */
    UNTRUSTED_CERTIFICATE,
    /** The deadline passed before the server answered. */
    TIMEOUT,
    /** The CA certificate file is missing or unreadable. */
    CA_UNREADABLE,
    /** A failure inside the client itself. */
    LOCAL
  }

  public RpcFailure {
    metadata = Map.copyOf(metadata);
    fieldProblems = List.copyOf(fieldProblems);
  }

  public static RpcFailure of(Throwable failure) {
    Optional<ChannelSetupException> setup = findCause(failure, ChannelSetupException.class);
    if (setup.isPresent()) {
      return new RpcFailure(Kind.CA_UNREADABLE, Status.Code.UNKNOWN, ErrorReason.ERROR_REASON_UNSPECIFIED,
          Map.of("path", setup.get().caCertificate().toString()), List.of(), failure);
    }
    Status status = Status.fromThrowable(failure);
    if (status.getCode() == Status.Code.UNKNOWN && status.getCause() == failure) {
      return simple(Kind.LOCAL, Status.Code.UNKNOWN, failure);
    }
    if (isCertificateProblem(failure)) {
      return simple(Kind.UNTRUSTED_CERTIFICATE, status.getCode(), failure);
    }
    ErrorReason reason = ErrorReason.ERROR_REASON_UNSPECIFIED;
    Map<String, String> metadata = Map.of();
    List<FieldProblem> problems = new ArrayList<>();
    com.google.rpc.Status details = StatusProto.fromThrowable(failure);
    if (details != null) {
      for (Any any : details.getDetailsList()) {
        try {
          if (any.is(ErrorInfo.class)) {
            ErrorInfo info = any.unpack(ErrorInfo.class);
            if (DOMAIN.equals(info.getDomain())) {
              reason = parseReason(info.getReason());
              metadata = info.getMetadataMap();
            }
          } else if (any.is(BadRequest.class)) {
            for (BadRequest.FieldViolation v : any.unpack(BadRequest.class).getFieldViolationsList()) {
              problems.add(new FieldProblem(v.getField(), parseCode(v.getDescription()), 0));
            }
          }
        } catch (InvalidProtocolBufferException e) {
          // a detail we cannot read says nothing we could act on; the status code still does
        }
      }
    }
    final Map<String, String> meta = metadata;
    List<FieldProblem> withLimits = problems.stream()
        .map(p -> new FieldProblem(p.field(), p.code(), parseInt(meta.get(p.field() + ".max_length"))))
        .toList();
    Kind kind = switch (status.getCode()) {
      case UNAVAILABLE -> reason == ErrorReason.ERROR_REASON_UNSPECIFIED ? Kind.UNREACHABLE : Kind.SERVER;
      case DEADLINE_EXCEEDED -> Kind.TIMEOUT;
      default -> Kind.SERVER;
    };
    return new RpcFailure(kind, status.getCode(), reason, metadata, withLimits, failure);
  }

  public boolean is(ErrorReason expected) {
    return reason == expected;
  }

  /**
   * The free slots a SLOT_TAKEN answer offers instead (metadata "next_free_slots", ISO-8601 instants separated
   * by commas), earliest first; entries that are not instants are skipped.
   */
  public List<Instant> nextFreeSlots() {
    String listed = metadata.getOrDefault("next_free_slots", "");
    List<Instant> slots = new ArrayList<>();
    for (String part : listed.split(",")) {
      try {
        if (!part.isBlank()) {
          slots.add(Instant.parse(part.strip()));
        }
      } catch (DateTimeParseException e) {
        // a malformed entry offers nothing to book; the others still do
      }
    }
    return List.copyOf(slots);
  }

  public boolean isSessionExpired() {
    return code == Status.Code.UNAUTHENTICATED && reason == ErrorReason.SESSION_EXPIRED;
  }

  public boolean isCancelled() {
    return code == Status.Code.CANCELLED;
  }

  private static RpcFailure simple(Kind kind, Status.Code code, Throwable cause) {
    return new RpcFailure(kind, code, ErrorReason.ERROR_REASON_UNSPECIFIED, Map.of(), List.of(), cause);
  }

  private static boolean isCertificateProblem(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof SSLHandshakeException || t instanceof CertPathValidatorException
          || t instanceof CertificateException || t.getClass().getName().contains("CertPathBuilder")) {
        return true;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return false;
  }

  private static <T extends Throwable> Optional<T> findCause(Throwable failure, Class<T> type) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return Optional.of(type.cast(t));
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return Optional.empty();
  }

  private static ErrorReason parseReason(String name) {
    try {
      return ErrorReason.valueOf(name);
    } catch (IllegalArgumentException e) {
      return ErrorReason.UNRECOGNIZED; // a reason newer than this client
    }
  }

  private static FieldViolationCode parseCode(String name) {
    try {
      return FieldViolationCode.valueOf(name);
    } catch (IllegalArgumentException e) {
      return FieldViolationCode.UNRECOGNIZED;
    }
  }

  private static int parseInt(String text) {
    try {
      return text == null ? 0 : Integer.parseInt(text);
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
