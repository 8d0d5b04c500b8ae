package org.hospital.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.Grpc;
import io.grpc.ManagedChannel;
import io.grpc.MethodDescriptor;
import io.grpc.ServerMethodDefinition;
import io.grpc.ServerServiceDefinition;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.TlsChannelCredentials;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.health.v1.HealthGrpc;
import java.io.IOException;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.logging.LogRecord;
import org.hospital.proto.auth.v1.AuthServiceGrpc;
import org.hospital.proto.auth.v1.LoginRequest;
import org.hospital.proto.patients.v1.PatientServiceGrpc;
import org.hospital.proto.patients.v1.SearchPatientsRequest;
import org.hospital.server.security.PermissionTable;
import org.hospital.server.security.Role;
import org.hospital.server.testing.DataFingerprint;
import org.hospital.server.testing.Errors;
import org.hospital.server.testing.LogCapture;
import org.hospital.server.testing.RawCalls;
import org.hospital.server.testing.TestHospitalServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Bytes that are not a protobuf message, sent to every registered method of the assembled server over TLS,
 * as a broken or hostile client would: each call is refused with INVALID_ARGUMENT / MALFORMED_REQUEST,
 * nothing is written, and the log gets short lines at a limited rate instead of a stack trace per call.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MalformedRequestTest {

  /** A varint that never ends: no protobuf message parses from it. */
  private static final byte[] GARBAGE = new byte[32];

  static {
    Arrays.fill(GARBAGE, (byte) 0xFF);
  }

  private TestHospitalServer hospital;
  private ManagedChannel channel;

  @BeforeAll
  void start() throws IOException {
    hospital = TestHospitalServer.start();
    channel = Grpc.newChannelBuilder(hospital.target(),
        TlsChannelCredentials.newBuilder().trustManager(hospital.caCertificate().toFile()).build()).build();
  }

  @AfterAll
  void stop() {
    channel.shutdownNow();
    hospital.close();
  }

  private String login(String user) {
    return AuthServiceGrpc.newBlockingStub(channel).login(LoginRequest.newBuilder().setUsername(user)
        .setPassword(TestHospitalServer.PASSWORD).setWorkstation("desk-7").build()).getSessionToken();
  }

  /** Sends {@code body} as the one request of {@code method}, whatever its kind, and returns how it ended. */
  private Status send(MethodDescriptor<?, ?> method, String token, byte[] body) throws Exception {
    return RawCalls.send(channel, method, token, body).status();
  }

  private static String reason(Status s) {
    return Errors.info((StatusRuntimeException) s.getCause()).getReason();
  }

  @Test
  void everyMethodRefusesBytesThatAreNotItsMessageWithoutAStackTraceOrAWrite() throws Exception {
    Map<Role, String> tokens = new EnumMap<>(Role.class);
    for (Role role : Role.values()) {
      tokens.put(role, login(role.name().toLowerCase(Locale.ROOT)));
    }
    List<MethodDescriptor<?, ?>> methods = hospital.server().services().stream()
        .map(ServerServiceDefinition::getMethods).flatMap(java.util.Collection::stream)
        .<MethodDescriptor<?, ?>>map(ServerMethodDefinition::getMethodDescriptor).toList();
    assertTrue(methods.size() >= 10, methods::toString);
    DataFingerprint data = new DataFingerprint(hospital.server().database());
    String before = data.fingerprint();
    LogCapture capture = LogCapture.start();
    long started = System.nanoTime();
    int calls = 0;
    try {
      Status login = send(AuthServiceGrpc.getLoginMethod(), null, GARBAGE);
      assertEquals(Status.Code.INVALID_ARGUMENT, login.getCode(), login::toString);
      assertEquals("MALFORMED_REQUEST", reason(login));
      calls++;
      PermissionTable permissions = PermissionTable.standard();
      for (MethodDescriptor<?, ?> m : methods) {
        // signed in with a role that may call the method, so that only the request's bytes are wrong
        String token = permissions.ruleFor(m.getFullMethodName()).map(rule -> rule instanceof PermissionTable.AnyOf
            any ? tokens.get(any.roles().iterator().next()) : tokens.get(Role.RECEPTION)).orElseThrow();
        Status s = send(m, token, GARBAGE);
        calls++;
        assertEquals(Status.Code.INVALID_ARGUMENT, s.getCode(), () -> m.getFullMethodName() + ": " + s);
        assertEquals("MALFORMED_REQUEST", reason(s), m.getFullMethodName());
      }
    } finally {
      capture.close();
    }
    long elapsedSeconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started);
    assertEquals(before, data.fingerprint(), "a malformed request wrote something");

    List<LogRecord> records = capture.records();
    assertEquals(List.of(), capture.stackTraces(), "stack traces in the log");
    List<String> malformedLines = records.stream().map(LogRecord::getMessage)
        .filter(msg -> msg != null && msg.startsWith("Malformed request")).toList();
    assertFalse(malformedLines.isEmpty(), "malformed requests leave no trace in the log");
    assertTrue(malformedLines.size() <= 1 + elapsedSeconds / 10,
        calls + " calls in " + elapsedSeconds + " s wrote " + malformedLines);
    assertTrue(malformedLines.stream().noneMatch(l -> l.contains("\n")), malformedLines::toString);

    // the server still serves well-formed calls
    assertNotEquals(null, HealthGrpc.newBlockingStub(channel).check(HealthCheckRequest.getDefaultInstance()));
  }

  @Test
  void aLongJunkTokenWithinTheHeaderLimitIsAnUnknownSession() throws Exception {
    Status s = send(PatientServiceGrpc.getSearchPatientsMethod(), "x".repeat(12 * 1024),
        SearchPatientsRequest.newBuilder().setQuery("smith").build().toByteArray());
    assertEquals(Status.Code.UNAUTHENTICATED, s.getCode(), s::toString);
    assertEquals("SESSION_EXPIRED", reason(s));
  }

  /**
   * grpc-java clients honour the header limit the server advertises (SETTINGS_MAX_HEADER_LIST_SIZE): the
   * call fails on the client before anything is sent, with INTERNAL naming the limit, and the connection
   * stays up. The server never sees the headers, so it has nothing to log.
   */
  @Test
  void anAuthorizationHeaderOverTheLimitFailsThatCallOnlyAndTheChannelStaysUp() throws Exception {
    try (LogCapture capture = LogCapture.start()) {
      Status s = send(HealthGrpc.getCheckMethod(), "x".repeat(64 * 1024),
          HealthCheckRequest.getDefaultInstance().toByteArray());
      assertEquals(Status.Code.INTERNAL, s.getCode(), s::toString);
      Throwable cause = s.getCause().getCause();
      assertTrue(cause != null && String.valueOf(cause.getMessage()).contains("(16384)"), String.valueOf(cause));
      assertEquals(HealthCheckResponse.ServingStatus.SERVING,
          HealthGrpc.newBlockingStub(channel).check(HealthCheckRequest.getDefaultInstance()).getStatus());
      assertEquals(List.of(), capture.stackTraces());
    }
  }
}
