package org.hospital.server.errors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.rpc.BadRequest;
import com.google.rpc.ErrorInfo;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hospital.proto.common.v1.FieldViolationCode;
import org.junit.jupiter.api.Test;

/** The one error shape stays small enough for any client, however many fields a request got wrong. */
class ErrorShapeTest {

  @Test
  void aThousandViolationsAnswerTheFirstTwentyAndSayHowManyWereLeftOut() throws Exception {
    List<FieldViolation> violations = new ArrayList<>();
    Map<String, String> metadata = new HashMap<>();
    for (int i = 0; i < 1000; i++) {
      violations.add(new FieldViolation("sessions[" + i + "].note", FieldViolationCode.TOO_LONG));
      metadata.put("sessions[" + i + "].note.max_length", "200");
    }
    metadata.put("current_version", "3");
    StatusRuntimeException e = ErrorMappingInterceptor.domain(DomainException.invalid(violations, metadata));
    com.google.rpc.Status status = StatusProto.fromThrowable(e);
    ErrorInfo info = status.getDetails(0).unpack(ErrorInfo.class);
    BadRequest bad = status.getDetails(1).unpack(BadRequest.class);
    assertEquals(ErrorMappingInterceptor.MAX_VIOLATIONS, bad.getFieldViolationsCount());
    assertEquals("sessions[0].note", bad.getFieldViolations(0).getField());
    assertEquals("980", info.getMetadataOrThrow("violations_left_out"));
    assertEquals("200", info.getMetadataOrThrow("sessions[19].note.max_length"));
    assertTrue(!info.containsMetadata("sessions[20].note.max_length"), "limits of fields not shown are left out");
    assertEquals("3", info.getMetadataOrThrow("current_version"));
    assertTrue(status.getSerializedSize() < 4096, status.getSerializedSize() + " bytes");
  }
}
