package org.hospital.server.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.hospital.server.HospitalServer;
import org.hospital.server.config.ConfigLoader;
import org.hospital.server.config.ServerConfig;
import org.hospital.server.demo.DemoData;

/**
 * The whole hospital server for tests of other modules (the workstation's UI tests): TLS on a free loopback
 * port, a fresh H2 file database in a temporary directory, demo staff accounts (password {@link #PASSWORD})
 * and optionally demo patients. It can be stopped and restarted on the same port and data, to test how
 * clients recover.
 */
public final class TestHospitalServer implements AutoCloseable {

  public static final String PASSWORD = DemoData.PASSWORD;

  private final Path dataDir;
  private final Runnable dropDatabase;
  private ServerConfig config;
  private HospitalServer server;
  private final ShiftableClock clock = new ShiftableClock();

  private TestHospitalServer(Path dataDir, ServerConfig config, Runnable dropDatabase) {
    this(dataDir, config, dropDatabase, null);
  }

  /** @param startAt where the server's clock stands at start (null: the system's time) */
  private TestHospitalServer(Path dataDir, ServerConfig config, Runnable dropDatabase, java.time.Instant startAt) {
    if (startAt != null) {
      clock.shiftTo(startAt);
    }
    this.dataDir = dataDir;
    this.dropDatabase = dropDatabase;
    this.config = config;
    this.server = HospitalServer.start(config, clock);
    this.config = config.withPort(server.port());
  }

  public static TestHospitalServer start() {
    return start(0, Duration.ofMinutes(15));
  }

  public static TestHospitalServer start(int demoPatients, Duration sessionIdleTimeout) {
    return start("h2", demoPatients, sessionIdleTimeout);
  }

  /**
   * On the given database kind ({@link TestDatabases#kinds()}): "h2" (a file in the temporary directory) or
   * "postgresql" (a fresh database, dropped on {@link #close()}; skipped when PostgreSQL is not available).
   */
  public static TestHospitalServer start(String databaseKind, int demoPatients, Duration sessionIdleTimeout) {
    return start(databaseKind, demoPatients, sessionIdleTimeout, false);
  }

  /** As {@link #start(String, int, Duration)}, also importing the demo's outside records (Synthea) when asked. */
  public static TestHospitalServer start(String databaseKind, int demoPatients, Duration sessionIdleTimeout,
      boolean outsideRecords) {
    return start(databaseKind, demoPatients, sessionIdleTimeout, outsideRecords, UnaryOperator.identity(), null);
  }

  /** On H2 without demo patients, with the configuration changed by {@code configure} (metrics on...). */
  public static TestHospitalServer start(UnaryOperator<ServerConfig> configure) {
    return start("h2", 0, Duration.ofMinutes(15), false, configure, null);
  }

  /** As {@link #start(String, int, Duration)}, on a clock that stands at {@code startAt} when the server starts. */
  public static TestHospitalServer startAt(String databaseKind, int demoPatients, java.time.Instant startAt) {
    return start(databaseKind, demoPatients, Duration.ofMinutes(15), false, UnaryOperator.identity(), startAt);
  }

  private static TestHospitalServer start(String databaseKind, int demoPatients, Duration sessionIdleTimeout,
      boolean outsideRecords, UnaryOperator<ServerConfig> configure, java.time.Instant startAt) {
    TestDatabases.EmptyPostgres pg = databaseKind.equals("postgresql") ? TestDatabases.emptyPostgres() : null;
    try {
      Path dir = Files.createTempDirectory("hospital-test-server");
      ServerConfig config = ConfigLoader.load(new String[] {"--data.dir=" + dir, "--port=0", "--bind=127.0.0.1",
          "--demo.data=true", "--demo.patients=" + demoPatients,
          "--demo.outside.records=" + outsideRecords, "--grpc.threads=8", "--db.pool.size=8",
          // every test client signs in from 127.0.0.1, as users behind one terminal server would
          "--login.throttle.address.free=1000", "--login.throttle.address.daily.cap=100000"},
          Map.of()).withSessionIdleTimeout(sessionIdleTimeout);
      if (pg != null) {
        config = config.withDatabase(pg.url(), pg.user(), pg.password());
      }
      config = configure.apply(config);
      return new TestHospitalServer(dir, config, pg == null ? () -> { } : pg.dropper(), startAt);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (RuntimeException e) {
      if (pg != null) {
        pg.dropper().run();
      }
      throw e;
    }
  }

  /**
   * A server on data made elsewhere (a restored backup): {@code config} names its data directory and database;
   * {@code dropDatabase} runs on {@link #close()}, which also deletes the data directory.
   */
  public static TestHospitalServer on(ServerConfig config, Runnable dropDatabase) {
    return new TestHospitalServer(config.dataDir(), config, dropDatabase);
  }

  /**
   * Another server instance on this one's database (as behind a load balancer): its own data directory, port
   * and certificates, the same accounts, sessions and feeds' logs. Closing it leaves the database.
   */
  public TestHospitalServer secondInstance() {
    try {
      Path dir = Files.createTempDirectory("hospital-test-server-b");
      ServerConfig second = ConfigLoader.load(new String[] {"--data.dir=" + dir, "--port=0", "--bind=127.0.0.1",
          "--demo.data=true", "--demo.patients=0", "--grpc.threads=8", "--db.pool.size=8",
          "--login.throttle.address.free=1000", "--login.throttle.address.daily.cap=100000"}, Map.of())
          .withSessionIdleTimeout(config.sessionIdleTimeout())
          .withDatabase(config.jdbcUrl(), config.dbUser(), config.dbPassword());
      return new TestHospitalServer(dir, second, () -> { });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** "localhost:PORT", as a workstation would be configured. */
  public String target() {
    return "localhost:" + config.port();
  }

  public int port() {
    return config.port();
  }

  /** The CA certificate (PEM) a workstation must trust. */
  public Path caCertificate() {
    return config.tlsDir().resolve("ca.pem");
  }

  public ServerConfig config() {
    return config;
  }

  /** The server's clock: the system's unless a test shifts it. */
  public ShiftableClock clock() {
    return clock;
  }

  public HospitalServer server() {
    return server;
  }

  /** Stops the server, keeping its data and port for {@link #restart()}. */
  public void stop() {
    if (server != null) {
      server.close();
      server = null;
    }
  }

  public void restart() {
    stop();
    server = HospitalServer.start(config, clock);
  }

  @Override
  public void close() {
    stop();
    dropDatabase.run();
    try (Stream<Path> files = Files.walk(dataDir)) {
      List<Path> all = files.sorted(Comparator.reverseOrder()).toList();
      for (Path p : all) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      // a leftover temp directory is harmless
    }
  }
}
