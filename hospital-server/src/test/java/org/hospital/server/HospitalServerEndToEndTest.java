package org.hospital.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.Grpc;
import io.grpc.ManagedChannel;
import io.grpc.ServerMethodDefinition;
import io.grpc.ServerServiceDefinition;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.TlsChannelCredentials;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.health.v1.HealthGrpc;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.hospital.proto.audit.v1.AuditServiceGrpc;
import org.hospital.proto.audit.v1.VerifyAuditChainRequest;
import org.hospital.proto.auth.v1.AuthServiceGrpc;
import org.hospital.proto.auth.v1.LoginRequest;
import org.hospital.proto.patients.v1.SearchPatientsRequest;
import org.hospital.proto.patients.v1.PatientServiceGrpc;
import org.hospital.server.security.PermissionTable;
import org.hospital.server.testing.BearerToken;
import org.hospital.server.testing.Errors;
import org.hospital.server.testing.TestHospitalServer;
import org.hospital.server.tls.CertificateAuthority;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** The assembled server over TLS on loopback, as a workstation sees it. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HospitalServerEndToEndTest {

  private TestHospitalServer hospital;
  private ManagedChannel channel;

  @BeforeAll
  void start() throws Exception {
    hospital = TestHospitalServer.start(200, java.time.Duration.ofMinutes(15));
    channel = Grpc.newChannelBuilder(hospital.target(),
        TlsChannelCredentials.newBuilder().trustManager(hospital.caCertificate().toFile()).build()).build();
  }

  @AfterAll
  void stop() {
    channel.shutdownNow();
    hospital.close();
  }

  private String login(String user) {
    return AuthServiceGrpc.newBlockingStub(channel).login(LoginRequest.newBuilder().setUsername(user)
        .setPassword(TestHospitalServer.PASSWORD).setWorkstation("desk-7").build()).getSessionToken();
  }

  @Test
  void everyRegisteredMethodHasAPermissionRule() {
    List<String> methods = hospital.server().services().stream()
        .map(ServerServiceDefinition::getMethods).flatMap(java.util.Collection::stream)
        .map(ServerMethodDefinition::getMethodDescriptor).map(io.grpc.MethodDescriptor::getFullMethodName)
        .toList();
    assertTrue(methods.size() >= 10, methods::toString);
    PermissionTable table = PermissionTable.standard();
    List<String> missing = methods.stream().filter(m -> table.ruleFor(m).isEmpty()).toList();
    assertEquals(List.of(), missing, "methods without a permission rule are denied; give each one a rule");
  }

  @Test
  void healthIsOpenToMonitoringWithoutSignIn() {
    assertEquals(HealthCheckResponse.ServingStatus.SERVING,
        HealthGrpc.newBlockingStub(channel).check(HealthCheckRequest.getDefaultInstance()).getStatus());
  }

  @Test
  void receptionSignsInAndSearchesTheDemoRegisterAndTheTrailRecordsIt() {
    PatientServiceGrpc.PatientServiceBlockingStub patients = PatientServiceGrpc.newBlockingStub(channel)
        .withCallCredentials(BearerToken.of(login("reception"))).withDeadlineAfter(10, TimeUnit.SECONDS);
    assertTrue(patients.searchPatients(SearchPatientsRequest.newBuilder().setQuery("smith").build())
        .getResultsCount() > 0);
    long searches = hospital.server().database().read(em -> ((Number) em.createNativeQuery(
        "SELECT COUNT(*) FROM audit_entry WHERE action = 'PATIENT_SEARCHED' AND actor = 'reception'"
            + " AND source LIKE '%desk-7%'").getSingleResult()).longValue());
    assertTrue(searches >= 1);

    var verify = AuditServiceGrpc.newBlockingStub(channel).withCallCredentials(BearerToken.of(login("admin")))
        .verifyAuditChain(VerifyAuditChainRequest.getDefaultInstance());
    assertTrue(verify.getIntact());
    assertTrue(verify.getEntriesChecked() >= 3);
  }

  @Test
  void callsWithoutSessionOrWithTheWrongRoleAreRefused() {
    StatusRuntimeException anonymous = assertThrows(StatusRuntimeException.class, () -> PatientServiceGrpc
        .newBlockingStub(channel).searchPatients(SearchPatientsRequest.newBuilder().setQuery("smith").build()));
    assertEquals(Status.Code.UNAUTHENTICATED, anonymous.getStatus().getCode());

    StatusRuntimeException nurse = assertThrows(StatusRuntimeException.class, () -> AuditServiceGrpc
        .newBlockingStub(channel).withCallCredentials(BearerToken.of(login("nurse")))
        .verifyAuditChain(VerifyAuditChainRequest.getDefaultInstance()));
    assertEquals(Status.Code.PERMISSION_DENIED, nurse.getStatus().getCode());
    assertEquals("PERMISSION_DENIED", Errors.info(nurse).getReason());
  }

  @Test
  void aWorkstationThatDoesNotTrustTheServersCaCannotConnect(@TempDir Path other) throws Exception {
    Path strangerCa = CertificateAuthority.ensure(other, List.of()).caCertificate();
    ManagedChannel untrusting = Grpc.newChannelBuilder(hospital.target(),
        TlsChannelCredentials.newBuilder().trustManager(strangerCa.toFile()).build()).build();
    try {
      StatusRuntimeException e = assertThrows(StatusRuntimeException.class,
          () -> HealthGrpc.newBlockingStub(untrusting).withDeadlineAfter(5, TimeUnit.SECONDS)
              .check(HealthCheckRequest.getDefaultInstance()));
      assertEquals(Status.Code.UNAVAILABLE, e.getStatus().getCode());
    } finally {
      untrusting.shutdownNow();
    }
    assertFalse(Files.readString(strangerCa).equals(Files.readString(hospital.caCertificate())));
  }
}
