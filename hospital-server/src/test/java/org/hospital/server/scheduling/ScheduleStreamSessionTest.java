package org.hospital.server.scheduling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.time.Duration;
import org.hospital.proto.auth.v1.AuthServiceGrpc;
import org.hospital.proto.auth.v1.LoginRequest;
import org.hospital.proto.scheduling.v1.SchedulingServiceGrpc;
import org.hospital.proto.scheduling.v1.SubscribeScheduleRequest;
import org.hospital.server.testing.BearerToken;
import org.hospital.server.testing.Errors;
import org.hospital.server.testing.TestHospitalServer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** A live stream is no activity: it ends when its session idles out, like the workstation's lock. */
class ScheduleStreamSessionTest {

  @ParameterizedTest
  @MethodSource("org.hospital.server.testing.TestDatabases#kinds")
  void theStreamEndsWhenTheSessionIdlesOut(String kind) throws Exception {
    try (ScheduleHospital h = ScheduleHospital.start(kind, Duration.ofSeconds(3))) {
      String token = AuthServiceGrpc.newBlockingStub(h.channel).login(LoginRequest.newBuilder()
          .setUsername("doctor").setPassword(TestHospitalServer.PASSWORD).setWorkstation("room-4").build())
          .getSessionToken();
      Subscription sub = Subscription.open(SchedulingServiceGrpc.newStub(h.channel)
          .withCallCredentials(BearerToken.of(token)), SubscribeScheduleRequest.getDefaultInstance());
      sub.awaitUpdates(1);
      assertTrue(sub.updates().get(0).hasSnapshot());
      assertEquals(Status.Code.UNAUTHENTICATED, sub.awaitEnd().getCode());
      assertEquals("SESSION_EXPIRED", Errors.info((StatusRuntimeException) sub.error()).getReason());
      assertEquals(0, h.server.server().liveFeeds().feed("schedule").subscriberCount());
    }
  }
}
