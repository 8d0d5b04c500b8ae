package org.hospital.server.crash;

import io.grpc.Grpc;
import io.grpc.ManagedChannel;
import io.grpc.TlsChannelCredentials;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The packaged server ({@code hospital-server.jar}) as a separate operating-system process, so that it can
 * be killed with SIGKILL like a crashed or shot-down server: nothing of it runs in the test's JVM.
 */
public final class ServerProcess {

  private final Process process;
  private final int port;
  private final Path dataDir;

  private ServerProcess(Process process, int port, Path dataDir) {
    this.process = process;
    this.port = port;
    this.dataDir = dataDir;
  }

  /** Starts the server and waits until it prints {@code READY port=N}; its output goes to {@code log}. */
  public static ServerProcess start(Path jar, Path dataDir, List<String> databaseOptions, Path log) {
    List<String> cmd = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
        "--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow", "-Xmx512m",
        "-jar", jar.toString(), "serve", "--data.dir=" + dataDir, "--port=0", "--bind=127.0.0.1",
        "--demo.data=true", "--demo.patients=20", "--demo.outside.records=false", "--grpc.threads=16"));
    cmd.addAll(databaseOptions);
    try {
      Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
      CompletableFuture<Integer> ready = new CompletableFuture<>();
      Thread.ofPlatform().daemon().name("server-output").start(() -> copyOutput(p, log, ready));
      try {
        return new ServerProcess(p, ready.get(90, TimeUnit.SECONDS), dataDir);
      } catch (TimeoutException | java.util.concurrent.ExecutionException e) {
        p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        throw new IllegalStateException("server did not become ready; see " + log, e);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static void copyOutput(Process p, Path log, CompletableFuture<Integer> ready) {
    try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        Writer out = Files.newBufferedWriter(log, StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
      String line;
      while ((line = in.readLine()) != null) {
        out.write(line);
        out.write('\n');
        if (line.startsWith("READY port=")) {
          out.flush();
          ready.complete(Integer.parseInt(line.substring("READY port=".length()).trim()));
        }
      }
    } catch (IOException | RuntimeException e) {
      ready.completeExceptionally(e);
    } finally {
      ready.completeExceptionally(new IllegalStateException("server exited with " + exitCode(p)));
    }
  }

  private static String exitCode(Process p) {
    try {
      return p.waitFor(5, TimeUnit.SECONDS) ? Integer.toString(p.exitValue()) : "(still running)";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "(interrupted)";
    }
  }

  /** A TLS channel that trusts the certificate authority the server made in its data directory. */
  public ManagedChannel channel() {
    try {
      return Grpc.newChannelBuilder("localhost:" + port, TlsChannelCredentials.newBuilder()
          .trustManager(dataDir.resolve("tls").resolve("ca.pem").toFile()).build()).build();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** SIGKILL: no shutdown hook, no flush, no close; returns once the process is gone. */
  public void kill() throws InterruptedException {
    process.destroyForcibly();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      throw new IllegalStateException("server process survived SIGKILL");
    }
  }

  /** SIGTERM: the server's shutdown hook closes the database cleanly. */
  public void stop() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      kill();
    }
  }
}
