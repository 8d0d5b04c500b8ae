package org.hospital.server.patients;

import static org.hospital.server.patients.PatientFixtures.confirmed;
import static org.hospital.server.patients.PatientFixtures.person;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.hospital.proto.patients.v1.GetPatientRequest;
import org.hospital.proto.patients.v1.Patient;
import org.hospital.proto.patients.v1.PatientServiceGrpc;
import org.hospital.proto.patients.v1.RegisterPatientRequest;
import org.hospital.proto.patients.v1.RegisterPatientResponse;
import org.hospital.proto.patients.v1.UpdatePatientRequest;
import org.hospital.server.audit.AuditChainVerifier;
import org.hospital.server.audit.DatabaseAuditTrail;
import org.hospital.server.security.CurrentUser;
import org.hospital.server.security.Role;
import org.hospital.server.testing.Errors;
import org.hospital.server.testing.InProcessServer;
import org.hospital.server.testing.TestDatabases;
import org.hospital.server.testing.TestDatabases.TestDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class PatientRpcTest {

  private static final CurrentUser DESK = new CurrentUser(1, "reception", "Rita Reception",
      Set.of(Role.RECEPTION), "127.0.0.1 desk-1");

  /** A running patients service over a fresh database. */
  record Env(TestDatabase t, DatabaseAuditTrail audit, InProcessServer server) implements AutoCloseable {
    static Env open(String kind) {
      TestDatabase t = TestDatabases.open(kind);
      DatabaseAuditTrail audit = new DatabaseAuditTrail(t.db(), Clock.systemUTC());
      PatientService service = new PatientService(t.db(), audit, Clock.systemUTC());
      return new Env(t, audit, new InProcessServer(DESK, new PatientGrpcService(service, Clock.systemUTC())));
    }

    PatientServiceGrpc.PatientServiceBlockingStub stub() {
      return PatientServiceGrpc.newBlockingStub(server.channel());
    }

    long count(String table) {
      return t.db().read(em -> ((Number) em.createNativeQuery("SELECT COUNT(*) FROM " + table)
          .getSingleResult()).longValue());
    }

    @Override
    public void close() {
      server.close();
      audit.close();
      t.close();
    }
  }

  @ParameterizedTest
  @MethodSource("org.hospital.server.testing.TestDatabases#kinds")
  void registersWithCheckedMrnAndReadsBack(String kind) {
    try (Env env = Env.open(kind)) {
      Patient p = env.stub().registerPatient(confirmed(person("Nováková", "Jiřina", 1980, 3, 2))).getPatient();
      assertTrue(Mrn.isValid(p.getMrn()), p.getMrn());
      assertEquals(1, p.getVersion());
      assertEquals("Rita Reception", p.getUpdatedBy());
      Patient byMrn = env.stub().getPatient(GetPatientRequest.newBuilder().setMrn(p.getMrn()).build()).getPatient();
      assertEquals(p.getId(), byMrn.getId());
      assertEquals("Nováková", byMrn.getDemographics().getFamilyName());
      assertEquals(2, env.count("audit_entry"));
      assertTrue(new AuditChainVerifier(env.t().db().dataSource()).verify().intact());
    }
  }

  @ParameterizedTest
  @MethodSource("org.hospital.server.testing.TestDatabases#kinds")
  void likelyDuplicatesComeBackUntilConfirmed(String kind) {
    try (Env env = Env.open(kind)) {
      Patient first = env.stub().registerPatient(confirmed(person("Johnson", "Katherine", 1975, 6, 1)))
          .getPatient();
      RegisterPatientRequest again = RegisterPatientRequest.newBuilder()
          .setDemographics(person("Jonson", "Catherine", 1975, 6, 1)).setRequestId("dup-check-0001").build();
      RegisterPatientResponse answer = env.stub().registerPatient(again);
      assertTrue(answer.hasDuplicates());
      assertEquals(first.getId(), answer.getDuplicates().getCandidates(0).getId());
      assertEquals(1, env.count("patient"));

      RegisterPatientResponse confirmedNew = env.stub().registerPatient(again.toBuilder().setConfirmedNew(true)
          .build());
      assertTrue(confirmedNew.hasPatient());
      // a retry of the same request (same id) after a timeout must not register a third record
      RegisterPatientResponse retry = env.stub().registerPatient(again.toBuilder().setConfirmedNew(true).build());
      assertEquals(confirmedNew.getPatient().getId(), retry.getPatient().getId());
      assertEquals(2, env.count("patient"));
    }
  }

  @ParameterizedTest
  @MethodSource("org.hospital.server.testing.TestDatabases#kinds")
  void staleSaveIsRejectedNamingWhoChangedIt(String kind) {
    try (Env env = Env.open(kind)) {
      Patient p = env.stub().registerPatient(confirmed(person("Smith", "Anna", 1990, 1, 15))).getPatient();
      UpdatePatientRequest edit = UpdatePatientRequest.newBuilder().setId(p.getId()).setExpectedVersion(1)
          .setDemographics(p.getDemographics().toBuilder().setPhone("+1 617 555 0000")).build();
      Patient saved = env.stub().updatePatient(edit).getPatient();
      assertEquals(2, saved.getVersion());

      StatusRuntimeException e = assertThrows(StatusRuntimeException.class, () -> env.stub().updatePatient(
          edit.toBuilder().setDemographics(p.getDemographics().toBuilder().setPhone("+1 617 555 9999")).build()));
      assertEquals(Status.Code.ABORTED, e.getStatus().getCode());
      assertEquals("STALE_VERSION", Errors.info(e).getReason());
      assertEquals("Rita Reception", Errors.info(e).getMetadataOrThrow("updated_by"));
      assertEquals(saved.getUpdatedAt(), Errors.info(e).getMetadataOrThrow("updated_at"));
      Patient now = env.stub().getPatient(GetPatientRequest.newBuilder().setId(p.getId()).build()).getPatient();
      assertEquals("+1 617 555 0000", now.getDemographics().getPhone());
    }
  }

  @ParameterizedTest
  @MethodSource("org.hospital.server.testing.TestDatabases#kinds")
  void unknownPatientIsNotFound(String kind) {
    try (Env env = Env.open(kind)) {
      StatusRuntimeException e = assertThrows(StatusRuntimeException.class,
          () -> env.stub().getPatient(GetPatientRequest.newBuilder().setId(424242).build()));
      assertEquals(Status.Code.NOT_FOUND, e.getStatus().getCode());
      assertEquals("NOT_FOUND", Errors.info(e).getReason());
    }
  }
}
