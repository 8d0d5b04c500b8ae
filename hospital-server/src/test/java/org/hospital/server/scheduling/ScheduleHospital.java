package org.hospital.server.scheduling;

import com.google.protobuf.Timestamp;
import io.grpc.Grpc;
import io.grpc.ManagedChannel;
import io.grpc.TlsChannelCredentials;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.hospital.proto.auth.v1.AuthServiceGrpc;
import org.hospital.proto.auth.v1.LoginRequest;
import org.hospital.proto.common.v1.Date;
import org.hospital.proto.scheduling.v1.Appointment;
import org.hospital.proto.scheduling.v1.BookAppointmentRequest;
import org.hospital.proto.scheduling.v1.Clinician;
import org.hospital.proto.scheduling.v1.FindFreeSlotsRequest;
import org.hospital.proto.scheduling.v1.ListCliniciansRequest;
import org.hospital.proto.scheduling.v1.ListCliniciansResponse;
import org.hospital.proto.scheduling.v1.ListSlotsRequest;
import org.hospital.proto.scheduling.v1.SchedulingServiceGrpc;
import org.hospital.proto.scheduling.v1.Slot;
import org.hospital.proto.scheduling.v1.VisitType;
import org.hospital.server.testing.BearerToken;
import org.hospital.server.testing.TestHospitalServer;

/**
 * The whole server (TLS, real sign-in, demo staff, doctors with weekly templates and some demo patients and
 * appointments for the coming week) on H2 or PostgreSQL, with helpers to call scheduling as a given user.
 * Tests book on days after the demo appointments ({@link #freeWeekday}), so they control what is there.
 */
final class ScheduleHospital implements AutoCloseable {

  static final int DEMO_PATIENTS = 60;

  final TestHospitalServer server;
  final ManagedChannel channel;
  final ZoneId zone;
  final List<Clinician> clinicians;
  /** The demo patients' ids, in the order they were registered; tests name a patient by its index here. */
  final List<Long> patients;
  private final Map<String, String> tokens = new ConcurrentHashMap<>();

  private ScheduleHospital(TestHospitalServer server) {
    this.server = server;
    try {
      this.channel = Grpc.newChannelBuilder(server.target(), TlsChannelCredentials.newBuilder()
          .trustManager(server.caCertificate().toFile()).build()).build();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ListCliniciansResponse r = as("reception").listClinicians(ListCliniciansRequest.getDefaultInstance());
    this.zone = ZoneId.of(r.getTimeZone());
    this.clinicians = r.getCliniciansList();
    this.patients = patientIds();
  }

  /** The same hospital through another server instance on its database. */
  ScheduleHospital secondInstance() {
    TestHospitalServer b = server.secondInstance();
    try {
      return new ScheduleHospital(b);
    } catch (RuntimeException e) {
      b.close();
      throw e;
    }
  }

  static ScheduleHospital start(String kind) {
    return start(kind, Duration.ofMinutes(15));
  }

  static ScheduleHospital start(String kind, Duration idleTimeout) {
    TestHospitalServer s = TestHospitalServer.start(kind, DEMO_PATIENTS, idleTimeout);
    try {
      return new ScheduleHospital(s);
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

  /**
   * Puts the server's clock at {@code now} (it runs on from there), and signs everyone in again: a jump of days
   * would otherwise end their sessions as idle.
   */
  void clockAt(Instant now) {
    server.clock().shiftTo(now);
    tokens.clear();
  }

  /** The server's clock back to the system's. */
  void resetClock() {
    server.clock().reset();
    tokens.clear();
  }

  SchedulingServiceGrpc.SchedulingServiceBlockingStub as(String user) {
    return SchedulingServiceGrpc.newBlockingStub(channel).withCallCredentials(BearerToken.of(token(user)));
  }

  SchedulingServiceGrpc.SchedulingServiceStub asyncAs(String user) {
    return SchedulingServiceGrpc.newStub(channel).withCallCredentials(BearerToken.of(token(user)));
  }

  long clinicianId(String displayName) {
    return clinicians.stream().filter(c -> c.getDisplayName().equals(displayName)).findFirst().orElseThrow()
        .getId();
  }

  /** A Monday-to-Friday date at least {@code minDaysAhead} after today and past the demo appointments. */
  LocalDate freeWeekday(int minDaysAhead) {
    LocalDate d = LocalDate.now(zone).plusDays(Math.max(minDaysAhead, 8));
    while (d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY) {
      d = d.plusDays(1);
    }
    return d;
  }

  Instant at(LocalDate day, int hour, int minute) {
    return day.atTime(LocalTime.of(hour, minute)).atZone(zone).toInstant();
  }

  static Timestamp ts(Instant i) {
    return Timestamp.newBuilder().setSeconds(i.getEpochSecond()).setNanos(i.getNano()).build();
  }

  static Date date(LocalDate d) {
    return Date.newBuilder().setYear(d.getYear()).setMonth(d.getMonthValue()).setDay(d.getDayOfMonth()).build();
  }

  static String key() {
    return UUID.randomUUID().toString();
  }

  BookAppointmentRequest.Builder booking(long clinicianId, long patientId, Instant start) {
    return BookAppointmentRequest.newBuilder().setIdempotencyKey(key()).setClinicianId(clinicianId)
        .setPatientId(patientId).setStart(ts(start)).setVisitType(VisitType.FOLLOW_UP).setReason("Check-up");
  }

  /** Books demo patient number {@code patientIndex} at the front desk. */
  Appointment book(long clinicianId, int patientIndex, Instant start) {
    return as("reception").bookAppointment(booking(clinicianId, patients.get(patientIndex), start).build())
        .getAppointment();
  }

  /** The slots of a clinician's day as the front desk lists them, free and taken. */
  List<Slot> slots(long clinicianId, LocalDate day) {
    return as("reception").listSlots(ListSlotsRequest.newBuilder().addClinicianIds(clinicianId)
        .setFrom(date(day)).setTo(date(day)).build()).getSlotsList();
  }

  /** The first free slot of a clinician's day, as the free-slot finder offers it. */
  Instant firstFreeSlot(long clinicianId, LocalDate day) {
    var s = as("reception").findFreeSlots(FindFreeSlotsRequest.newBuilder().setClinicianId(clinicianId)
        .setFrom(date(day)).setTo(date(day)).setMaxResults(1).build()).getSlots(0).getStart();
    return Instant.ofEpochSecond(s.getSeconds(), s.getNanos());
  }

  private List<Long> patientIds() {
    List<Long> ids = new ArrayList<>();
    query("SELECT id FROM patient ORDER BY id", rs -> ids.add(rs.getLong(1)));
    return ids;
  }

  long count(String sql) {
    long[] n = new long[1];
    query(sql, rs -> n[0] = rs.getLong(1));
    return n[0];
  }

  /** Changes rows behind the server's back, for states the RPCs cannot reach (an exception in the past). */
  void execute(String sql) {
    try (Connection c = server.server().database().dataSource().getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  interface Row {
    void accept(ResultSet rs) throws SQLException;
  }

  void query(String sql, Row row) {
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
