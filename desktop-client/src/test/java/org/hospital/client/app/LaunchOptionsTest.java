package org.hospital.client.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.hospital.client.connection.ChannelSecurity;
import org.hospital.client.connection.ServerAddress;
import org.hospital.client.i18n.Language;
import org.junit.jupiter.api.Test;

class LaunchOptionsTest {

  @Test
  void defaults() {
    LaunchOptions options = LaunchOptions.parse(List.of(), Language.ENGLISH);
    assertEquals(new ServerAddress("localhost", 9443), options.server());
    assertEquals(new ChannelSecurity.Tls(Path.of("data", "tls", "ca.pem")), options.security());
  }

  @Test
  void everyOption() {
    LaunchOptions options = LaunchOptions.parse(
        List.of("--server", "ward-server:7443", "--ca", "/etc/hospital/ca.pem", "--lang", "es", "--plaintext"),
        Language.ENGLISH);
    assertEquals(new ServerAddress("ward-server", 7443), options.server());
    assertEquals(Path.of("/etc/hospital/ca.pem"), options.caCertificate());
    assertEquals(Language.SPANISH, options.language());
    assertTrue(options.security() instanceof ChannelSecurity.Plaintext);
  }

  @Test
  void mistakesAreReportedByName() {
    assertRefusedNaming("--lang", "--lang", "fr");
    assertRefusedNaming("--server", "--server");
    assertRefusedNaming("--verbose", "--verbose");
  }

  /** The option is refused, and the message says which one (and what was wrong with it). */
  private static void assertRefusedNaming(String option, String... args) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> LaunchOptions.parse(List.of(args), Language.ENGLISH));
    assertTrue(e.getMessage().contains(option), "names " + option + ": " + e.getMessage());
  }
}
