package org.hospital.server.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.Grpc;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.TlsChannelCredentials;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;
import org.hospital.proto.auth.v1.AuthServiceGrpc;
import org.hospital.proto.auth.v1.LoginRequest;
import org.hospital.proto.common.v1.Date;
import org.hospital.proto.reports.v1.PdfDocument;
import org.hospital.proto.reports.v1.PrintDayListRequest;
import org.hospital.proto.reports.v1.ReportServiceGrpc;
import org.hospital.proto.scheduling.v1.Clinician;
import org.hospital.proto.scheduling.v1.ListCliniciansRequest;
import org.hospital.proto.scheduling.v1.ListCliniciansResponse;
import org.hospital.proto.scheduling.v1.SchedulingServiceGrpc;
import org.hospital.server.testing.BearerToken;
import org.hospital.server.testing.Errors;
import org.hospital.server.testing.TestHospitalServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The printed day list through the real server, on the demo clinic's appointments. */
class DayListRpcTest {

  private static TestHospitalServer server;
  private static ManagedChannel channel;

  @BeforeAll
  static void start() throws IOException {
    server = TestHospitalServer.start(200, java.time.Duration.ofMinutes(15));
    channel = Grpc.newChannelBuilder(server.target(), TlsChannelCredentials.newBuilder()
        .trustManager(server.caCertificate().toFile()).build()).build();
  }

  @AfterAll
  static void stop() throws InterruptedException {
    channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    server.close();
  }

  @Test
  void listsTheDaysStandingAppointmentsAndAuditsEachPatient() throws Exception {
    ListCliniciansResponse clinic = SchedulingServiceGrpc.newBlockingStub(channel)
        .withCallCredentials(BearerToken.of(login("reception"))).listClinicians(ListCliniciansRequest.getDefaultInstance());
    ZoneId zone = ZoneId.of(clinic.getTimeZone());
    Clinician doctor = clinic.getCliniciansList().stream().filter(c -> c.getDisplayName().equals("Dr. Daniel Doctor"))
        .findFirst().orElseThrow();
    LocalDate day = busiestDay(doctor.getId(), zone);
    long standing = count("SELECT COUNT(*) FROM appointment WHERE clinician_id = ? AND start_at >= ? AND start_at < ?"
        + " AND status NOT IN ('CANCELLED', 'RESCHEDULED')", doctor.getId(), day, zone);
    long auditedBefore = audited(day);

    PdfDocument pdf = stub("reception").printDayList(PrintDayListRequest.newBuilder()
        .setClinicianId(doctor.getId()).setDay(date(day)).build());

    assertTrue(standing > 0, "the demo clinic has appointments on " + day);
    assertEquals("%PDF", pdf.getContent().substring(0, 4).toString(StandardCharsets.US_ASCII));
    assertEquals("day-list-doctor-" + day + ".pdf", pdf.getFileName());
    assertTrue(pdf.getPages() >= 1);
    assertEquals(standing, audited(day) - auditedBefore, "one audited read per listed patient");
    Path out = Path.of("target", "reports");
    Files.createDirectories(out);
    Files.write(out.resolve("day-list-demo.pdf"), pdf.getContent().toByteArray());
  }

  @Test
  void refusesBadInputUnknownCliniciansAndBillingStaff() {
    StatusRuntimeException missing = assertThrows(StatusRuntimeException.class,
        () -> stub("reception").printDayList(PrintDayListRequest.getDefaultInstance()));
    assertEquals(Status.Code.INVALID_ARGUMENT, missing.getStatus().getCode());
    assertEquals("REQUIRED", Errors.violations(missing).get("clinician_id"));
    assertEquals("REQUIRED", Errors.violations(missing).get("day"));

    StatusRuntimeException impossible = assertThrows(StatusRuntimeException.class,
        () -> stub("reception").printDayList(PrintDayListRequest.newBuilder().setClinicianId(1)
            .setDay(Date.newBuilder().setYear(2026).setMonth(2).setDay(30)).build()));
    assertEquals("INVALID_DATE", Errors.violations(impossible).get("day"));

    StatusRuntimeException unknown = assertThrows(StatusRuntimeException.class,
        () -> stub("reception").printDayList(PrintDayListRequest.newBuilder().setClinicianId(987_654_321L)
            .setDay(date(LocalDate.now())).build()));
    assertEquals(Status.Code.NOT_FOUND, unknown.getStatus().getCode());

    StatusRuntimeException billing = assertThrows(StatusRuntimeException.class,
        () -> stub("billing").printDayList(PrintDayListRequest.newBuilder().setClinicianId(1)
            .setDay(date(LocalDate.now())).build()));
    assertEquals(Status.Code.PERMISSION_DENIED, billing.getStatus().getCode());
  }

  private static ReportServiceGrpc.ReportServiceBlockingStub stub(String user) {
    return ReportServiceGrpc.newBlockingStub(channel).withCallCredentials(BearerToken.of(login(user)))
        .withDeadlineAfter(20, TimeUnit.SECONDS);
  }

  private static String login(String user) {
    return AuthServiceGrpc.newBlockingStub(channel).login(LoginRequest.newBuilder().setUsername(user)
        .setPassword(TestHospitalServer.PASSWORD).setWorkstation("test").build()).getSessionToken();
  }

  private static LocalDate busiestDay(long clinician, ZoneId zone) throws SQLException {
    LocalDate best = LocalDate.now(zone);
    long most = -1;
    for (int i = 0; i < 7; i++) {
      LocalDate d = LocalDate.now(zone).plusDays(i);
      long n = count("SELECT COUNT(*) FROM appointment WHERE clinician_id = ? AND start_at >= ? AND start_at < ?",
          clinician, d, zone);
      if (n > most) {
        most = n;
        best = d;
      }
    }
    return best;
  }

  private static long count(String sql, long clinician, LocalDate day, ZoneId zone) throws SQLException {
    try (Connection c = server.server().database().dataSource().getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setLong(1, clinician);
      ps.setObject(2, day.atStartOfDay(zone).toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC));
      ps.setObject(3, day.plusDays(1).atStartOfDay(zone).toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC));
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  private static long audited(LocalDate day) throws SQLException {
    try (Connection c = server.server().database().dataSource().getConnection();
        PreparedStatement ps = c.prepareStatement(
            "SELECT COUNT(*) FROM audit_entry WHERE action = 'PATIENT_READ' AND detail LIKE ?")) {
      ps.setString(1, "day list " + day + "%");
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  private static Date date(LocalDate d) {
    return Date.newBuilder().setYear(d.getYear()).setMonth(d.getMonthValue()).setDay(d.getDayOfMonth()).build();
  }
}
