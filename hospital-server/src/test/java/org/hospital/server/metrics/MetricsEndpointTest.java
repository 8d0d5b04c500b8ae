package org.hospital.server.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.Context;
import io.grpc.Grpc;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.TlsChannelCredentials;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.TimeUnit;
import org.hospital.proto.auth.v1.AuthServiceGrpc;
import org.hospital.proto.auth.v1.LoginRequest;
import org.hospital.proto.patients.v1.GetPatientRequest;
import org.hospital.proto.patients.v1.PatientServiceGrpc;
import org.hospital.proto.scheduling.v1.SchedulingServiceGrpc;
import org.hospital.proto.scheduling.v1.SubscribeWaitListRequest;
import org.hospital.proto.scheduling.v1.WaitListUpdate;
import org.hospital.server.config.OperationsSettings;
import org.hospital.server.testing.BearerToken;
import org.hospital.server.testing.TestHospitalServer;
import org.junit.jupiter.api.Test;

/**
 * The metrics endpoint of a real server over TLS: real calls from a real client, then {@code /metrics} fetched
 * over HTTP shows them counted and timed by method and status, the live subscribers, the pool and the audit
 * backlog. With metrics off, nothing listens.
 */
class MetricsEndpointTest {

  private static final String LOGIN = AuthServiceGrpc.getLoginMethod().getFullMethodName();
  private static final String GET_PATIENT = PatientServiceGrpc.getGetPatientMethod().getFullMethodName();
  private static final String SUBSCRIBE = SchedulingServiceGrpc.getSubscribeWaitListMethod().getFullMethodName();

  @Test
  void callsAreCountedAndTimedByMethodAndStatus() throws Exception {
    try (TestHospitalServer s = TestHospitalServer.start(
        c -> c.withOperations(c.operations().withMetrics("127.0.0.1", 0)))) {
      int port = s.server().metricsPort().orElseThrow();
      ManagedChannel channel = channel(s);
      try {
        Scrape before = Scrape.fetch(port);
        assertTrue(before.contentType().startsWith("text/plain; version=0.0.4"), before.contentType());
        assertEquals(OptionalDouble.empty(), before.value("grpc_server_calls_total", Map.of("method", LOGIN)),
            "no call yet");

        String token = login(channel);
        PatientServiceGrpc.PatientServiceBlockingStub anonymous = PatientServiceGrpc.newBlockingStub(channel);
        for (int i = 0; i < 2; i++) {
          StatusRuntimeException e = assertThrows(StatusRuntimeException.class,
              () -> anonymous.getPatient(GetPatientRequest.newBuilder().setId(1).build()));
          assertEquals(Status.Code.UNAUTHENTICATED, e.getStatus().getCode());
        }

        Scrape after = Scrape.fetch(port);
        Map<String, String> loginOk = Map.of("method", LOGIN, "status", "OK");
        Map<String, String> refused = Map.of("method", GET_PATIENT, "status", "UNAUTHENTICATED");
        assertEquals(1.0, after.value("grpc_server_calls_total", loginOk).orElseThrow());
        assertEquals(2.0, after.value("grpc_server_calls_total", refused).orElseThrow());
        assertEquals(OptionalDouble.empty(), after.value("grpc_server_calls_total",
            Map.of("method", GET_PATIENT, "status", "OK")));
        assertEquals(1.0, after.value("grpc_server_call_duration_seconds_count", loginOk).orElseThrow());
        assertEquals(2.0, after.value("grpc_server_call_duration_seconds_count", refused).orElseThrow());
        assertEquals(2.0, after.value("grpc_server_call_duration_seconds_bucket",
            withLe(refused, "+Inf")).orElseThrow());
        assertTrue(after.named("grpc_server_call_duration_seconds_bucket").stream()
                .filter(b -> b.labels().get("method").equals(GET_PATIENT)).count() > 10,
            "a histogram with buckets, for quantiles across instances");
        assertTrue(after.value("grpc_server_call_duration_seconds_sum", loginOk).orElseThrow() > 0);

        assertEquals(8.0, after.value("hikaricp_connections_max", Map.of("pool", "hospital-db")).orElseThrow(),
            "the pool as configured (db.pool.size=8)");
        assertTrue(after.value("hikaricp_connections_pending", Map.of("pool", "hospital-db")).isPresent());
        assertEquals(0.0, after.value("hospital_live_subscribers", Map.of("feed", "wait_list")).orElseThrow());
        assertEquals(0.0, after.value("hospital_live_subscribers", Map.of("feed", "schedule")).orElseThrow());
        assertTrue(after.value("hospital_audit_backlog", Map.of()).isPresent());

        liveSubscriberIsCountedWhileOpen(channel, token, port);
      } finally {
        channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
      }
    }
  }

  private static void liveSubscriberIsCountedWhileOpen(ManagedChannel channel, String token, int port)
      throws Exception {
    Map<String, String> waitList = Map.of("feed", "wait_list");
    try (Context.CancellableContext call = Context.current().withCancellation()) {
      Iterator<WaitListUpdate> updates = call.call(() -> SchedulingServiceGrpc.newBlockingStub(channel)
          .withCallCredentials(BearerToken.of(token))
          .subscribeWaitList(SubscribeWaitListRequest.getDefaultInstance()));
      assertTrue(updates.next().hasSnapshot());
      // The server counts the subscriber just after sending the snapshot: wait for it, not for a time.
      assertEquals(1.0, awaitValue(port, "hospital_live_subscribers", waitList, 1.0));
      call.cancel(null);
    }
    assertEquals(0.0, awaitValue(port, "hospital_live_subscribers", waitList, 0.0));
    assertEquals(1.0, awaitValue(port, "grpc_server_calls_total",
        Map.of("method", SUBSCRIBE, "status", "CANCELLED"), 1.0), "the stream ended when the client cancelled");
  }

  @Test
  void withMetricsOffNothingListens() throws Exception {
    int port;
    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = probe.getLocalPort();
    }
    int chosen = port;
    // Everything set but the switch: the port stays closed.
    try (TestHospitalServer s = TestHospitalServer.start(c -> c.withOperations(
        new OperationsSettings(false, "127.0.0.1", chosen,
            c.operations().sessionRetention(), c.operations().backupKeep())))) {
      assertTrue(s.server().metricsPort().isEmpty());
      ManagedChannel channel = channel(s);
      try {
        assertFalse(login(channel).isEmpty(), "the server itself answers");
      } finally {
        channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
      }
      assertThrows(ConnectException.class, () -> {
        try (Socket socket = new Socket()) {
          socket.connect(new InetSocketAddress("127.0.0.1", chosen), 2000);
        }
      });
    }
  }

  @Test
  void aMetricsPortInUseStopsTheStartWithItsName() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      int port = taken.getLocalPort();
      UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> TestHospitalServer.start(
          c -> c.withOperations(c.operations().withMetrics("127.0.0.1", port))).close());
      assertTrue(e.getMessage().contains("metrics on 127.0.0.1:" + port), e.getMessage());
    }
  }

  private static Map<String, String> withLe(Map<String, String> labels, String le) {
    Map<String, String> m = new HashMap<>(labels);
    m.put("le", le);
    return m;
  }

  /** Scrapes until the sample has the value (or 10 s have passed); returns the last value seen. */
  private static double awaitValue(int port, String name, Map<String, String> labels, double wanted)
      throws IOException, InterruptedException {
    Instant giveUp = Instant.now().plus(Duration.ofSeconds(10));
    double seen;
    do {
      seen = Scrape.fetch(port).value(name, labels).orElse(Double.NaN);
      if (seen == wanted) {
        return seen;
      }
      Thread.sleep(50);
    } while (Instant.now().isBefore(giveUp));
    return seen;
  }

  private static ManagedChannel channel(TestHospitalServer s) throws IOException {
    return Grpc.newChannelBuilder(s.target(), TlsChannelCredentials.newBuilder()
        .trustManager(s.caCertificate().toFile()).build()).build();
  }

  private static String login(ManagedChannel channel) {
    return AuthServiceGrpc.newBlockingStub(channel).login(LoginRequest.newBuilder().setUsername("reception")
        .setPassword(TestHospitalServer.PASSWORD).setWorkstation("metrics-test").build()).getSessionToken();
  }
}
