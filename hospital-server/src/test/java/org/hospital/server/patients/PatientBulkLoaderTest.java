package org.hospital.server.patients;

import static org.hospital.server.patients.PatientFixtures.confirmed;
import static org.hospital.server.patients.PatientFixtures.person;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.hospital.proto.patients.v1.Patient;
import org.hospital.proto.patients.v1.SearchPatientsRequest;
import org.hospital.server.demo.DemoPopulation;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class PatientBulkLoaderTest {

  @ParameterizedTest
  @MethodSource("org.hospital.server.testing.TestDatabases#kinds")
  void bulkLoadedPatientsAreSearchableAndRegistrationGoesOnAfterThem(String kind) {
    try (PatientRpcTest.Env env = PatientRpcTest.Env.open(kind)) {
      Patient before = env.stub().registerPatient(confirmed(person("Before", "Bulk", 1970, 1, 1))).getPatient();
      long loaded = new PatientBulkLoader(env.t().db())
          .load(new DemoPopulation(7, 2_345, LocalDate.of(2026, 1, 1)), "test");
      assertEquals(2_345, loaded);
      // EclipseLink's id blocks and the loader's must not overlap
      for (int i = 0; i < 60; i++) {
        env.stub().registerPatient(confirmed(person("After", "Bulk" + (char) ('a' + i % 26)
            + (char) ('a' + i / 26), 1971, 1, 1)));
      }
      assertEquals(2_345 + 61, env.count("patient"));
      long distinctMrns = env.t().db().read(em -> ((Number) em.createNativeQuery(
          "SELECT COUNT(DISTINCT mrn) FROM patient").getSingleResult()).longValue());
      assertEquals(env.count("patient"), distinctMrns);
      assertTrue(env.stub().searchPatients(SearchPatientsRequest.newBuilder().setQuery("smith").build())
          .getResultsCount() > 0);
      // the name dictionary learned the bulk names too: a typo finds them
      assertTrue(env.stub().searchPatients(SearchPatientsRequest.newBuilder().setQuery("dvorak").build())
          .getResultsList().stream().anyMatch(s -> s.getFamilyName().startsWith("Dvořák")));
      assertTrue(env.stub().searchPatients(SearchPatientsRequest.newBuilder().setQuery("dvroak").build())
          .getResultsList().stream().anyMatch(s -> s.getFamilyName().startsWith("Dvořák")));
      assertTrue(before.getId() > 0);
    }
  }
}
