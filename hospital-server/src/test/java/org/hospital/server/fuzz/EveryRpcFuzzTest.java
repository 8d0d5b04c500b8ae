package org.hospital.server.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.Message;
import io.grpc.Grpc;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.ServerMethodDefinition;
import io.grpc.ServerServiceDefinition;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.TlsChannelCredentials;
import io.grpc.protobuf.StatusProto;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.hospital.proto.auth.v1.AuthServiceGrpc;
import org.hospital.proto.auth.v1.LoginRequest;
import org.hospital.server.HospitalServer;
import org.hospital.server.errors.MalformedRequests;
import org.hospital.server.security.Role;
import org.hospital.server.testing.DataFingerprint;
import org.hospital.server.testing.LogCapture;
import org.hospital.server.testing.RawCalls;
import org.hospital.server.testing.TestHospitalServer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every registered RPC of the assembled server, over TLS, as every role and without a session, with requests
 * generated from its descriptor ({@link RandomMessages}) and damaged bytes. Whatever comes in: no INTERNAL or
 * UNKNOWN, every refusal in the one error shape (an ErrorInfo), no stack trace in the log, and nothing written
 * when the answer is an error. A new RPC joins by being registered. {@code -Dfuzz.seed=N} and
 * {@code -Dfuzz.rounds=N} rerun a failure or go further.
 */
class EveryRpcFuzzTest {

  private static final long SEED = Long.getLong("fuzz.seed", 20261207L);
  private static final int ROUNDS = Integer.getInteger("fuzz.rounds", 10);
  /** Sign-in methods are fuzzed last: they end sessions and throttle the test's own address. */
  private static final Set<String> LAST = Set.of(AuthServiceGrpc.getLoginMethod().getFullMethodName(),
      AuthServiceGrpc.getLogoutMethod().getFullMethodName());

  @ParameterizedTest
  @MethodSource("org.hospital.server.testing.TestDatabases#kinds")
  void noRequestFromAnyoneBreaksTheServerOrWritesWhenRefused(String kind) throws Exception {
    try (TestHospitalServer hospital = TestHospitalServer.start(kind, 40, java.time.Duration.ofMinutes(15))) {
      ManagedChannel channel = Grpc.newChannelBuilder(hospital.target(), TlsChannelCredentials.newBuilder()
          .trustManager(hospital.caCertificate().toFile()).build()).build();
      LogCapture capture = null;
      try {
        Map<String, String> callers = new LinkedHashMap<>();
        for (Role role : Role.values()) {
          callers.put(role.name(), login(channel, role.name().toLowerCase(Locale.ROOT)));
        }
        callers.put("no session", null);
        DataFingerprint data = new DataFingerprint(hospital.server().database());
        RandomMessages messages = new RandomMessages(SEED, data.someIds());
        List<MethodDescriptor<?, ?>> methods = new ArrayList<>(hospital.server().services().stream()
            .map(ServerServiceDefinition::getMethods).flatMap(java.util.Collection::stream)
            .<MethodDescriptor<?, ?>>map(ServerMethodDefinition::getMethodDescriptor)
            .filter(m -> !m.getFullMethodName().startsWith("grpc.")).toList());
        methods.sort(java.util.Comparator.comparing(m -> LAST.contains(m.getFullMethodName())));
        assertTrue(methods.size() >= 40, methods::toString);

        capture = LogCapture.start();
        List<String> problems = new ArrayList<>();
        Map<Status.Code, Integer> codes = new EnumMap<>(Status.Code.class);
        Set<String> accepted = new java.util.TreeSet<>();
        int calls = 0;
        for (MethodDescriptor<?, ?> method : methods) {
          Message prototype = prototype(method);
          for (Map.Entry<String, String> caller : callers.entrySet()) {
            for (int round = 0; round < ROUNDS; round++) {
              Message request = messages.next(prototype);
              byte[] body = round == ROUNDS - 1 ? messages.damaged(request) : request.toByteArray();
              String before = data.fingerprint();
              RawCalls.Outcome o = RawCalls.send(channel, method, caller.getValue(), body);
              calls++;
              String what = method.getFullMethodName() + " as " + caller.getKey() + " (seed " + SEED + ", round "
                  + round + "): " + o.status() + " for " + shorten(request);
              Status.Code code = o.status().getCode();
              codes.merge(code, 1, Integer::sum);
              if (code == Status.Code.OK || o.answered()) {
                accepted.add(method.getBareMethodName());
              }
              if (code == Status.Code.INTERNAL || code == Status.Code.UNKNOWN || code == Status.Code.DATA_LOSS) {
                problems.add("broke: " + what);
              } else if (code != Status.Code.OK && !o.answered() && !hasErrorInfo(o.status())
                  && !overTransportLimit(code, body)) {
                problems.add("no ErrorInfo: " + what);
              }
              if (code != Status.Code.OK && !o.answered() && !before.equals(data.fingerprint())) {
                problems.add("wrote although refused: " + what);
              }
            }
          }
        }
        System.out.printf("fuzz: %d calls (seed %d, %d rounds): %s; accepted at least once: %s%n", calls, SEED,
            ROUNDS, codes, accepted);
        assertEquals(List.of(), problems, calls + " calls");
        // A fuzzer that only ever meets the front door tests nothing behind it.
        for (Status.Code expected : List.of(Status.Code.OK, Status.Code.INVALID_ARGUMENT,
            Status.Code.PERMISSION_DENIED, Status.Code.UNAUTHENTICATED, Status.Code.NOT_FOUND)) {
          assertTrue(codes.containsKey(expected), "never answered " + expected + ": " + codes);
        }
        assertTrue(accepted.size() >= 15, "accepted by few methods: " + accepted);
        assertEquals(List.of(), capture.stackTraces(), "stack traces in the log");
      } finally {
        if (capture != null) {
          capture.close();
        }
        channel.shutdownNow();
      }
    }
  }

  /** The request type from the service's .proto descriptor (the server's own marshallers are wrapped). */
  private static Message prototype(MethodDescriptor<?, ?> method) {
    if (method.getSchemaDescriptor() instanceof io.grpc.protobuf.ProtoMethodDescriptorSupplier s) {
      return com.google.protobuf.DynamicMessage.getDefaultInstance(s.getMethodDescriptor().getInputType());
    }
    throw new AssertionError(method.getFullMethodName() + " has no protobuf request");
  }

  private static String login(ManagedChannel channel, String user) {
    return AuthServiceGrpc.newBlockingStub(channel).login(LoginRequest.newBuilder().setUsername(user)
        .setPassword(TestHospitalServer.PASSWORD).setWorkstation("fuzz").build()).getSessionToken();
  }

  /**
   * A request over the server's message limit is refused by gRPC itself, before any of the server's code
   * sees it: RESOURCE_EXHAUSTED with gRPC's own description, and no ErrorInfo to carry.
   */
  private static boolean overTransportLimit(Status.Code code, byte[] body) {
    return code == Status.Code.RESOURCE_EXHAUSTED && body.length > HospitalServer.MAX_MESSAGE_BYTES;
  }

  private static boolean hasErrorInfo(Status status) {
    if (!(status.getCause() instanceof StatusRuntimeException e)) {
      return false;
    }
    com.google.rpc.Status details = StatusProto.fromThrowable(e);
    return details != null && details.getDetailsList().stream().anyMatch(a -> a.is(com.google.rpc.ErrorInfo.class));
  }

  private static String shorten(Message m) {
    String text = m.toString().replace('\n', ' ');
    return text.length() <= 300 ? text : text.substring(0, 300) + "...";
  }
}
