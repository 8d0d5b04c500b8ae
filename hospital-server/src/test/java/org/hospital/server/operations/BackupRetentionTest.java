package org.hospital.server.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.Timestamp;
import io.grpc.Grpc;
import io.grpc.ManagedChannel;
import io.grpc.TlsChannelCredentials;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.hospital.proto.auth.v1.AuthServiceGrpc;
import org.hospital.proto.auth.v1.LoginRequest;
import org.hospital.proto.operations.v1.BackupManifest;
import org.hospital.proto.operations.v1.CreateBackupRequest;
import org.hospital.proto.operations.v1.OperationsServiceGrpc;
import org.hospital.server.testing.BearerToken;
import org.hospital.server.testing.TestHospitalServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * After a backup only the newest {@code backup.keep} backups remain; what is not certainly a backup (no
 * manifest, a manifest that does not read, another name, a link) is never deleted and takes no place.
 */
class BackupRetentionTest {

  @TempDir
  Path backups;

  @Test
  void keepsTheNewestAndLeavesWhatIsNotABackup() throws IOException {
    Path oldest = backup("20260101T000000.000Z", "2026-01-01T00:00:00Z");
    Path older = backup("20260102T000000.000Z", "2026-01-02T00:00:00Z");
    Path newer = backup("20260103T000000.000Z", "2026-01-03T00:00:00Z");
    Path noManifest = Files.createDirectory(backups.resolve("20251201T000000.000Z"));
    Path damaged = Files.createDirectory(backups.resolve("20251202T000000.000Z"));
    Files.writeString(damaged.resolve(ManifestFile.NAME), "created.at=yesterday\n");
    Path otherName = backup("before-upgrade", "2025-06-01T00:00:00Z");
    Path link = Files.createSymbolicLink(backups.resolve("20251203T000000.000Z"), oldest);
    Path stray = Files.writeString(backups.resolve("notes.txt"), "keep me");
    // Made now, though its clock said earlier than the others: it is kept whatever its time.
    Path justMade = backup("20260104T000000.000Z", "2025-01-01T00:00:00Z");

    List<Path> deleted = new BackupRetention(2).prune(backups, justMade);

    assertEquals(List.of(older, oldest), deleted, "oldest last; the newest other backup keeps its place");
    assertEquals(List.of("20251201T000000.000Z", "20251202T000000.000Z", "20251203T000000.000Z",
        "20260103T000000.000Z", "20260104T000000.000Z", "before-upgrade", "notes.txt"), names());
    assertTrue(Files.isRegularFile(newer.resolve("database.zip")));
    assertTrue(Files.isDirectory(noManifest) && Files.isDirectory(otherName) && Files.isRegularFile(stray));
    assertTrue(Files.isSymbolicLink(link), "a link is never followed nor removed");
  }

  @Test
  void keepingOneKeepsOnlyTheBackupJustMade() throws IOException {
    backup("20260101T000000.000Z", "2026-01-01T00:00:00Z");
    Path justMade = backup("20260102T000000.000Z", "2026-01-02T00:00:00Z");

    new BackupRetention(1).prune(backups, justMade);

    assertEquals(List.of("20260102T000000.000Z"), names());
  }

  @Test
  void createBackupOnARunningServerPrunesBeyondTheConfiguredNumber() throws Exception {
    try (TestHospitalServer s = TestHospitalServer.start(c -> c.withOperations(c.operations().withBackupKeep(2)))) {
      ManagedChannel channel = Grpc.newChannelBuilder(s.target(), TlsChannelCredentials.newBuilder()
          .trustManager(s.caCertificate().toFile()).build()).build();
      try {
        String token = AuthServiceGrpc.newBlockingStub(channel).login(LoginRequest.newBuilder()
            .setUsername("admin").setPassword(TestHospitalServer.PASSWORD).setWorkstation("ops").build())
            .getSessionToken();
        OperationsServiceGrpc.OperationsServiceBlockingStub ops = OperationsServiceGrpc.newBlockingStub(channel)
            .withCallCredentials(BearerToken.of(token));
        List<String> made = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
          made.add(Path.of(ops.createBackup(CreateBackupRequest.getDefaultInstance()).getDirectory())
              .getFileName().toString());
        }
        try (Stream<Path> left = Files.list(s.config().backupDir())) {
          assertEquals(made.subList(1, 3), left.map(p -> p.getFileName().toString()).sorted().toList());
        }
      } finally {
        channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
      }
    }
  }

  private Path backup(String name, String createdAt) throws IOException {
    Path dir = Files.createDirectory(backups.resolve(name));
    Files.writeString(dir.resolve("database.zip"), "data");
    Instant at = Instant.parse(createdAt);
    ManifestFile.write(dir, BackupManifest.newBuilder()
        .setCreatedAt(Timestamp.newBuilder().setSeconds(at.getEpochSecond()))
        .setDatabaseKind("h2").setSchemaVersion("42").setAuditLastSequence(1).setAuditLastHash("00").build());
    return dir;
  }

  private List<String> names() throws IOException {
    try (Stream<Path> all = Files.list(backups)) {
      return all.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }
}
