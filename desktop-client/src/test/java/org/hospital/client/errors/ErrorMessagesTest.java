package org.hospital.client.errors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.Status;
import java.nio.file.Path;
import java.security.cert.CertPathValidatorException;
import java.util.Map;
import javax.net.ssl.SSLHandshakeException;
import org.hospital.client.connection.ChannelSetupException;
import org.hospital.client.testing.Direct;
import org.hospital.client.testing.Failures;
import org.hospital.proto.common.v1.ErrorReason;
import org.hospital.proto.common.v1.FieldViolationCode;
import org.junit.jupiter.api.Test;

class ErrorMessagesTest {

  private final ErrorMessages messages = Direct.ERRORS;

  @Test
  void unreachableServer() {
    assertTrue(messages.describe(Status.UNAVAILABLE.asRuntimeException()).startsWith("Cannot reach the server"));
  }

  @Test
  void untrustedCertificateIsFoundDeepInTheCauseChain() {
    SSLHandshakeException handshake = new SSLHandshakeException("PKIX path validation failed");
    handshake.initCause(new CertPathValidatorException("signature check failed"));
    Throwable wrapped = Status.UNAVAILABLE.withCause(new RuntimeException("decoder", handshake)).asRuntimeException();
    assertEquals(RpcFailure.Kind.UNTRUSTED_CERTIFICATE, RpcFailure.of(wrapped).kind());
    assertTrue(messages.describe(wrapped).contains("certificate is not trusted"));
  }

  @Test
  void slowServer() {
    assertTrue(messages.describe(Status.DEADLINE_EXCEEDED.asRuntimeException()).contains("too slow"));
  }

  @Test
  void unreadableCaFile() {
    ChannelSetupException missing = new ChannelSetupException(Path.of("ca.pem"), new java.io.IOException("missing"));
    assertEquals(RpcFailure.Kind.CA_UNREADABLE, RpcFailure.of(missing).kind());
    assertEquals("The CA certificate file configured on this workstation cannot be read: ca.pem",
        messages.describe(missing));
  }

  @Test
  void reasonsFromErrorInfo() {
    assertEquals("Wrong username or password.", messages.describe(
        Failures.reason(Status.Code.UNAUTHENTICATED, ErrorReason.BAD_CREDENTIALS, Map.of())));
    assertEquals("This account is disabled. Ask an administrator.", messages.describe(
        Failures.reason(Status.Code.UNAUTHENTICATED, ErrorReason.ACCOUNT_DISABLED, Map.of())));
    assertTrue(RpcFailure.of(Failures.reason(Status.Code.UNAUTHENTICATED, ErrorReason.SESSION_EXPIRED, Map.of()))
        .isSessionExpired());
  }

  @Test
  void slotTakenOffersTheNextFreeTimes() {
    Throwable taken = Failures.reason(Status.Code.ALREADY_EXISTS, ErrorReason.SLOT_TAKEN,
        Map.of("next_free_slots", "2026-11-30T09:15:00Z,not-a-time, 2026-11-30T10:00:00Z"));
    assertEquals(2, RpcFailure.of(taken).nextFreeSlots().size());
    String message = messages.describe(taken);
    assertTrue(message.startsWith("This time has just been booked by someone else. Next free times: "), message);
    assertTrue(message.contains("9:15") && message.contains("10:00"), message);
    assertEquals("This time has just been booked by someone else. Choose another time.", messages.describe(
        Failures.reason(Status.Code.ALREADY_EXISTS, ErrorReason.SLOT_TAKEN, Map.of())));
  }

  @Test
  void schedulingReasonsHaveTheirOwnSentences() {
    assertTrue(messages.describe(Failures.reason(Status.Code.FAILED_PRECONDITION, ErrorReason.INVALID_TRANSITION,
        Map.of())).contains("no longer applies"));
    assertTrue(messages.describe(Failures.reason(Status.Code.FAILED_PRECONDITION,
        ErrorReason.OUTSIDE_WORKING_HOURS, Map.of())).contains("not bookable"));
  }

  @Test
  void throttledSignInShowsWhenItIsCheckedAgainToTheSecondInLocalTime() {
    String text = messages.describe(Failures.reason(Status.Code.RESOURCE_EXHAUSTED, ErrorReason.SIGN_IN_THROTTLED,
        Map.of("retry_after", "2026-11-22T10:15:08Z")));
    assertTrue(text.startsWith("Too many failed sign-ins from this workstation"), text);
    assertTrue(text.contains("10:15:08"), text); // the test's zone is UTC
    assertTrue(text.contains("not locked"), text);
  }

  @Test
  void fieldViolationsKeepTheirPathCodeAndLimit() {
    RpcFailure failure = RpcFailure.of(Failures.invalid(Map.of("demographics.family_name.max_length", "100"),
        "demographics.family_name", "TOO_LONG", "demographics.birth_date", "IN_FUTURE"));
    assertEquals(ErrorReason.VALIDATION_FAILED, failure.reason());
    assertEquals(new FieldProblem("demographics.family_name", FieldViolationCode.TOO_LONG, 100),
        failure.fieldProblems().get(0));
    assertEquals("Too long: at most 100 characters.", messages.fieldMessage(failure.fieldProblems().get(0)));
    assertEquals("Cannot be in the future.", messages.fieldMessage(failure.fieldProblems().get(1)));
  }

  @Test
  void aReasonNewerThanTheClientStillReadsAsARefusal() {
    Throwable unknown = io.grpc.protobuf.StatusProto.toStatusRuntimeException(com.google.rpc.Status.newBuilder()
        .setCode(Status.Code.FAILED_PRECONDITION.value())
        .addDetails(com.google.protobuf.Any.pack(com.google.rpc.ErrorInfo.newBuilder()
            .setDomain("hospital").setReason("SOMETHING_NEW").build()))
        .build());
    assertEquals("The server refused the request (FAILED_PRECONDITION).", messages.describe(unknown));
  }
}
