package org.hospital.server.operations;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The packaged server started with {@code serve} as a process of its own, its output in a log file. */
final class ServedProcess {

  private ServedProcess() {}

  static Process start(Path jar, Path dataDir, List<String> options, Path log) throws IOException,
      InterruptedException {
    List<String> cmd = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
        "--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow", "-Xmx512m", "-jar",
        jar.toString(), "serve", "--data.dir=" + dataDir, "--port=0", "--bind=127.0.0.1", "--grpc.threads=4"));
    cmd.addAll(options);
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (System.nanoTime() < deadline) {
      if (Files.exists(log) && Files.readString(log, StandardCharsets.UTF_8).contains("READY port=")) {
        return p;
      }
      if (!p.isAlive()) {
        throw new IllegalStateException("the server stopped during start-up: " + Files.readString(log));
      }
      Thread.sleep(200);
    }
    p.destroyForcibly();
    throw new IllegalStateException("the server did not become ready; see " + log);
  }

  static int port(Process p, Path log) throws IOException {
    String text = Files.readString(log, StandardCharsets.UTF_8);
    int at = text.indexOf("READY port=") + "READY port=".length();
    int end = text.indexOf('\n', at);
    return Integer.parseInt(text.substring(at, end < 0 ? text.length() : end).trim());
  }

  /** SIGTERM, as systemd stops a service; the server must end cleanly within 30 s. */
  static void stop(Process p) throws InterruptedException {
    p.destroy();
    if (!p.waitFor(30, TimeUnit.SECONDS)) {
      p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      throw new IllegalStateException("the server did not stop on SIGTERM");
    }
  }
}
