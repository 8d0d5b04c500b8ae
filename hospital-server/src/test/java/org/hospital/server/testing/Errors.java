package org.hospital.server.testing;

import com.google.rpc.BadRequest;
import com.google.rpc.ErrorInfo;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Reads the structured details of a failed call, as a client would. */
public final class Errors {

  private Errors() {}

  public static ErrorInfo info(StatusRuntimeException e) {
    return details(e).stream().filter(a -> a.is(ErrorInfo.class)).findFirst()
        .map(a -> unpack(a, ErrorInfo.class)).orElseThrow(() -> new AssertionError("no ErrorInfo in " + e));
  }

  /** Field path to violation code, e.g. "demographics.birth_date" to "IN_FUTURE". */
  public static Map<String, String> violations(StatusRuntimeException e) {
    return details(e).stream().filter(a -> a.is(BadRequest.class)).findFirst()
        .map(a -> unpack(a, BadRequest.class).getFieldViolationsList().stream()
            .collect(Collectors.toMap(BadRequest.FieldViolation::getField,
                BadRequest.FieldViolation::getDescription, (x, y) -> x)))
        .orElse(Map.of());
  }

  private static List<com.google.protobuf.Any> details(StatusRuntimeException e) {
    com.google.rpc.Status s = StatusProto.fromThrowable(e);
    return s == null ? List.of() : s.getDetailsList();
  }

  private static <T extends com.google.protobuf.Message> T unpack(com.google.protobuf.Any a, Class<T> type) {
    try {
      return a.unpack(type);
    } catch (com.google.protobuf.InvalidProtocolBufferException ex) {
      throw new AssertionError(ex);
    }
  }
}
