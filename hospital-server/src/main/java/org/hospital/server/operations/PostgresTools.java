package org.hospital.server.operations;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs PostgreSQL's own {@code pg_dump} and {@code pg_restore} (found on the PATH) against the database of a JDBC
 * URL, the documented way to copy a PostgreSQL database consistently. The password travels in the child's
 * environment (PGPASSWORD), never on its command line.
 */
final class PostgresTools {

  private final String host;
  private final int port;
  private final String database;
  private final String user;
  private final String password;

  PostgresTools(String jdbcUrl, String user, String password) {
    URI uri = URI.create(jdbcUrl.substring("jdbc:".length()));
    this.host = uri.getHost() == null ? "localhost" : uri.getHost();
    this.port = uri.getPort() < 0 ? 5432 : uri.getPort();
    this.database = uri.getPath().substring(1);
    this.user = user;
    this.password = password;
  }

  /** A custom-format dump of the database as of an exported snapshot (so it matches what was read with it). */
  void dump(String snapshot, Path file) throws IOException {
    List<String> cmd = new ArrayList<>(List.of("pg_dump", "--format=custom", "--no-owner", "--no-privileges",
        "--file=" + file));
    if (snapshot != null) {
      cmd.add("--snapshot=" + snapshot);
    }
    run(cmd);
  }

  /** Restores a dump into this (empty) database, stopping at the first error. */
  void restore(Path file) throws IOException {
    run(new ArrayList<>(List.of("pg_restore", "--no-owner", "--no-privileges", "--exit-on-error",
        "--single-transaction", file.toString())));
  }

  private void run(List<String> cmd) throws IOException {
    cmd.addAll(List.of("--host=" + host, "--port=" + port, "--username=" + user, "--dbname=" + database));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    pb.environment().put("PGPASSWORD", password == null ? "" : password);
    Process p = pb.start();
    p.getOutputStream().close();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    try {
      if (!p.waitFor(6, TimeUnit.HOURS) || p.exitValue() != 0) {
        throw new IOException(cmd.getFirst() + " failed (exit " + (p.isAlive() ? "none" : p.exitValue()) + "): "
            + output.strip());
      }
    } catch (InterruptedException e) {
      p.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IOException(cmd.getFirst() + " interrupted", e);
    }
  }
}
