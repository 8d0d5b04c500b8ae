package org.hospital.client.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.hospital.client.connection.ChannelSecurity;
import org.hospital.client.connection.ServerAddress;
import org.hospital.client.i18n.Language;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LaunchOptionsTest {

  @Test
  void defaults() {
    LaunchOptions options = LaunchOptions.parse(List.of(), Language.ENGLISH, MachineSettings.none());
    assertEquals(new ServerAddress("localhost", 9443), options.server());
    assertEquals(new ChannelSecurity.Tls(Path.of("data", "tls", "ca.pem")), options.security());
  }

  @Test
  void everyOption() {
    LaunchOptions options = LaunchOptions.parse(
        List.of("--server", "ward-server:7443", "--ca", "/etc/hospital/ca.pem", "--lang", "es", "--plaintext"),
        Language.ENGLISH, MachineSettings.none());
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
        () -> LaunchOptions.parse(List.of(args), Language.ENGLISH, MachineSettings.none()));
    assertTrue(e.getMessage().contains(option), "names " + option + ": " + e.getMessage());
  }

  @Test
  void theMachineFileSetsTheDefaultsAndTheCommandLineWins(@TempDir Path dir) throws IOException {
    MachineSettings machine = machineFile(dir, "server=hospital-server.example.org:9443\nca=/etc/hospital/ca.pem\nlang=es\n");
    LaunchOptions fromFile = LaunchOptions.parse(List.of(), Language.ENGLISH, machine);
    assertEquals(new ServerAddress("hospital-server.example.org", 9443), fromFile.server());
    assertEquals(Path.of("/etc/hospital/ca.pem"), fromFile.caCertificate());
    assertEquals(Language.SPANISH, fromFile.language());

    LaunchOptions overridden = LaunchOptions.parse(List.of("--server", "test-server:7443"), Language.ENGLISH, machine);
    assertEquals(new ServerAddress("test-server", 7443), overridden.server());
  }

  @Test
  void aLockedMachineFileRefusesAnotherServerButNotAnotherLanguage(@TempDir Path dir) throws IOException {
    MachineSettings machine = machineFile(dir, "server=hospital-server:9443\nlocked=true\n");
    for (String option : List.of("--server", "--ca", "--plaintext")) {
      List<String> args = option.equals("--plaintext") ? List.of(option) : List.of(option, "x:1");
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> LaunchOptions.parse(args, Language.ENGLISH, machine));
      assertTrue(e.getMessage().contains(option) && e.getMessage().contains("locked"), e.getMessage());
    }
    LaunchOptions options = LaunchOptions.parse(List.of("--lang", "es"), Language.ENGLISH, machine);
    assertEquals(Language.SPANISH, options.language());
    assertTrue(options.serverLocked(), "the sign-in screen keeps the server too");
    assertTrue(!LaunchOptions.parse(List.of(), Language.ENGLISH, MachineSettings.none()).serverLocked());
  }

  @Test
  void aWrongValueInTheMachineFileNamesTheFile(@TempDir Path dir) throws IOException {
    MachineSettings machine = machineFile(dir, "server=no port here\n");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> LaunchOptions.parse(List.of(), Language.ENGLISH, machine));
    assertTrue(e.getMessage().contains(machine.file().toString()), e.getMessage());
  }

  @Test
  void theLocationCanBeNamedByASystemPropertyAndAMissingFileMeansDefaults(@TempDir Path dir) throws IOException {
    Path file = machineFile(dir, "server=elsewhere:1234\n").file();
    String before = System.getProperty(MachineSettings.LOCATION_PROPERTY);
    try {
      System.setProperty(MachineSettings.LOCATION_PROPERTY, file.toString());
      assertEquals(new ServerAddress("elsewhere", 1234), LaunchOptions.parse(List.of(), Language.ENGLISH).server());
      System.setProperty(MachineSettings.LOCATION_PROPERTY, dir.resolve("absent.properties").toString());
      assertEquals(new ServerAddress("localhost", 9443), LaunchOptions.parse(List.of(), Language.ENGLISH).server());
    } finally {
      if (before == null) {
        System.clearProperty(MachineSettings.LOCATION_PROPERTY);
      } else {
        System.setProperty(MachineSettings.LOCATION_PROPERTY, before);
      }
    }
  }

  private static MachineSettings machineFile(Path dir, String content) throws IOException {
    Path file = Files.writeString(dir.resolve("workstation.properties"), content);
    return MachineSettings.load(file);
  }
}
