package org.hospital.server.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.ChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.StatusRuntimeException;
import io.grpc.TlsChannelCredentials;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.ArrayList;
import java.util.List;
import org.hospital.proto.auth.v1.AuthServiceGrpc;
import org.hospital.proto.auth.v1.ListSignInThrottlesRequest;
import org.hospital.proto.auth.v1.LoginRequest;
import org.hospital.server.testing.BearerToken;
import org.hospital.server.testing.Errors;
import org.hospital.server.testing.TestHospitalServer;
import org.junit.jupiter.api.Test;

/**
 * The throttle as a stranger meets it: the real server over TLS on loopback, the stranger's client connecting
 * from 127.0.0.2 and the doctor's from 127.0.0.1, as two workstations would.
 */
class SignInThrottleOverTlsTest {

  private static ManagedChannel from(TestHospitalServer hospital, String localAddress) throws IOException {
    ChannelCredentials tls = TlsChannelCredentials.newBuilder().trustManager(hospital.caCertificate().toFile())
        .build();
    return NettyChannelBuilder.forTarget(hospital.target(), tls)
        .localSocketPicker(new NettyChannelBuilder.LocalSocketPicker() {
          @Override
          public SocketAddress createSocketAddress(SocketAddress remote, io.grpc.Attributes attrs) {
            return new InetSocketAddress(localAddress, 0);
          }
        })
        .build();
  }

  private static String attempt(ManagedChannel channel, String user, String password) {
    try {
      AuthServiceGrpc.newBlockingStub(channel).login(LoginRequest.newBuilder().setUsername(user)
          .setPassword(password).setWorkstation("ward-3").build());
      return "OK";
    } catch (StatusRuntimeException e) {
      return e.getStatus().getCode() + " " + Errors.info(e).getReason();
    }
  }

  @Test
  void aStrangerGuessingADoctorsPasswordIsSlowedWhileTheDoctorSignsInAtHerDesk() throws Exception {
    try (TestHospitalServer hospital = TestHospitalServer.start(0, java.time.Duration.ofMinutes(15))) {
      ManagedChannel stranger = from(hospital, "127.0.0.2");
      ManagedChannel desk = from(hospital, "127.0.0.1");
      try {
        List<String> doctor = new ArrayList<>();
        List<String> nobody = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
          doctor.add(attempt(stranger, "doctor", "Guess-" + i + "-xx"));
          nobody.add(attempt(stranger, "no.such.doctor", "Guess-" + i + "-xx"));
        }
        assertEquals(doctor, nobody, "the answers do not tell which name exists");
        assertEquals(List.of("UNAUTHENTICATED BAD_CREDENTIALS", "UNAUTHENTICATED BAD_CREDENTIALS",
            "UNAUTHENTICATED BAD_CREDENTIALS", "RESOURCE_EXHAUSTED SIGN_IN_THROTTLED",
            "RESOURCE_EXHAUSTED SIGN_IN_THROTTLED"), doctor);
        assertEquals("RESOURCE_EXHAUSTED SIGN_IN_THROTTLED", attempt(stranger, "doctor", TestHospitalServer.PASSWORD),
            "the stranger cannot slip the right password in between");
        assertEquals("OK", attempt(desk, "doctor", TestHospitalServer.PASSWORD), "no lock at her own desk");

        String admin = AuthServiceGrpc.newBlockingStub(desk).login(LoginRequest.newBuilder().setUsername("admin")
            .setPassword(TestHospitalServer.PASSWORD).build()).getSessionToken();
        var throttles = AuthServiceGrpc.newBlockingStub(desk).withCallCredentials(BearerToken.of(admin))
            .listSignInThrottles(ListSignInThrottlesRequest.getDefaultInstance()).getThrottlesList();
        assertTrue(throttles.stream().anyMatch(t -> t.getUsername().equals("doctor")
            && t.getAddress().equals("127.0.0.2") && t.getFailures() == 3), throttles.toString());
        assertTrue(throttles.stream().noneMatch(t -> t.getAddress().equals("127.0.0.1")), throttles.toString());
      } finally {
        stranger.shutdownNow();
        desk.shutdownNow();
      }
    }
  }
}
