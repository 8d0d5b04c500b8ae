package org.hospital.server.clinical.chart;

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
import org.hospital.proto.auth.v1.AuthServiceGrpc;
import org.hospital.proto.auth.v1.LoginRequest;
import org.hospital.proto.clinical.v1.ChartServiceGrpc;
import org.hospital.proto.clinical.v1.MedicationServiceGrpc;
import org.hospital.proto.scheduling.v1.SchedulingServiceGrpc;
import org.hospital.server.testing.BearerToken;
import org.hospital.server.testing.TestHospitalServer;

/** The whole server with demo data on H2 or PostgreSQL, and the chart as a given demo user calls it. */
public final class ChartHospital implements AutoCloseable {

  public final TestHospitalServer server;
  public final ManagedChannel channel;
  /** The demo patients' ids in registration order. */
  public final List<Long> patients = new ArrayList<>();
  private final Map<String, String> tokens = new ConcurrentHashMap<>();

  private ChartHospital(TestHospitalServer server) {
    this.server = server;
    try {
      this.channel = Grpc.newChannelBuilder(server.target(), TlsChannelCredentials.newBuilder()
          .trustManager(server.caCertificate().toFile()).build()).build();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    query("SELECT id FROM patient ORDER BY id", rs -> patients.add(rs.getLong(1)));
  }

  public static ChartHospital start(String kind) {
    TestHospitalServer s = TestHospitalServer.start(kind, 40, Duration.ofMinutes(15));
    try {
      return new ChartHospital(s);
    } catch (RuntimeException e) {
      s.close();
      throw e;
    }
  }

  /** With no generated patients, and the demo's outside records (the Synthea patients and their charts). */
  public static ChartHospital withOutsideRecords(String kind) {
    TestHospitalServer s = TestHospitalServer.start(kind, 0, Duration.ofMinutes(15), true);
    try {
      return new ChartHospital(s);
    } catch (RuntimeException e) {
      s.close();
      throw e;
    }
  }

  public String token(String user) {
    return tokens.computeIfAbsent(user, u -> AuthServiceGrpc.newBlockingStub(channel).login(LoginRequest
        .newBuilder().setUsername(u).setPassword(TestHospitalServer.PASSWORD).setWorkstation("ward-" + u)
        .build()).getSessionToken());
  }

  public ChartServiceGrpc.ChartServiceBlockingStub chart(String user) {
    return ChartServiceGrpc.newBlockingStub(channel).withCallCredentials(BearerToken.of(token(user)));
  }

  public MedicationServiceGrpc.MedicationServiceBlockingStub medication(String user) {
    return MedicationServiceGrpc.newBlockingStub(channel).withCallCredentials(BearerToken.of(token(user)));
  }

  public SchedulingServiceGrpc.SchedulingServiceBlockingStub scheduling(String user) {
    return SchedulingServiceGrpc.newBlockingStub(channel).withCallCredentials(BearerToken.of(token(user)));
  }

  public static String key() {
    return UUID.randomUUID().toString();
  }

  public long count(String sql) {
    long[] n = new long[1];
    query(sql, rs -> n[0] = rs.getLong(1));
    return n[0];
  }

  /** Rows of every chart table, to show that a refused request wrote nothing. */
  public long chartRows() {
    return count("SELECT (SELECT COUNT(*) FROM encounter) + (SELECT COUNT(*) FROM clinical_note)"
        + " + (SELECT COUNT(*) FROM note_addendum) + (SELECT COUNT(*) FROM problem)"
        + " + (SELECT COUNT(*) FROM encounter_diagnosis) + (SELECT COUNT(*) FROM allergy)"
        + " + (SELECT COUNT(*) FROM allergy_statement) + (SELECT COUNT(*) FROM prescription)"
        + " + (SELECT COUNT(*) FROM prescription_override) + (SELECT COUNT(*) FROM formulary_product)");
  }

  public interface Row {
    void accept(ResultSet rs) throws SQLException;
  }

  /** Runs a statement behind the server's back (a death recorded by another system). */
  public void update(String sql) {
    try (Connection c = server.server().database().dataSource().getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  public void query(String sql, Row row) {
    try (Connection c = server.server().database().dataSource().getConnection();
        PreparedStatement ps = c.prepareStatement(sql);
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        row.accept(rs);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    channel.shutdownNow();
    server.close();
  }
}
