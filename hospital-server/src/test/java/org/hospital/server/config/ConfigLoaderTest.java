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
    assertThrows(ConfigException.class, () -> ConfigLoader.load(new String[] {"--prot=1"}, Map.of()));
    assertThrows(ConfigException.class, () -> ConfigLoader.load(new String[] {"--port=99999"}, Map.of()));
    assertThrows(ConfigException.class, () -> ConfigLoader.load(new String[] {"--plaintext=maybe"}, Map.of()));
    ConfigException e = assertThrows(ConfigException.class,
        () -> ConfigLoader.load(new String[] {"--session.idle.timeout=soon"}, Map.of()));
    assertTrue(e.getMessage().contains("session.idle.timeout"));
  }
}
