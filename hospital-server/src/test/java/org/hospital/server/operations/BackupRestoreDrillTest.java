package org.hospital.server.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.Grpc;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.TlsChannelCredentials;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hospital.proto.audit.v1.AuditServiceGrpc;
import org.hospital.proto.audit.v1.VerifyAuditChainRequest;
import org.hospital.proto.auth.v1.AuthServiceGrpc;
import org.hospital.proto.auth.v1.LoginRequest;
import org.hospital.proto.common.v1.Date;
import org.hospital.proto.operations.v1.CreateBackupRequest;
import org.hospital.proto.operations.v1.CreateBackupResponse;
import org.hospital.proto.operations.v1.OperationsServiceGrpc;
import org.hospital.proto.patients.v1.GetPatientRequest;
import org.hospital.proto.patients.v1.Patient;
import org.hospital.proto.patients.v1.PatientServiceGrpc;
import org.hospital.proto.scheduling.v1.BookAppointmentRequest;
import org.hospital.proto.scheduling.v1.FindFreeSlotsRequest;
import org.hospital.proto.scheduling.v1.ListCliniciansRequest;
import org.hospital.proto.scheduling.v1.ListSlotsRequest;
import org.hospital.proto.scheduling.v1.SchedulingServiceGrpc;
import org.hospital.proto.scheduling.v1.Slot;
import org.hospital.proto.scheduling.v1.VisitType;
import org.hospital.server.config.ConfigLoader;
import org.hospital.server.config.ServerConfig;
import org.hospital.server.testing.BearerToken;
import org.hospital.server.testing.TestDatabases;
import org.hospital.server.testing.TestHospitalServer;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The backup drill, on H2 and PostgreSQL: a hospital's data (patients, appointments, the audit entries they
 * made); an online backup through CreateBackup while the server runs; one more booking after it; the server
 * gone; a damaged copy and a non-empty target refused without writing; the backup restored into an empty
 * target; then the audit chain verifies, ends where the backup said, and a server started on it gives the
 * same answers as before the backup, without the later booking.
 */
class BackupRestoreDrillTest {

  @TempDir
  Path work;

  /** What the server answered: the patients, and the clinician's slots over the booked days. */
  record Answers(List<Patient> patients, List<Slot> slots) {}

  private record Calls(ManagedChannel channel, String reception, String admin) {
    SchedulingServiceGrpc.SchedulingServiceBlockingStub scheduling() {
      return SchedulingServiceGrpc.newBlockingStub(channel).withCallCredentials(BearerToken.of(reception));
    }
  }

  private static Calls signIn(TestHospitalServer s) throws Exception {
    ManagedChannel channel = Grpc.newChannelBuilder(s.target(), TlsChannelCredentials.newBuilder()
        .trustManager(s.caCertificate().toFile()).build()).build();
    return new Calls(channel, login(channel, "reception"), login(channel, "admin"));
  }

  private static String login(ManagedChannel channel, String user) {
    return AuthServiceGrpc.newBlockingStub(channel).login(LoginRequest.newBuilder().setUsername(user)
        .setPassword(TestHospitalServer.PASSWORD).setWorkstation("drill").build()).getSessionToken();
  }

  private static Date date(LocalDate d) {
    return Date.newBuilder().setYear(d.getYear()).setMonth(d.getMonthValue()).setDay(d.getDayOfMonth()).build();
  }

  private static Answers answers(Calls c, List<Long> patients, long clinician, LocalDate from) {
    List<Patient> shown = new ArrayList<>();
    for (long id : patients) {
      shown.add(PatientServiceGrpc.newBlockingStub(c.channel()).withCallCredentials(BearerToken.of(c.reception()))
          .getPatient(GetPatientRequest.newBuilder().setId(id).build()).getPatient());
    }
    List<Slot> slots = c.scheduling().listSlots(ListSlotsRequest.newBuilder().addClinicianIds(clinician)
        .setFrom(date(from)).setTo(date(from.plusDays(14))).build()).getSlotsList();
    return new Answers(shown, slots);
  }

  private static List<Long> patients(TestHospitalServer s) throws Exception {
    List<Long> ids = new ArrayList<>();
    try (Connection c = s.server().database().dataSource().getConnection();
        ResultSet rs = c.createStatement().executeQuery("SELECT id FROM patient ORDER BY id FETCH FIRST 6 ROWS ONLY")) {
      while (rs.next()) {
        ids.add(rs.getLong(1));
      }
    }
    return ids;
  }

  private static BookAppointmentRequest booking(long clinician, long patient, Slot slot) {
    return BookAppointmentRequest.newBuilder().setIdempotencyKey(UUID.randomUUID().toString())
        .setClinicianId(clinician).setPatientId(patient).setStart(slot.getStart())
        .setVisitType(VisitType.FOLLOW_UP).setReason("Drill").build();
  }

  private static Path damagedCopy(Path backup, Path to, String file) throws Exception {
    BackupFiles.copyTree(backup, to);
    Path f = to.resolve(file);
    byte[] bytes = Files.readAllBytes(f);
    bytes[bytes.length / 2] ^= 0x5a;
    Files.write(f, bytes);
    return to;
  }

  @ParameterizedTest
  @MethodSource("org.hospital.server.testing.TestDatabases#kinds")
  void aRestoredBackupVerifiesAndServesTheSameAnswers(String kind) throws Exception {
    TestHospitalServer original = TestHospitalServer.start(kind, 12, Duration.ofMinutes(15));
    Path backupDir;
    Answers before;
    List<Long> patients;
    long clinician;
    LocalDate from;
    CreateBackupResponse backup;
    try {
      Calls c = signIn(original);
      try {
        patients = patients(original);
        ZoneId zone = ZoneId.of(c.scheduling().listClinicians(ListCliniciansRequest.getDefaultInstance())
            .getTimeZone());
        clinician = c.scheduling().listClinicians(ListCliniciansRequest.getDefaultInstance()).getClinicians(0)
            .getId();
        from = LocalDate.now(zone).plusDays(10);
        List<Slot> free = c.scheduling().findFreeSlots(FindFreeSlotsRequest.newBuilder().setClinicianId(clinician)
            .setFrom(date(from)).setTo(date(from.plusDays(14))).setMaxResults(6).build()).getSlotsList();
        for (int i = 0; i < 5; i++) {
          c.scheduling().bookAppointment(booking(clinician, patients.get(i), free.get(i)));
        }
        StatusRuntimeException notAdmin = org.junit.jupiter.api.Assertions.assertThrows(
            StatusRuntimeException.class, () -> OperationsServiceGrpc.newBlockingStub(c.channel())
                .withCallCredentials(BearerToken.of(c.reception())).createBackup(CreateBackupRequest.getDefaultInstance()));
        assertEquals(Status.Code.PERMISSION_DENIED, notAdmin.getStatus().getCode());

        before = answers(c, patients, clinician, from);
        backup = OperationsServiceGrpc.newBlockingStub(c.channel()).withCallCredentials(BearerToken.of(c.admin()))
            .createBackup(CreateBackupRequest.getDefaultInstance());
        // taken off the server's disk, as a backup must be: the original's data directory is wiped below
        backupDir = work.resolve("offsite");
        BackupFiles.copyTree(Path.of(backup.getDirectory()), backupDir);
        assertTrue(backup.getManifest().getAuditLastSequence() > 0);
        assertTrue(backup.getManifest().getAppointments() >= 5);
        // after the backup: not in it
        c.scheduling().bookAppointment(booking(clinician, patients.get(5), free.get(5)));
      } finally {
        c.channel().shutdownNow();
      }
      original.stop();

      // a copy whose database file was damaged is refused, and nothing is written
      Path emptyData = work.resolve("refused");
      TestDatabases.EmptyPostgres refusedPg = kind.equals("postgresql") ? TestDatabases.emptyPostgres() : null;
      try {
        ServerConfig refusedTarget = target(emptyData, refusedPg);
        String file = kind.equals("h2") ? OnlineBackup.H2_FILE : OnlineBackup.POSTGRES_FILE;
        Result damaged = restore(refusedTarget, damagedCopy(backupDir, work.resolve("damaged"), file));
        assertEquals(3, damaged.exit(), damaged.output());
        assertTrue(BackupFiles.emptyOrMissing(emptyData), "nothing written: " + damaged.output());
      } finally {
        if (refusedPg != null) {
          refusedPg.dropper().run();
        }
      }
      // the original's data is not an empty target
      Result occupied = restore(original.config(), backupDir);
      assertEquals(4, occupied.exit(), occupied.output());
    } finally {
      original.close();
    }

    // the original is gone (its data directory deleted, its database dropped): restore into an empty target
    TestDatabases.EmptyPostgres pg = kind.equals("postgresql") ? TestDatabases.emptyPostgres() : null;
    ServerConfig target = target(work.resolve("restored"), pg);
    Result restored = restore(target, backupDir);
    assertEquals(0, restored.exit(), restored.output());
    assertTrue(restored.output().contains("ending at " + backup.getManifest().getAuditLastSequence()),
        restored.output());

    try (TestHospitalServer again = TestHospitalServer.on(target, pg == null ? () -> { } : pg.dropper())) {
      Calls c = signIn(again);
      try {
        Answers after = answers(c, patients, clinician, from);
        assertEquals(before, after, "the same patients and the same slots, without the booking made later");
        assertTrue(AuditServiceGrpc.newBlockingStub(c.channel()).withCallCredentials(BearerToken.of(c.admin()))
            .verifyAuditChain(VerifyAuditChainRequest.getDefaultInstance()).getIntact());
      } finally {
        c.channel().shutdownNow();
      }
    }
  }

  record Result(int exit, String output) {}

  private static Result restore(ServerConfig target, Path from) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    int exit = RestoreCommand.run(target, from, new PrintStream(bytes, true, StandardCharsets.UTF_8));
    return new Result(exit, bytes.toString(StandardCharsets.UTF_8));
  }

  /** A configuration for an empty data directory, and the empty PostgreSQL database when there is one. */
  private static ServerConfig target(Path dataDir, TestDatabases.EmptyPostgres pg) {
    ServerConfig c = ConfigLoader.load(new String[] {"--data.dir=" + dataDir, "--port=0", "--bind=127.0.0.1",
        "--demo.data=true", "--demo.patients=0", "--demo.outside.records=false", "--grpc.threads=4",
        "--db.pool.size=4"}, Map.of());
    return pg == null ? c : c.withDatabase(pg.url(), pg.user(), pg.password());
  }
}
