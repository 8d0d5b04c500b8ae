package org.hospital.server.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

  @TempDir
  Path dir;

  @Test
  void defaultsAreSecureAndUseAnEmbeddedDatabaseInTheDataDirectory() {
    ServerConfig c = ConfigLoader.load(new String[] {"--data.dir", dir.toString()}, Map.of());
    assertFalse(c.plaintext());
    assertEquals(9443, c.port());
    assertEquals(Duration.ofMinutes(15), c.sessionIdleTimeout());
    assertEquals(SignInLimits.DEFAULT, c.signInLimits());
    assertTrue(c.jdbcUrl().startsWith("jdbc:h2:file:" + dir.toAbsolutePath()), c.jdbcUrl());
    assertEquals(dir.resolve("tls").toAbsolutePath(), c.tlsDir());
  }

  @Test
  void fileThenEnvironmentThenCommandLineEachOverrideTheOneBefore() throws Exception {
    Files.writeString(dir.resolve("server.properties"), "port=7000\nsession.idle.timeout=20m\nlogin.throttle.name.free=4\n");
    ServerConfig c = ConfigLoader.load(new String[] {"--data.dir=" + dir, "--login.throttle.name.free=9"},
        Map.of("HOSPITAL_PORT", "7001", "HOSPITAL_DB_URL", "jdbc:postgresql://db/hospital"));
    assertEquals(7001, c.port());
    assertEquals(Duration.ofMinutes(20), c.sessionIdleTimeout());
    assertEquals(9, c.signInLimits().nameFree());
    assertEquals("jdbc:postgresql://db/hospital", c.jdbcUrl());
  }

  @Test
  void mistakesAreReportedByName() {
    assertRefusedNaming("prot", "--prot=1");
    assertRefusedNaming("port", "--port=99999");
    assertRefusedNaming("plaintext", "--plaintext=maybe");
    assertRefusedNaming("session.idle.timeout", "--session.idle.timeout=soon");
    assertRefusedNaming("backup.keep", "--backup.keep=0");
    assertRefusedNaming("session.retention.days", "--session.retention.days=0");
    assertRefusedNaming("metrics.enabled", "--metrics.enabled=perhaps");
  }

  @Test
  void metricsAreOffAndOnLoopbackUntilConfiguredOtherwise() throws Exception {
    ServerConfig shipped = ConfigLoader.load(new String[] {"--data.dir", dir.toString()}, Map.of());
    assertEquals(new OperationsSettings(false, "127.0.0.1", 9464, Duration.ofDays(90), 14), shipped.operations());

    Files.writeString(dir.resolve("server.properties"),
        "metrics.enabled=true\nmetrics.port=9100\nsession.retention.days=365\nbackup.keep=30\n");
    ServerConfig c = ConfigLoader.load(new String[] {"--data.dir=" + dir, "--metrics.bind=10.1.2.3"}, Map.of());
    assertEquals(new OperationsSettings(true, "10.1.2.3", 9100, Duration.ofDays(365), 30), c.operations());
  }

  @Test
  void theShippedTemplateWithEverySettingSwitchedOnIsAccepted() throws Exception {
    String template = Files.readString(Path.of("..", "installer", "server", "server.properties"));
    // The commented examples too: a typo there would stop the server of whoever uncomments it.
    Files.writeString(dir.resolve("server.properties"),
        template.replaceAll("(?m)^# ([a-z][a-z.]*=)", "$1").replace("/var/lib/hospital", dir.toString()));
    ServerConfig c = ConfigLoader.load(new String[] {"--data.dir=" + dir}, Map.of());
    assertTrue(c.operations().metricsEnabled());
    assertEquals("127.0.0.1", c.operations().metricsBind());
  }

  /** The option is refused, and the message says which one, so that an administrator can find it. */
  private static void assertRefusedNaming(String option, String arg) {
    ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(new String[] {arg}, Map.of()));
    assertTrue(e.getMessage().contains(option), "names " + option + ": " + e.getMessage());
  }
}
