package org.hospital.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.hospital.server.testing.TestHospitalServer;
import org.junit.jupiter.api.Test;

class VerifyAuditCommandTest {

  @Test
  void commandReportsAnIntactChainThenTheFirstTamperedEntry() throws Exception {
    try (TestHospitalServer hospital = TestHospitalServer.start()) {
      PrintStream original = System.out;
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      try {
        // a sign-in through the running server writes to the trail; the command then reads it offline
        org.hospital.proto.auth.v1.AuthServiceGrpc.newBlockingStub(io.grpc.Grpc.newChannelBuilder(
                hospital.target(), io.grpc.TlsChannelCredentials.newBuilder()
                    .trustManager(hospital.caCertificate().toFile()).build()).build())
            .login(org.hospital.proto.auth.v1.LoginRequest.newBuilder().setUsername("reception")
                .setPassword(TestHospitalServer.PASSWORD).build());
        hospital.stop();
        assertEquals(0, HospitalServerMain.verifyAudit(hospital.config()));
        try (Connection c = DriverManager.getConnection(hospital.config().jdbcUrl(), hospital.config().dbUser(),
            hospital.config().dbPassword()); Statement s = c.createStatement()) {
          s.execute("DROP TRIGGER audit_entry_no_update");
          s.executeUpdate("UPDATE audit_entry SET outcome = 'FAILURE' WHERE seq = 1");
        }
        assertEquals(3, HospitalServerMain.verifyAudit(hospital.config()));
      } finally {
        System.setOut(original);
      }
      String printed = out.toString(StandardCharsets.UTF_8);
      assertTrue(printed.contains("Audit log intact"), printed);
      assertTrue(printed.contains("TAMPERED: entry 1 "), printed);
    }
  }
}
