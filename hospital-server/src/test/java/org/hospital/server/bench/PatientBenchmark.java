package org.hospital.server.bench;

import io.grpc.Grpc;
import io.grpc.ManagedChannel;
import io.grpc.TlsChannelCredentials;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.hospital.proto.auth.v1.AuthServiceGrpc;
import org.hospital.proto.auth.v1.LoginRequest;
import org.hospital.proto.common.v1.Date;
import org.hospital.proto.patients.v1.PatientDemographics;
import org.hospital.proto.patients.v1.PatientServiceGrpc;
import org.hospital.proto.patients.v1.RegisterPatientRequest;
import org.hospital.proto.patients.v1.SearchPatientsRequest;
import org.hospital.proto.patients.v1.Sex;
import org.hospital.server.HospitalServer;
import org.hospital.server.config.ConfigLoader;
import org.hospital.server.config.ServerConfig;
import org.hospital.server.demo.DemoData;
import org.hospital.server.testing.BearerToken;
import org.hospital.server.demo.DemoPopulation;
import org.hospital.server.patients.PatientBulkLoader;

/**
 * Patient search and registration through the real server over TLS on loopback, at the scale of a large
 * hospital's register. Usage: {@code PatientBenchmark h2|postgresql [patients] [calls per scenario]}.
 * The population is generated once and kept (H2 file under target/bench, or the PostgreSQL database
 * hospital_bench), so reruns measure at once. Latency is measured at the client, one call at a time;
 * throughput with four concurrent callers.
 */
public final class PatientBenchmark {

  private static final int THREADS = 4;

  public static void main(String[] args) throws Exception {
    String kind = args.length > 0 ? args[0] : "h2";
    long patients = args.length > 1 ? Long.parseLong(args[1]) : 1_000_000;
    int calls = args.length > 2 ? Integer.parseInt(args[2]) : 2_000;
    Path dataDir = Path.of("target", "bench", kind + "-" + patients).toAbsolutePath();
    Files.createDirectories(dataDir);
    List<String> options = new ArrayList<>(List.of("--data.dir=" + dataDir, "--port=0", "--bind=127.0.0.1",
        "--demo.data=true", "--demo.patients=0", "--demo.outside.records=false"));
    if (kind.equals("postgresql")) {
      options.add("--db.url=" + BenchDatabase.ensurePostgres("hospital_bench_" + patients));
      options.add("--db.user=" + System.getProperty("pg.user", "postgres"));
    }
    ServerConfig config = ConfigLoader.load(options.toArray(String[]::new), Map.of());
    try (HospitalServer server = HospitalServer.start(config, Clock.systemUTC())) {
      PatientBulkLoader loader = new PatientBulkLoader(server.database());
      long have = loader.count();
      if (have < patients) {
        long start = System.nanoTime();
        loader.load(new DemoPopulation(have + 1, patients - have, LocalDate.of(2026, 11, 1)), "Benchmark data");
        System.out.printf("Generated %,d patients in %.1f s%n", patients - have,
            (System.nanoTime() - start) / 1e9);
      }
      BenchSamples samples = BenchSamples.draw(server.database(), 2_000);
      ManagedChannel channel = Grpc.newChannelBuilder("localhost:" + server.port(),
          TlsChannelCredentials.newBuilder().trustManager(server.caCertificate().orElseThrow().toFile()).build())
          .build();
      try {
        String token = AuthServiceGrpc.newBlockingStub(channel).login(LoginRequest.newBuilder()
            .setUsername("reception").setPassword(DemoData.PASSWORD).setWorkstation("bench").build())
            .getSessionToken();
        PatientServiceGrpc.PatientServiceBlockingStub stub = PatientServiceGrpc.newBlockingStub(channel)
            .withCallCredentials(BearerToken.of(token));
        List<BenchmarkScenario> scenarios = scenarios(stub, samples);
        System.out.printf("%n%s, %,d patients, %d calls per scenario, %d cores%n", kind, loader.count(), calls,
            Runtime.getRuntime().availableProcessors());
        System.out.println("| scenario | p50 ms | p95 ms | p99 ms | calls/s (" + THREADS + " callers) |");
        System.out.println("|---|---:|---:|---:|---:|");
        for (BenchmarkScenario s : scenarios) {
          measure(s, Math.max(200, calls / 5), 1); // warm-up
          LatencyRecorder latency = measure(s, calls, 1);
          long start = System.nanoTime();
          measure(s, calls, THREADS);
          double throughput = calls / ((System.nanoTime() - start) / 1e9);
          System.out.printf("| %s | %.2f | %.2f | %.2f | %.0f |%n", s.name(), latency.percentileMillis(50),
              latency.percentileMillis(95), latency.percentileMillis(99), throughput);
        }
        System.out.printf("%nPeak heap used (server and benchmark client in one JVM, -Xmx%d MB): %d MB%n",
            Runtime.getRuntime().maxMemory() >> 20, peakHeapMb());
      } finally {
        channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
      }
    }
  }

  private static List<BenchmarkScenario> scenarios(PatientServiceGrpc.PatientServiceBlockingStub stub,
      BenchSamples samples) {
    return List.of(
        scenario("search: family-name prefix (3 letters)", r -> search(stub, samples.prefix(r))),
        scenario("search: family prefix + given initial", r -> search(stub, samples.prefixWithInitial(r))),
        scenario("search: misspelled family name", r -> search(stub, samples.misspelled(r))),
        scenario("search: MRN", r -> search(stub, samples.mrn(r))),
        scenario("search: birth date + family name", r -> search(stub, samples.birthDateAndName(r))),
        scenario("register (duplicate check + audit)", r -> register(stub, r)));
  }

  static BenchmarkScenario scenario(String name, java.util.function.Consumer<SplittableRandom> call) {
    return new BenchmarkScenario() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public void run(SplittableRandom random) {
        call.accept(random);
      }
    };
  }

  private static void search(PatientServiceGrpc.PatientServiceBlockingStub stub, String query) {
    stub.withDeadlineAfter(10, TimeUnit.SECONDS)
        .searchPatients(SearchPatientsRequest.newBuilder().setQuery(query).setPageSize(25).build());
  }

  private static void register(PatientServiceGrpc.PatientServiceBlockingStub stub, SplittableRandom r) {
    String family = "Bench" + randomLetters(r, 6);
    stub.withDeadlineAfter(10, TimeUnit.SECONDS).registerPatient(RegisterPatientRequest.newBuilder()
        .setRequestId(UUID.randomUUID().toString())
        .setDemographics(PatientDemographics.newBuilder().setFamilyName(family).setGivenNames("Pat")
            .setBirthDate(Date.newBuilder().setYear(1930 + r.nextInt(90)).setMonth(1 + r.nextInt(12))
                .setDay(1 + r.nextInt(28)))
            .setSex(Sex.SEX_FEMALE).setPhone("+1 508 " + (100 + r.nextInt(900)) + " " + (1000 + r.nextInt(9000))))
        .build());
  }

  static String randomLetters(SplittableRandom r, int n) {
    StringBuilder sb = new StringBuilder(n);
    for (int i = 0; i < n; i++) {
      sb.append((char) ('a' + r.nextInt(26)));
    }
    return sb.toString();
  }

  static LatencyRecorder measure(BenchmarkScenario s, int calls, int threads) throws Exception {
    LatencyRecorder recorder = new LatencyRecorder();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        SplittableRandom random = new SplittableRandom(31L * t + s.name().hashCode());
        int share = calls / threads;
        futures.add(pool.submit(() -> {
          for (int i = 0; i < share; i++) {
            long start = System.nanoTime();
            s.run(random);
            recorder.add(System.nanoTime() - start);
          }
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

  private static long peakHeapMb() {
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
        peak += pool.getPeakUsage().getUsed();
      }
    }
    return peak >> 20;
  }
}
