package org.hospital.server.bench;

import io.grpc.Grpc;
import io.grpc.ManagedChannel;
import io.grpc.StatusRuntimeException;
import io.grpc.TlsChannelCredentials;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.TimeUnit;
import org.hospital.proto.auth.v1.AuthServiceGrpc;
import org.hospital.proto.auth.v1.LoginRequest;
import org.hospital.proto.common.v1.Date;
import org.hospital.proto.patients.v1.PatientDemographics;
import org.hospital.proto.patients.v1.PatientServiceGrpc;
import org.hospital.proto.patients.v1.RegisterPatientRequest;
import org.hospital.proto.patients.v1.Sex;
import org.hospital.proto.scheduling.v1.BookAppointmentRequest;
import org.hospital.proto.scheduling.v1.Clinician;
import org.hospital.proto.scheduling.v1.FindFreeSlotsRequest;
import org.hospital.proto.scheduling.v1.ListCliniciansRequest;
import org.hospital.proto.scheduling.v1.SchedulingServiceGrpc;
import org.hospital.proto.scheduling.v1.Slot;
import org.hospital.proto.scheduling.v1.VisitType;
import org.hospital.server.HospitalServer;
import org.hospital.server.config.ConfigLoader;
import org.hospital.server.config.ServerConfig;
import org.hospital.server.demo.DemoData;
import org.hospital.server.testing.BearerToken;
import org.hospital.server.testing.TestDatabases;

/**
 * What durability costs: registration and booking latency on H2 with its own default write settings (the
 * store written in the background, space reused: what lost acknowledged writes), on H2 as the server now
 * opens it ({@code WRITE_DELAY=0;REUSE_SPACE=FALSE}, one writer at a time) and on PostgreSQL, in one run.
 * Usage: {@code bin/bench durability [registrations, default 1000] [bookings, default 400]}.
 */
public final class DurabilityBenchmark {

  private static final int THREADS = 4;

  private record Setup(String name, String kind, String h2Settings) {}

  public static void main(String[] args) throws Exception {
    int registrations = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
    int bookings = args.length > 1 ? Integer.parseInt(args[1]) : 400;
    List<Setup> setups = List.of(
        new Setup("H2, its default write settings (before)", "h2", ";WRITE_DELAY=500;REUSE_SPACE=TRUE"),
        new Setup("H2, durable settings (after)", "h2", ""),
        new Setup("PostgreSQL (unchanged)", "postgresql", ""));
    System.out.printf("%d registrations and %d bookings per row, one caller, then %d callers; %d cores%n%n",
        registrations, bookings, THREADS, Runtime.getRuntime().availableProcessors());
    System.out.println("| database | register p50 / p95 ms | register p95, " + THREADS + " callers | calls/s"
        + " | book p50 / p95 ms | book p95, " + THREADS + " callers | calls/s |");
    System.out.println("|---|---:|---:|---:|---:|---:|---:|");
    for (Setup s : setups) {
      System.out.println(measure(s, registrations, bookings));
    }
  }

  private static String measure(Setup setup, int registrations, int bookings) throws Exception {
    Path dir = Files.createTempDirectory("hospital-durability-bench");
    List<String> options = new ArrayList<>(List.of("--data.dir=" + dir, "--port=0", "--bind=127.0.0.1",
        "--demo.data=true", "--demo.patients=2000", "--demo.outside.records=false"));
    TestDatabases.EmptyPostgres pg = null;
    if (setup.kind().equals("postgresql")) {
      pg = TestDatabases.emptyPostgres();
      options.addAll(List.of("--db.url=" + pg.url(), "--db.user=" + pg.user(), "--db.password=" + pg.password()));
    } else if (!setup.h2Settings().isEmpty()) {
      options.add("--db.url=jdbc:h2:file:" + dir.resolve("db").resolve("hospital") + TestDatabases.H2_OPTIONS
          + setup.h2Settings());
    }
    ServerConfig config = ConfigLoader.load(options.toArray(String[]::new), Map.of());
    try (HospitalServer server = HospitalServer.start(config, Clock.systemUTC())) {
      ManagedChannel channel = Grpc.newChannelBuilder("localhost:" + server.port(), TlsChannelCredentials
          .newBuilder().trustManager(server.caCertificate().orElseThrow().toFile()).build()).build();
      try {
        String token = AuthServiceGrpc.newBlockingStub(channel).login(LoginRequest.newBuilder()
            .setUsername("reception").setPassword(DemoData.PASSWORD).setWorkstation("bench").build())
            .getSessionToken();
        var patients = PatientServiceGrpc.newBlockingStub(channel).withCallCredentials(BearerToken.of(token));
        var scheduling = SchedulingServiceGrpc.newBlockingStub(channel).withCallCredentials(BearerToken.of(token));
        run(Math.max(100, registrations / 5), 1, r -> register(patients, r)); // warm-up
        LatencyRecorder reg1 = run(registrations, 1, r -> register(patients, r));
        long t0 = System.nanoTime();
        LatencyRecorder regN = run(registrations, THREADS, r -> register(patients, r));
        double regRate = registrations / ((System.nanoTime() - t0) / 1e9);
        long patient = register(patients, new SplittableRandom(7));
        List<Clinician> clinicians = scheduling.listClinicians(ListCliniciansRequest.getDefaultInstance())
            .getCliniciansList();
        ConcurrentLinkedDeque<Slot> slots = freeSlots(scheduling, clinicians, 2 * bookings + 50);
        LatencyRecorder book1 = run(bookings, 1, r -> book(scheduling, slots, patient));
        t0 = System.nanoTime();
        LatencyRecorder bookN = run(bookings, THREADS, r -> book(scheduling, slots, patient));
        double bookRate = bookings / ((System.nanoTime() - t0) / 1e9);
        return String.format("| %s | %.2f / %.2f | %.2f | %.0f | %.2f / %.2f | %.2f | %.0f |", setup.name(),
            reg1.percentileMillis(50), reg1.percentileMillis(95), regN.percentileMillis(95), regRate,
            book1.percentileMillis(50), book1.percentileMillis(95), bookN.percentileMillis(95), bookRate);
      } finally {
        channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
      }
    } finally {
      if (pg != null) {
        pg.dropper().run();
      }
    }
  }

  private static long register(PatientServiceGrpc.PatientServiceBlockingStub stub, SplittableRandom r) {
    return stub.withDeadlineAfter(20, TimeUnit.SECONDS).registerPatient(RegisterPatientRequest.newBuilder()
        .setRequestId(UUID.randomUUID().toString()).setConfirmedNew(true)
        .setDemographics(PatientDemographics.newBuilder().setFamilyName("Bench" + PatientBenchmark.randomLetters(r, 8))
            .setGivenNames("Pat").setBirthDate(Date.newBuilder().setYear(1930 + r.nextInt(90))
                .setMonth(1 + r.nextInt(12)).setDay(1 + r.nextInt(28)))
            .setSex(Sex.SEX_FEMALE)).build()).getPatient().getId();
  }

  /** Free slots of every clinician over the coming weeks, shuffled so that concurrent callers rarely meet. */
  private static ConcurrentLinkedDeque<Slot> freeSlots(SchedulingServiceGrpc.SchedulingServiceBlockingStub stub,
      List<Clinician> clinicians, int wanted) {
    List<Slot> found = new ArrayList<>();
    LocalDate from = LocalDate.now().plusDays(1);
    for (int week = 0; week < 26 && found.size() < wanted; week++) {
      LocalDate start = from.plusWeeks(week);
      for (Clinician c : clinicians) {
        found.addAll(stub.findFreeSlots(FindFreeSlotsRequest.newBuilder().setClinicianId(c.getId())
            .setFrom(date(start)).setTo(date(start.plusDays(6))).setMaxResults(100).build()).getSlotsList());
      }
    }
    java.util.Collections.shuffle(found, new java.util.Random(11));
    return new ConcurrentLinkedDeque<>(found);
  }

  private static void book(SchedulingServiceGrpc.SchedulingServiceBlockingStub stub,
      ConcurrentLinkedDeque<Slot> slots, long patient) {
    Slot slot = slots.pop();
    try {
      stub.withDeadlineAfter(20, TimeUnit.SECONDS).bookAppointment(BookAppointmentRequest.newBuilder()
          .setIdempotencyKey(UUID.randomUUID().toString()).setClinicianId(slot.getClinicianId())
          .setPatientId(patient).setStart(slot.getStart()).setVisitType(VisitType.FOLLOW_UP)
          .setReason("Benchmark").build());
    } catch (StatusRuntimeException e) {
      throw new IllegalStateException("booking failed: " + e.getStatus(), e);
    }
  }

  private static Date date(LocalDate d) {
    return Date.newBuilder().setYear(d.getYear()).setMonth(d.getMonthValue()).setDay(d.getDayOfMonth()).build();
  }

  private static LatencyRecorder run(int calls, int threads, java.util.function.Consumer<SplittableRandom> call)
      throws Exception {
    return PatientBenchmark.measure(PatientBenchmark.scenario("durability", call), calls, threads);
  }
}
