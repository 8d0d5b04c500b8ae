package org.hospital.server.crash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Nothing the server acknowledged is lost when it is killed: the packaged server as its own process,
 * SIGKILLed twenty times at random moments under front-desk writes, on H2 and on PostgreSQL (see
 * docs/decisions/0005). The long run is {@code bin/crash-test}.
 */
class KillAndRestartIT {

  private static final int KILLS = Integer.getInteger("crash.kills", 20);

  @ParameterizedTest
  @MethodSource("org.hospital.server.testing.TestDatabases#kinds")
  void everyAcknowledgedWriteSurvivesSigkill(String kind, @TempDir Path work) throws Exception {
    Path jar = Path.of(System.getProperty("server.jar", "target/hospital-server.jar"));
    assertTrue(Files.isRegularFile(jar), "the packaged server is needed: " + jar.toAbsolutePath());
    long seed = Long.getLong("crash.seed", System.nanoTime());
    System.out.println("crash test seed " + seed + " (-Dcrash.seed to repeat)");
    CrashReport report = CrashRun.run(kind, KILLS, seed, jar, work, System.out);
    System.out.print(report.summary());
    assertTrue(report.registrations() > KILLS, "the workload wrote too little to prove anything");
    assertTrue(report.bookings() > 0 && report.walkIns() > 0, "bookings and walk-ins were written");
    assertEquals(0, report.problems(), report.summary() + "server log: " + work.resolve("server.log"));
  }
}
