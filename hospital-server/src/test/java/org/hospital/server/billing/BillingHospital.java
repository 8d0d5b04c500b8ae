package org.hospital.server.billing;

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
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.hospital.proto.auth.v1.AuthServiceGrpc;
import org.hospital.proto.auth.v1.LoginRequest;
import org.hospital.proto.billing.v1.BillingServiceGrpc;
import org.hospital.proto.scheduling.v1.Appointment;
import org.hospital.proto.scheduling.v1.AppointmentStatus;
import org.hospital.proto.scheduling.v1.CheckInRequest;
import org.hospital.proto.scheduling.v1.ListCliniciansRequest;
import org.hospital.proto.scheduling.v1.SchedulingServiceGrpc;
import org.hospital.proto.scheduling.v1.UpdateAppointmentStatusRequest;
import org.hospital.proto.scheduling.v1.VisitType;
import org.hospital.proto.scheduling.v1.WalkIn;
import org.hospital.server.testing.BearerToken;
import org.hospital.server.testing.TestHospitalServer;

/** The whole server with demo staff, patients and prices, and helpers to run a consultation and to bill. */
final class BillingHospital implements AutoCloseable {

  final TestHospitalServer server;
  final ManagedChannel channel;
  final List<Long> patients;
  final long doctorId;
  private final Map<String, String> tokens = new ConcurrentHashMap<>();

  private BillingHospital(TestHospitalServer server) {
    this.server = server;
    try {
      this.channel = Grpc.newChannelBuilder(server.target(), TlsChannelCredentials.newBuilder()
          .trustManager(server.caCertificate().toFile()).build()).build();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    this.doctorId = scheduling("reception").listClinicians(ListCliniciansRequest.getDefaultInstance())
        .getCliniciansList().stream().filter(c -> c.getDisplayName().equals("Dr. Daniel Doctor")).findFirst()
        .orElseThrow().getId();
    this.patients = ids("SELECT id FROM patient ORDER BY id");
  }

  static BillingHospital start(String kind, int patients) {
    TestHospitalServer s = TestHospitalServer.start(kind, patients, Duration.ofMinutes(15));
    try {
      return new BillingHospital(s);
    } catch (RuntimeException e) {
      s.close();
      throw e;
    }
  }

  String token(String user) {
    return tokens.computeIfAbsent(user, u -> AuthServiceGrpc.newBlockingStub(channel).login(LoginRequest
        .newBuilder().setUsername(u).setPassword(TestHospitalServer.PASSWORD).setWorkstation("desk-" + u)
        .build()).getSessionToken());
  }

  BillingServiceGrpc.BillingServiceBlockingStub billing(String user) {
    return BillingServiceGrpc.newBlockingStub(channel).withCallCredentials(BearerToken.of(token(user)))
        .withDeadlineAfter(60, TimeUnit.SECONDS);
  }

  SchedulingServiceGrpc.SchedulingServiceBlockingStub scheduling(String user) {
    return SchedulingServiceGrpc.newBlockingStub(channel).withCallCredentials(BearerToken.of(token(user)))
        .withDeadlineAfter(60, TimeUnit.SECONDS);
  }

  /** A walk-in of the patient seen and completed by the demo doctor; the completed appointment. */
  Appointment consultation(long patientId, VisitType type) {
    Appointment a = scheduling("reception").checkIn(CheckInRequest.newBuilder().setIdempotencyKey(key())
        .setWalkIn(WalkIn.newBuilder().setPatientId(patientId).setClinicianId(doctorId).setVisitType(type)
            .setReason("Billing test"))
        .build()).getAppointment();
    a = move(a, AppointmentStatus.IN_CONSULTATION);
    return move(a, AppointmentStatus.COMPLETED);
  }

  private Appointment move(Appointment a, AppointmentStatus to) {
    return scheduling("doctor").updateAppointmentStatus(UpdateAppointmentStatusRequest.newBuilder()
        .setAppointmentId(a.getId()).setExpectedVersion(a.getVersion()).setStatus(to).build()).getAppointment();
  }

  static String key() {
    return UUID.randomUUID().toString();
  }

  long count(String sql, Object... args) {
    try (Connection c = server.server().database().dataSource().getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        ps.setObject(i + 1, args[i]);
      }
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
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

  @Override
  public void close() {
    channel.shutdownNow();
    server.close();
  }
}
