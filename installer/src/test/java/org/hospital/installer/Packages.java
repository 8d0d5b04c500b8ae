package org.hospital.installer;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Where the build put the packages, and running outside programs on them. */
final class Packages {

  static final Path DIR = Path.of(System.getProperty("packages.dir", "target/packages"));
  static final String VERSION = System.getProperty("packages.version", "0.1.0-SNAPSHOT").replace("-SNAPSHOT", "");

  private Packages() {}

  static Path deb(String name) {
    Path deb = DIR.resolve(name + "_" + VERSION + "_amd64.deb");
    assertTrue(Files.isRegularFile(deb), "built: " + deb);
    return deb;
  }

  static Path appImage(String name) {
    return DIR.resolve("app-image").resolve(name);
  }

  /** What a program printed (stdout and stderr together) and how it ended. */
  record Run(int exitCode, String output) {}

  static Run run(List<String> command) throws IOException, InterruptedException {
    Path log = Files.createTempFile("run", ".log");
    Process process = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true)
        .redirectOutput(log.toFile()).start();
    if (!process.waitFor(120, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("did not finish in 120 s: " + command);
    }
    String output = Files.readString(log, StandardCharsets.UTF_8);
    Files.delete(log);
    return new Run(process.exitValue(), output);
  }

  static boolean onPath(String program) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
      if (Files.isExecutable(Path.of(dir, program))) {
        return true;
      }
    }
    return false;
  }
}
