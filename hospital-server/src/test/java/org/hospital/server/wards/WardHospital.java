package org.hospital.server.wards;

import io.grpc.Grpc;
import io.grpc.ManagedChannel;
import io.grpc.TlsChannelCredentials;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.hospital.proto.auth.v1.AuthServiceGrpc;
import org.hospital.proto.auth.v1.LoginRequest;
import org.hospital.proto.wards.v1.AdmitPatientRequest;
import org.hospital.proto.wards.v1.Stay;
import org.hospital.proto.wards.v1.WardServiceGrpc;
import org.hospital.server.testing.BearerToken;
import org.hospital.server.testing.TestHospitalServer;

/**
 * The whole server with its demo wards (six wards, a few patients in beds) on H2 or PostgreSQL, with helpers
 * to call the wards as a given user and to find free beds and patients not in one.
 */
final class WardHospital implements AutoCloseable {

  static final int DEMO_PATIENTS = 80;

  final TestHospitalServer server;
  final ManagedChannel channel;
  final long doctorId;
  private final Map<String, String> tokens = new ConcurrentHashMap<>();

  private WardHospital(TestHospitalServer server) {
    this.server = server;
    try {
      this.channel = Grpc.newChannelBuilder(server.target(), TlsChannelCredentials.newBuilder()
          .trustManager(server.caCertificate().toFile()).build()).build();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    this.doctorId = ids("SELECT id FROM staff_account WHERE username = 'doctor'").getFirst();
  }

  static WardHospital start(String kind) {
    TestHospitalServer s = TestHospitalServer.start(kind, DEMO_PATIENTS, Duration.ofMinutes(15));
    try {
      return new WardHospital(s);
    } catch (RuntimeException e) {
      s.close();
      throw e;
    }
  }

  String token(String user) {
    return tokens.computeIfAbsent(user, u -> AuthServiceGrpc.newBlockingStub(channel).login(LoginRequest
        .newBuilder().setUsername(u).setPassword(TestHospitalServer.PASSWORD).setWorkstation("ward-" + u)
        .build()).getSessionToken());
  }

  WardServiceGrpc.WardServiceBlockingStub as(String user) {
    return WardServiceGrpc.newBlockingStub(channel).withCallCredentials(BearerToken.of(token(user)));
  }

  WardServiceGrpc.WardServiceStub asyncAs(String user) {
    return WardServiceGrpc.newStub(channel).withCallCredentials(BearerToken.of(token(user)));
  }

  /** Free beds, in id order. */
  List<Long> freeBeds() {
    return ids("SELECT id FROM bed WHERE state = 'FREE' ORDER BY id");
  }

  /** Patients in no bed now, in id order. */
  List<Long> patientsNotInABed() {
    return ids("SELECT id FROM patient WHERE id NOT IN (SELECT patient_id FROM bed_occupancy) ORDER BY id");
  }

  long bedVersion(long bedId) {
    return count("SELECT version FROM bed WHERE id = " + bedId);
  }

  Stay admit(String user, long patientId, long bedId) {
    return as(user).admitPatient(AdmitPatientRequest.newBuilder().setPatientId(patientId).setBedId(bedId)
        .setAdmittingDoctorId(doctorId).setReason("Community-acquired pneumonia").build());
  }

  List<Long> ids(String sql) {
    List<Long> out = new ArrayList<>();
    try (Connection c = server.server().database().dataSource().getConnection();
        PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.add(rs.getLong(1));
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return out;
  }

  /** The first column of the first row, as text. */
  String text(String sql) {
    try (Connection c = server.server().database().dataSource().getConnection();
        PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getString(1);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  long count(String sql) {
    return ids(sql).getFirst();
  }

  /** Runs a statement behind the server's back; returns the SQLException it raised, or null. */
  SQLException tryExecute(String sql) {
    try (Connection c = server.server().database().dataSource().getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.executeUpdate();
      return null;
    } catch (SQLException e) {
      return e;
    }
  }

  @Override
  public void close() {
    channel.shutdownNow();
    server.close();
  }
}
