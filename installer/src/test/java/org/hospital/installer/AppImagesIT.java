package org.hospital.installer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The two application images started as an installed machine starts them, as separate processes: the server
 * on a fresh production data directory answers health over TLS and stops cleanly on SIGTERM; the workstation,
 * pointed at it by a machine settings file, starts headless to its sign-in screen and is photographed there
 * (target/packages/screenshots/, kept as a build artifact), with nothing unpacked into the user's home.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AppImagesIT {

  @TempDir
  static Path work;
  static Process server;
  static Path serverLog;
  static int port;
  static Path dataDir;

  @BeforeAll
  static void startTheServerImage() throws Exception {
    dataDir = Files.createDirectories(work.resolve("data"));
    port = freePort();
    serverLog = work.resolve("server.log");
    server = new ProcessBuilder(command("hospital-server", "serve", "--data.dir=" + dataDir, "--port=" + port))
        .redirectErrorStream(true).redirectOutput(serverLog.toFile()).start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
    while (!Files.readString(serverLog).contains("READY port=" + port)) {
      assertTrue(server.isAlive(), "the server image stopped during start-up:\n" + Files.readString(serverLog));
      assertTrue(System.nanoTime() < deadline, "not ready in 180 s:\n" + Files.readString(serverLog));
      Thread.sleep(250);
    }
  }

  @AfterAll
  static void stopTheServer() {
    if (server != null && server.isAlive()) {
      server.destroyForcibly();
    }
  }

  @Test
  @Order(1)
  void theServerImageAnswersHealthOverTls() throws Exception {
    Packages.Run health = health();
    assertEquals(0, health.exitCode(), health.output());
    assertTrue(health.output().contains("localhost:" + port + " SERVING"), health.output());
  }

  @Test
  @Order(2)
  void theWorkstationImageStartsHeadlessToItsSignInScreenPointedAtTheServerByTheMachineSettings()
      throws Exception {
    Path settings = Files.writeString(work.resolve("workstation.properties"),
        "server=localhost:" + port + "\nca=" + dataDir.resolve("tls/ca.pem") + "\nlang=es\nlocked=true\n");
    Path home = Files.createDirectories(work.resolve("home"));
    Path shots = Files.createDirectories(work.resolve("shots"));
    ProcessBuilder workstation = new ProcessBuilder(command("hospital-workstation"))
        .redirectErrorStream(true).redirectOutput(work.resolve("workstation.log").toFile());
    Map<String, String> env = workstation.environment();
    env.put("HOME", home.toString());
    env.put("JAVA_TOOL_OPTIONS", "-javaagent:" + agentJar() + "=" + shots + " -Dglass.platform=Headless"
        + " -Dprism.order=sw -D" + "hospital.workstation.config=" + settings);
    Process process = workstation.start();
    try {
      Path png = shots.resolve("screen.png");
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
      while (!Files.exists(png)) {
        String log = Files.readString(work.resolve("workstation.log"));
        assertTrue(process.isAlive(), "the workstation stopped:\n" + log);
        assertTrue(System.nanoTime() < deadline, "no sign-in screen in 120 s:\n" + log);
        Thread.sleep(250);
      }
      List<String> texts = Files.readAllLines(shots.resolve("screen.txt"));
      assertTrue(texts.contains("serverAddress=localhost:" + port + " [read-only]"),
          "the locked machine settings name the server, and the sign-in screen cannot change it: " + texts);
      assertTrue(texts.contains("signIn=Iniciar sesión"), "in the language the settings ask for: " + texts);
      byte[] image = Files.readAllBytes(png);
      assertTrue(image.length > 5_000, "a screenshot with something on it: " + image.length + " bytes");
      Path kept = Files.createDirectories(Packages.DIR.resolve("screenshots"));
      Files.copy(png, kept.resolve("workstation-sign-in.png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      String log = Files.readString(work.resolve("workstation.log"));
      assertFalse(log.contains("Unsupported JavaFX configuration"), "JavaFX runs as named modules:\n" + log);
      try (var unpacked = Files.walk(home)) {
        assertEquals(List.of(home), unpacked.toList(), "nothing is unpacked into the user's home");
      }
    } finally {
      process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }
  }

  @Test
  @Order(3)
  void theServerImageStopsCleanlyOnSigterm() throws Exception {
    server.destroy(); // SIGTERM, as systemd stops the service
    assertTrue(server.waitFor(60, TimeUnit.SECONDS), "stopped within 60 s of SIGTERM");
    String log = Files.readString(serverLog);
    // 143 is the JVM's exit on SIGTERM after its shutdown hooks ran (the unit lists it as success).
    assertEquals(143, server.exitValue(), log);
    assertTrue(log.contains("Shutting down"), log);
    assertFalse(log.contains("Exception"), "no errors while stopping:\n" + log);
    Packages.Run health = health();
    assertEquals(7, health.exitCode(), "gone after it stopped: " + health.output());
  }

  /** The installed image's own health command, over TLS to the server as a workstation would connect. */
  private static Packages.Run health() throws Exception {
    return Packages.run(command("hospital-server", "health", "--data.dir=" + dataDir,
        "--server", "localhost:" + port, "--ca", dataDir.resolve("tls/ca.pem").toString()));
  }

  private static List<String> command(String image, String... args) {
    List<String> command = new java.util.ArrayList<>();
    command.add(Packages.appImage(image).resolve("bin").resolve(image).toString());
    command.addAll(List.of(args));
    return command;
  }

  /** The screenshot agent, packed from this module's compiled test classes. */
  private static Path agentJar() throws IOException {
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    manifest.getMainAttributes().put(new Attributes.Name("Premain-Class"), ScreenshotAgent.class.getName());
    Path jar = work.resolve("screenshot-agent.jar");
    String entry = ScreenshotAgent.class.getName().replace('.', '/') + ".class";
    try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file, manifest);
        var in = ScreenshotAgent.class.getClassLoader().getResourceAsStream(entry)) {
      out.putNextEntry(new JarEntry(entry));
      in.transferTo(out);
      out.closeEntry();
    }
    return jar;
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
