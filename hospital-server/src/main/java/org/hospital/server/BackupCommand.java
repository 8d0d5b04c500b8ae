package org.hospital.server;

import io.grpc.CallCredentials;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.StatusRuntimeException;
import java.io.Console;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.hospital.proto.auth.v1.AuthServiceGrpc;
import org.hospital.proto.auth.v1.LoginRequest;
import org.hospital.proto.auth.v1.LogoutRequest;
import org.hospital.proto.operations.v1.CreateBackupRequest;
import org.hospital.proto.operations.v1.CreateBackupResponse;
import org.hospital.proto.operations.v1.OperationsServiceGrpc;
import org.hospital.server.config.ServerConfig;

/**
 * {@code backup}: asks the running server for an online backup, signed in as an administrator, over the same
 * TLS connection a workstation uses (by default to this machine's server, trusting its own CA). The backup is
 * written by the server, under its {@code backups} directory; this prints where, and the audit head it holds.
 * Exit codes: 0 made, 2 no password, 7 the server refused or could not be reached.
 */
final class BackupCommand {

  record Options(String[] rest, String username, Path passwordFile, String server, Path ca) {
    static Options take(String[] args) {
      CommandOptions o = CommandOptions.take(args, Set.of("--username", "--password-file", "--server", "--ca"));
      return new Options(o.rest(), o.required("--username", "backup"),
          o.get("--password-file").map(Path::of).orElse(null), o.get("--server").orElse(null),
          o.get("--ca").map(Path::of).orElse(null));
    }
  }

  private BackupCommand() {}

  static int run(ServerConfig config, Options o, Console console, PrintStream out) {
    char[] password;
    try {
      password = PasswordInput.read(o.passwordFile(), console, "Password of " + o.username(), false);
    } catch (IllegalStateException e) {
      out.println("No password: " + e.getMessage());
      return 2;
    }
    ServerChannel connection = ServerChannel.open(config, o.server(), o.ca(), out);
    if (connection == null) {
      return 7;
    }
    String target = connection.target();
    ManagedChannel channel = connection.channel();
    try {
      String token = AuthServiceGrpc.newBlockingStub(channel).withDeadlineAfter(30, TimeUnit.SECONDS)
          .login(LoginRequest.newBuilder().setUsername(o.username()).setPassword(new String(password))
              .setWorkstation("backup command").build()).getSessionToken();
      CallCredentials bearer = bearer(token);
      try {
        CreateBackupResponse r = OperationsServiceGrpc.newBlockingStub(channel).withCallCredentials(bearer)
            .withDeadlineAfter(6, TimeUnit.HOURS).createBackup(CreateBackupRequest.getDefaultInstance());
        out.println("Backup made in " + r.getDirectory() + " (on the server): audit chain head "
            + r.getManifest().getAuditLastSequence() + ", " + r.getManifest().getPatients() + " patients, "
            + r.getManifest().getAppointments() + " appointments, " + r.getManifest().getFilesCount() + " files.");
        return 0;
      } finally {
        AuthServiceGrpc.newBlockingStub(channel).withCallCredentials(bearer).withDeadlineAfter(10, TimeUnit.SECONDS)
            .logout(LogoutRequest.getDefaultInstance());
      }
    } catch (StatusRuntimeException e) {
      out.println("No backup: the server at " + target + " answered " + e.getStatus().getCode()
          + (e.getStatus().getDescription() == null ? "" : " (" + e.getStatus().getDescription() + ")"));
      return 7;
    } finally {
      Arrays.fill(password, '\0');
      channel.shutdownNow();
    }
  }

  private static CallCredentials bearer(String token) {
    Metadata.Key<String> authorization = Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);
    return new CallCredentials() {
      @Override
      public void applyRequestMetadata(RequestInfo info, Executor executor, MetadataApplier applier) {
        Metadata m = new Metadata();
        m.put(authorization, "Bearer " + token);
        applier.apply(m);
      }
    };
  }
}
