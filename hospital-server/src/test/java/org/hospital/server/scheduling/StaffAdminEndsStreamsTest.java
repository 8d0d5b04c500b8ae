package org.hospital.server.scheduling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.time.Duration;
import org.hospital.proto.auth.v1.AuthServiceGrpc;
import org.hospital.proto.auth.v1.EndStaffSessionsRequest;
import org.hospital.proto.auth.v1.LoginRequest;
import org.hospital.proto.auth.v1.LoginResponse;
import org.hospital.proto.auth.v1.StaffAdminServiceGrpc;
import org.hospital.proto.scheduling.v1.SchedulingServiceGrpc;
import org.hospital.proto.scheduling.v1.SubscribeScheduleRequest;
import org.hospital.server.testing.BearerToken;
import org.hospital.server.testing.Errors;
import org.hospital.server.testing.TestHospitalServer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** An administrator ending a user's sessions ends the user's live streams too, on the whole server. */
class StaffAdminEndsStreamsTest {

  @ParameterizedTest
  @MethodSource("org.hospital.server.testing.TestDatabases#kinds")
  void theStreamEndsWhenAnAdministratorEndsTheSessions(String kind) throws Exception {
    try (ScheduleHospital h = ScheduleHospital.start(kind, Duration.ofMinutes(15))) {
      LoginResponse doctor = login(h, "doctor");
      Subscription sub = Subscription.open(SchedulingServiceGrpc.newStub(h.channel)
          .withCallCredentials(BearerToken.of(doctor.getSessionToken())),
          SubscribeScheduleRequest.getDefaultInstance());
      sub.awaitUpdates(1);
      assertTrue(sub.updates().get(0).hasSnapshot());

      String admin = login(h, "admin").getSessionToken();
      assertEquals(1, StaffAdminServiceGrpc.newBlockingStub(h.channel).withCallCredentials(BearerToken.of(admin))
          .endStaffSessions(EndStaffSessionsRequest.newBuilder().setStaffId(doctor.getUser().getStaffId()).build())
          .getEnded());
      assertEquals(Status.Code.UNAUTHENTICATED, sub.awaitEnd().getCode());
      assertEquals("SESSION_EXPIRED", Errors.info((StatusRuntimeException) sub.error()).getReason());
    }
  }

  private static LoginResponse login(ScheduleHospital h, String user) {
    return AuthServiceGrpc.newBlockingStub(h.channel).login(LoginRequest.newBuilder().setUsername(user)
        .setPassword(TestHospitalServer.PASSWORD).setWorkstation("room-4").build());
  }
}
