package org.hospital.server.bench;

import com.google.protobuf.Timestamp;
import io.grpc.Grpc;
import io.grpc.ManagedChannel;
import io.grpc.StatusRuntimeException;
import io.grpc.TlsChannelCredentials;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.hospital.proto.auth.v1.AuthServiceGrpc;
import org.hospital.proto.auth.v1.LoginRequest;
import org.hospital.proto.common.v1.Date;
import org.hospital.proto.scheduling.v1.BookAppointmentRequest;
import org.hospital.proto.scheduling.v1.SchedulingServiceGrpc;
import org.hospital.proto.scheduling.v1.VisitType;
import org.hospital.server.HospitalServer;
import org.hospital.server.config.ConfigLoader;
import org.hospital.server.config.ServerConfig;
import org.hospital.server.demo.DemoData;
import org.hospital.server.demo.DemoPopulation;
import org.hospital.server.patients.PatientBulkLoader;
import org.hospital.server.testing.BearerToken;

/**
 * Booking and live fan-out through the real server over TLS, at the scale of a large hospital: a million
 * patients, 200 clinicians with a year of half-full clinics. Measures booking latency at the client (one
 * caller) and throughput (four callers), then opens {@code subscribers} live subscriptions to one day, books
 * into it and measures the time from each booking's commit to its arrival at every subscriber, then restarts
 * the server and measures how long until every subscriber has resumed, and checks that nothing was missed
 * or repeated. Usage: {@code SchedulingBenchmark h2|postgresql [patients] [bookings] [subscribers]}.
 */
public final class SchedulingBenchmark {

  private static final ZoneId ZONE = ZoneOffset.UTC;
  private static final int CHANNELS = 10;

  public static void main(String[] args) throws Exception {
    String kind = args.length > 0 ? args[0] : "h2";
    long patients = args.length > 1 ? Long.parseLong(args[1]) : 1_000_000;
    int bookings = args.length > 2 ? Integer.parseInt(args[2]) : 2_000;
    int subscriberCount = args.length > 3 ? Integer.parseInt(args[3]) : 500;
    int instances = args.length > 4 ? Integer.parseInt(args[4]) : 1;
    if (instances == 2 && !kind.equals("postgresql")) {
      throw new IllegalArgumentException("two instances share a PostgreSQL database");
    }
    Path dataDir = Path.of("target", "bench", "schedule-" + kind + "-" + patients).toAbsolutePath();
    Files.createDirectories(dataDir);
    List<String> options = new ArrayList<>(List.of("--data.dir=" + dataDir, "--port=0", "--bind=127.0.0.1",
        "--demo.data=true", "--demo.patients=0", "--demo.outside.records=false", "--hospital.zone=UTC"));
    if (kind.equals("postgresql")) {
      options.add("--db.url=" + BenchDatabase.ensurePostgres("hospital_schedule_bench_" + patients));
      options.add("--db.user=" + System.getProperty("pg.user", "postgres"));
    }
    ServerConfig config = ConfigLoader.load(options.toArray(String[]::new), Map.of());
    LocalDate today = LocalDate.now(ZONE);
    LocalDate from = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    LocalDate openDay = from.plusWeeks(2).plusDays(2);
    HospitalServer server = HospitalServer.start(config, Clock.systemUTC());
    config = config.withPort(server.port());
    List<Long> clinicians;
    long[] patientIds;
    try (Connection c = server.database().dataSource().getConnection()) {
      PatientBulkLoader loader = new PatientBulkLoader(server.database());
      if (loader.count() < patients) {
        long start = System.nanoTime();
        loader.load(new DemoPopulation(loader.count() + 1, patients - loader.count(), LocalDate.of(2026, 11, 1)),
            "Benchmark data");
        System.out.printf("Generated patients in %.1f s%n", (System.nanoTime() - start) / 1e9);
      }
      clinicians = ScheduleBenchData.ensure(server.database().dataSource(), ZONE, from, openDay,
          receptionHash(c));
      patientIds = ScheduleBenchData.patientIds(c);
    }
    ManagedChannel[] channels = new ManagedChannel[CHANNELS];
    for (int i = 0; i < CHANNELS; i++) {
      channels[i] = Grpc.newChannelBuilder("localhost:" + server.port(), TlsChannelCredentials.newBuilder()
          .trustManager(server.caCertificate().orElseThrow().toFile()).build())
          .keepAliveTime(30, TimeUnit.SECONDS).build();
    }
    String token = AuthServiceGrpc.newBlockingStub(channels[0]).login(LoginRequest.newBuilder()
        .setUsername("reception").setPassword(DemoData.PASSWORD).setWorkstation("bench").build()).getSessionToken();
    SchedulingServiceGrpc.SchedulingServiceBlockingStub stub = SchedulingServiceGrpc.newBlockingStub(channels[0])
        .withCallCredentials(BearerToken.of(token));
    SplittableRandom random = new SplittableRandom(7);
    System.out.printf("%n%s, %,d patients, %d clinicians, %d cores%n", kind, patientIds.length, clinicians.size(),
        Runtime.getRuntime().availableProcessors());

    List<Instant[]> free = freeSlots(server, clinicians, today.plusDays(1), from.plusYears(1).minusDays(1),
        openDay, bookings * 3 + 400, random);
    int[] cursor = {0};
    java.util.function.Supplier<Instant[]> nextFree = () -> free.get(cursor[0]++);
    book(stub, nextFree, patientIds, random, 200, 1, new LatencyRecorder()); // warm-up
    LatencyRecorder single = book(stub, nextFree, patientIds, random, bookings, 1, new LatencyRecorder());
    long start = System.nanoTime();
    LatencyRecorder four = book(stub, nextFree, patientIds, random, bookings, 4, new LatencyRecorder());
    double throughput = four.count() / ((System.nanoTime() - start) / 1e9);
    System.out.println("| scenario | p50 ms | p95 ms | p99 ms | bookings/s |");
    System.out.println("|---|---:|---:|---:|---:|");
    System.out.printf("| book a free slot, 1 caller | %.2f | %.2f | %.2f | |%n", single.percentileMillis(50),
        single.percentileMillis(95), single.percentileMillis(99));
    System.out.printf("| book a free slot, 4 callers | %.2f | %.2f | %.2f | %.0f |%n",
        four.percentileMillis(50), four.percentileMillis(95), four.percentileMillis(99), throughput);

    FanOutRun fanOut = new FanOutRun(server, config, channels, token, stub, clinicians, patientIds, openDay,
        subscriberCount);
    if (instances == 2) {
      fanOut.withOtherInstance(secondInstance(options, dataDir, token));
      System.out.println("Two server instances on one database: subscribers and bookings split between them");
    }
    fanOut.run();
    for (ManagedChannel ch : channels) {
      ch.shutdownNow();
    }
  }

  /** Another server on the same database, with its own data directory (certificates) and port. */
  private static FanOutRun.OtherInstance secondInstance(List<String> options, Path dataDir, String token)
      throws java.io.IOException {
    Path otherDir = Files.createDirectories(dataDir.resolveSibling(dataDir.getFileName() + "-b"));
    List<String> otherOptions = new ArrayList<>(options);
    otherOptions.set(0, "--data.dir=" + otherDir);
    HospitalServer other = HospitalServer.start(ConfigLoader.load(otherOptions.toArray(String[]::new), Map.of()),
        Clock.systemUTC());
    ManagedChannel[] channels = new ManagedChannel[CHANNELS];
    for (int i = 0; i < CHANNELS; i++) {
      channels[i] = Grpc.newChannelBuilder("localhost:" + other.port(), TlsChannelCredentials.newBuilder()
          .trustManager(other.caCertificate().orElseThrow().toFile()).build())
          .keepAliveTime(30, TimeUnit.SECONDS).build();
    }
    return new FanOutRun.OtherInstance(other, channels,
        SchedulingServiceGrpc.newBlockingStub(channels[0]).withCallCredentials(BearerToken.of(token)));
  }

  private static String receptionHash(Connection c) throws java.sql.SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT password_hash FROM staff_account WHERE username = ?")) {
      ps.setString(1, "reception");
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getString(1);
      }
    }
  }

  /** Slot starts (with their clinician id as epoch seconds in [1]) that no appointment holds. */
  private static List<Instant[]> freeSlots(HospitalServer server, List<Long> clinicians, LocalDate first,
      LocalDate last, LocalDate skip, int wanted, SplittableRandom random) throws java.sql.SQLException {
    List<Instant[]> out = new ArrayList<>();
    java.util.Set<String> seen = new java.util.HashSet<>();
    int days = (int) (last.toEpochDay() - first.toEpochDay());
    try (Connection c = server.database().dataSource().getConnection();
        PreparedStatement ps = c.prepareStatement(
            "SELECT COUNT(*) FROM appointment WHERE clinician_id = ? AND held_slot_start = ?")) {
      while (out.size() < wanted) {
        LocalDate day = first.plusDays(random.nextInt(days));
        if (day.getDayOfWeek().getValue() > 5 || day.equals(skip)) {
          continue;
        }
        long clinician = clinicians.get(random.nextInt(clinicians.size()));
        int slot = random.nextInt(32);
        LocalTime time = LocalTime.of(8, 0).plusMinutes(15L * slot + (slot >= 16 ? 60 : 0));
        Instant at = day.atTime(time).atZone(ZONE).toInstant();
        if (!seen.add(clinician + "@" + at)) {
          continue;
        }
        ps.setLong(1, clinician);
        ps.setObject(2, at.atOffset(ZoneOffset.UTC));
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          if (rs.getLong(1) == 0) {
            out.add(new Instant[] {at, Instant.ofEpochSecond(clinician)});
          }
        }
      }
    }
    return out;
  }

  static LatencyRecorder book(SchedulingServiceGrpc.SchedulingServiceBlockingStub stub,
      java.util.function.Supplier<Instant[]> slots, long[] patientIds, SplittableRandom random, int calls,
      int threads, LatencyRecorder recorder) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        List<BookAppointmentRequest> mine = new ArrayList<>();
        synchronized (slots) {
          for (int i = 0; i < calls / threads; i++) {
            Instant[] slot = slots.get();
            mine.add(request(slot[1].getEpochSecond(), slot[0], patientIds[random.nextInt(patientIds.length)]));
          }
        }
        futures.add(pool.submit(() -> {
          for (BookAppointmentRequest r : mine) {
            long start = System.nanoTime();
            try {
              stub.withDeadlineAfter(10, TimeUnit.SECONDS).bookAppointment(r);
            } catch (StatusRuntimeException e) {
              System.out.println("booking failed: " + e.getStatus());
            }
            recorder.add(System.nanoTime() - start);
          }
          return null;
        }));
      }
      for (Future<?> f : futures) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }
    return recorder;
  }

  static BookAppointmentRequest request(long clinician, Instant start, long patient) {
    return BookAppointmentRequest.newBuilder().setIdempotencyKey(UUID.randomUUID().toString())
        .setClinicianId(clinician).setPatientId(patient)
        .setStart(Timestamp.newBuilder().setSeconds(start.getEpochSecond()).setNanos(start.getNano()))
        .setVisitType(VisitType.FOLLOW_UP).setReason("Benchmark booking").build();
  }

  static Date date(LocalDate d) {
    return Date.newBuilder().setYear(d.getYear()).setMonth(d.getMonthValue()).setDay(d.getDayOfMonth()).build();
  }

  static ScheduledExecutorService scheduler() {
    return Executors.newScheduledThreadPool(2, Thread.ofPlatform().daemon().factory());
  }
}
