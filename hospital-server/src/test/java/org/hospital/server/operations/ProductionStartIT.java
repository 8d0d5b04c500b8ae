package org.hospital.server.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.Grpc;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.TlsChannelCredentials;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.hospital.proto.auth.v1.AuthServiceGrpc;
import org.hospital.proto.auth.v1.LoginRequest;
import org.hospital.server.testing.Errors;
import org.hospital.server.testing.TestHospitalServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A production installation from outside, with the packaged server run as separate processes: it starts with
 * no accounts; {@code create-admin} makes the first administrator from a password file and refuses a password
 * on the command line; the server then serves and that administrator signs in. A data directory made in demo
 * mode is refused outside demo mode while its accounts still open with the published password.
 */
class ProductionStartIT {

  private static final Path JAR = Path.of(System.getProperty("server.jar", "target/hospital-server.jar"));

  @TempDir
  Path work;

  /** Runs a command of the packaged server to its end; returns its exit code and output. */
  private Result run(String... args) throws Exception {
    List<String> cmd = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
        "--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow", "-Xmx256m", "-jar",
        JAR.toString()));
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.PIPE)
        .start();
    p.getOutputStream().close(); // no terminal, no typed input
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the command ends");
    return new Result(p.exitValue(), out);
  }

  record Result(int exit, String output) {}

  @Test
  void aNewInstallationHasNoAccountsUntilCreateAdminMakesTheFirst() throws Exception {
    assertTrue(Files.isRegularFile(JAR), "the packaged server is needed: " + JAR.toAbsolutePath());
    Path data = work.resolve("data");
    Path passwordFile = work.resolve("admin-password");
    Files.writeString(passwordFile, "Harbour-lantern-7731\n");

    Result onTheLine = run("create-admin", "--data.dir=" + data, "--username=chief", "--password=Chief-admin-2026");
    assertEquals(2, onTheLine.exit(), onTheLine.output());
    assertTrue(onTheLine.output().contains("shell history"), onTheLine.output());

    Result noTerminal = run("create-admin", "--data.dir=" + data, "--username=chief");
    assertEquals(2, noTerminal.exit(), noTerminal.output());
    assertTrue(noTerminal.output().contains("--password-file"), noTerminal.output());

    Result created = run("create-admin", "--data.dir=" + data, "--username=chief", "--display-name=Chief Admin",
        "--password-file=" + passwordFile);
    assertEquals(0, created.exit(), created.output());
    assertTrue(created.output().contains("Administrator chief created."), created.output());
    Result again = run("create-admin", "--data.dir=" + data, "--username=chief", "--password-file=" + passwordFile);
    assertEquals(4, again.exit(), "the name is taken: " + again.output());

    try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + data.resolve("db/hospital").toAbsolutePath()
        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE", "hospital", "");
        ResultSet rs = c.createStatement().executeQuery("SELECT (SELECT COUNT(*) FROM staff_account),"
            + " (SELECT COUNT(*) FROM audit_entry WHERE action = 'STAFF_ACCOUNT_CREATED' AND actor = 'command line')")) {
      rs.next();
      assertEquals(1, rs.getLong(1), "the one administrator, and no demo accounts");
      assertEquals(1, rs.getLong(2), "its creation is audited");
    }

    Process server = ServedProcess.start(JAR, data, List.of(), work.resolve("server.log"));
    try {
      ManagedChannel channel = Grpc.newChannelBuilder("localhost:" + ServedProcess.port(server, work.resolve("server.log")),
          TlsChannelCredentials.newBuilder().trustManager(data.resolve("tls/ca.pem").toFile()).build()).build();
      try {
        var auth = AuthServiceGrpc.newBlockingStub(channel).withDeadlineAfter(20, TimeUnit.SECONDS);
        assertFalse(auth.login(LoginRequest.newBuilder().setUsername("chief").setPassword("Harbour-lantern-7731")
            .setWorkstation("it-desk").build()).getSessionToken().isEmpty());
        StatusRuntimeException demo = org.junit.jupiter.api.Assertions.assertThrows(StatusRuntimeException.class,
            () -> auth.login(LoginRequest.newBuilder().setUsername("admin").setPassword(TestHospitalServer.PASSWORD)
                .setWorkstation("it-desk").build()));
        assertEquals(Status.Code.UNAUTHENTICATED, demo.getStatus().getCode());
        assertEquals("BAD_CREDENTIALS", Errors.info(demo).getReason());
      } finally {
        channel.shutdownNow();
      }
    } finally {
      ServedProcess.stop(server);
    }
  }

  @Test
  void aDemoDataDirectoryIsRefusedOutsideDemoMode() throws Exception {
    Path data = work.resolve("demo");
    Process demo = ServedProcess.start(JAR, data, List.of("--demo.data=true", "--demo.patients=0",
        "--demo.outside.records=false"), work.resolve("demo.log"));
    ServedProcess.stop(demo);

    Result refused = run("serve", "--data.dir=" + data, "--port=0", "--bind=127.0.0.1");
    assertEquals(5, refused.exit(), refused.output());
    assertTrue(refused.output().contains("published demo password"), refused.output());
    assertTrue(refused.output().contains("reception"), "names the accounts: " + refused.output());
    assertFalse(refused.output().contains("READY"), "never served");
  }
}
