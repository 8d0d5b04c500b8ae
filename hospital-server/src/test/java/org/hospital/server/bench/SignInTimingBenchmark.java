package org.hospital.server.bench;

import io.grpc.Grpc;
import io.grpc.ManagedChannel;
import io.grpc.StatusRuntimeException;
import io.grpc.TlsChannelCredentials;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import org.hospital.proto.auth.v1.AuthServiceGrpc;
import org.hospital.proto.auth.v1.LoginRequest;
import org.hospital.server.HospitalServer;
import org.hospital.server.config.ConfigLoader;
import org.hospital.server.config.ServerConfig;

/**
 * What a refused sign-in costs, and whether its time tells a name that exists from one that does not: wrong
 * passwords for the demo accounts against the same number of unknown names, then both again once throttled,
 * interleaved so that drift in the machine falls on both alike. Over TLS on loopback, on H2.
 * Usage: {@code bin/bench signin [attempts per kind, default 300]}.
 */
public final class SignInTimingBenchmark {

  private static final List<String> ACCOUNTS = List.of("reception", "nurse", "doctor", "billing", "admin",
      "supervisor", "dr.okafor", "dr.lindqvist", "dr.moreau", "dr.tanaka", "dr.haddad", "dr.novak", "dr.silva",
      "dr.osei", "dr.kowalski");

  public static void main(String[] args) throws Exception {
    int attempts = args.length > 0 ? Integer.parseInt(args[0]) : 300;
    Path dir = Files.createTempDirectory("hospital-signin-bench");
    // Limits raised so that every attempt below is checked; the throttled rows use names over their limit.
    ServerConfig config = ConfigLoader.load(new String[] {"--data.dir=" + dir, "--port=0", "--bind=127.0.0.1",
        "--demo.data=true", "--demo.patients=0", "--demo.outside.records=false", "--login.throttle.name.free=99", "--login.throttle.name.daily.cap=100",
        "--login.throttle.address.free=99999", "--login.throttle.address.daily.cap=100000"}, Map.of());
    try (HospitalServer server = HospitalServer.start(config, Clock.systemUTC())) {
      ManagedChannel channel = Grpc.newChannelBuilder("localhost:" + server.port(), TlsChannelCredentials
          .newBuilder().trustManager(server.caCertificate().orElseThrow().toFile()).build()).build();
      try {
        var auth = AuthServiceGrpc.newBlockingStub(channel);
        IntFunction<String> known = i -> ACCOUNTS.get(i % ACCOUNTS.size());
        IntFunction<String> unknown = i -> "nobody." + (i % ACCOUNTS.size());
        for (int i = 0; i < 20; i++) { // warm-up
          attempt(auth, "warm.up", "Wrong-Password-1");
        }
        Map<String, LatencyRecorder> rows = new LinkedHashMap<>();
        rows.put("existing name, wrong password", new LatencyRecorder());
        rows.put("unknown name", new LatencyRecorder());
        Map<String, List<String>> answers = new LinkedHashMap<>();
        measure(auth, attempts, known, unknown, rows, answers);
        // push every name over its limit, then measure the throttled answers
        for (int i = 0; i < ACCOUNTS.size() * 100; i++) {
          attempt(auth, known.apply(i), "Wrong-Password-1");
          attempt(auth, unknown.apply(i), "Wrong-Password-1");
        }
        rows.put("existing name, throttled", new LatencyRecorder());
        rows.put("unknown name, throttled", new LatencyRecorder());
        measure(auth, attempts, known, unknown, rows, answers);
        System.out.printf("%d attempts per row, interleaved; %d cores%n%n", attempts,
            Runtime.getRuntime().availableProcessors());
        System.out.println("| attempt | answer | p50 ms | p95 ms |");
        System.out.println("|---|---|---:|---:|");
        for (var e : rows.entrySet()) {
          System.out.printf("| %s | %s | %.1f | %.1f |%n", e.getKey(), answers.get(e.getKey()),
              e.getValue().percentileMillis(50), e.getValue().percentileMillis(95));
        }
      } finally {
        channel.shutdownNow();
      }
    }
  }

  private static void measure(AuthServiceGrpc.AuthServiceBlockingStub auth, int attempts, IntFunction<String> known,
      IntFunction<String> unknown, Map<String, LatencyRecorder> rows, Map<String, List<String>> answers) {
    List<String> keys = new ArrayList<>(rows.keySet()).subList(rows.size() - 2, rows.size());
    for (int i = 0; i < attempts; i++) {
      for (int k = 0; k < 2; k++) {
        String name = (k == 0 ? known : unknown).apply(i);
        long start = System.nanoTime();
        String answer = attempt(auth, name, "Wrong-Password-1");
        rows.get(keys.get(k)).add(System.nanoTime() - start);
        List<String> seen = answers.computeIfAbsent(keys.get(k), x -> new ArrayList<>());
        if (!seen.contains(answer)) {
          seen.add(answer);
        }
      }
    }
  }

  private static String attempt(AuthServiceGrpc.AuthServiceBlockingStub auth, String name, String password) {
    try {
      auth.login(LoginRequest.newBuilder().setUsername(name).setPassword(password).setWorkstation("bench").build());
      return "OK";
    } catch (StatusRuntimeException e) {
      return e.getStatus().getCode().name();
    }
  }
}
