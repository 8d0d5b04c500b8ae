package org.hospital.client.testing;

import com.google.protobuf.Any;
import com.google.rpc.BadRequest;
import com.google.rpc.ErrorInfo;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import java.util.Map;
import org.hospital.proto.common.v1.ErrorReason;
import org.hospital.proto.common.v1.FieldViolationCode;

/** Builds failures exactly as the server's error mapping sends them. */
public final class Failures {

  private Failures() {
  }

  public static StatusRuntimeException reason(Status.Code code, ErrorReason reason, Map<String, String> metadata) {
    return StatusProto.toStatusRuntimeException(com.google.rpc.Status.newBuilder()
        .setCode(code.value()).setMessage(reason.name())
        .addDetails(Any.pack(ErrorInfo.newBuilder().setDomain("hospital").setReason(reason.name())
            .putAllMetadata(metadata).build()))
        .build());
  }

  /** @param violations field path, code name, field path, code name ... */
  public static StatusRuntimeException invalid(Map<String, String> metadata, String... violations) {
    BadRequest.Builder bad = BadRequest.newBuilder();
    for (int i = 0; i < violations.length; i += 2) {
      bad.addFieldViolations(BadRequest.FieldViolation.newBuilder()
          .setField(violations[i]).setDescription(FieldViolationCode.valueOf(violations[i + 1]).name()));
    }
    return StatusProto.toStatusRuntimeException(com.google.rpc.Status.newBuilder()
        .setCode(Status.Code.INVALID_ARGUMENT.value()).setMessage(ErrorReason.VALIDATION_FAILED.name())
        .addDetails(Any.pack(ErrorInfo.newBuilder().setDomain("hospital")
            .setReason(ErrorReason.VALIDATION_FAILED.name()).putAllMetadata(metadata).build()))
        .addDetails(Any.pack(bad.build()))
        .build());
  }
}
