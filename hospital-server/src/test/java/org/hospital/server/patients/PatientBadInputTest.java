package org.hospital.server.patients;

import static org.hospital.server.patients.PatientFixtures.confirmed;
import static org.hospital.server.patients.PatientFixtures.person;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.function.Function;
import java.util.stream.Stream;
import org.hospital.proto.common.v1.Date;
import org.hospital.proto.patients.v1.Address;
import org.hospital.proto.patients.v1.GetPatientRequest;
import org.hospital.proto.patients.v1.PatientDemographics;
import org.hospital.proto.patients.v1.PatientServiceGrpc.PatientServiceBlockingStub;
import org.hospital.proto.patients.v1.RegisterPatientRequest;
import org.hospital.proto.patients.v1.SearchPatientsRequest;
import org.hospital.proto.patients.v1.UpdatePatientRequest;
import org.hospital.server.testing.Errors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Malformed requests sent to the real service: each gets INVALID_ARGUMENT naming the field and what is wrong
 * with it, nothing is written (no patient, no audit entry), and the server goes on serving.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PatientBadInputTest {

  private PatientRpcTest.Env env;
  private long patientId;

  @BeforeAll
  void start() {
    env = PatientRpcTest.Env.open("h2");
    patientId = env.stub().registerPatient(confirmed(person("Baseline", "Bea", 1960, 2, 2))).getPatient().getId();
  }

  @AfterAll
  void stop() {
    env.close();
  }

  private static Arguments reg(String name, PatientDemographics.Builder d, String field, String code) {
    Function<PatientServiceBlockingStub, Object> call = s -> s.registerPatient(confirmed(d));
    return Arguments.of(name, call, field, code);
  }

  private static Arguments call(String name, Function<PatientServiceBlockingStub, Object> call, String field,
      String code) {
    return Arguments.of(name, call, field, code);
  }

  Stream<Arguments> badRequests() {
    String tooLong = "A".repeat(101);
    return Stream.of(
        reg("missing family name", person("", "Ann", 1980, 1, 1), "demographics.family_name", "REQUIRED"),
        reg("blank given names", person("Doe", "   ", 1980, 1, 1), "demographics.given_names", "REQUIRED"),
        reg("oversized name", person(tooLong, "Ann", 1980, 1, 1), "demographics.family_name", "TOO_LONG"),
        reg("control character", person("Doe\u0000", "Ann", 1980, 1, 1), "demographics.family_name",
            "INVALID_CHARACTERS"),
        reg("bidi override", person("Doe\u202E", "Ann", 1980, 1, 1), "demographics.family_name",
            "INVALID_CHARACTERS"),
        reg("digits in a name", person("Doe", "Ann3", 1980, 1, 1), "demographics.given_names",
            "INVALID_CHARACTERS"),
        reg("30 February", person("Doe", "Ann", 1980, 2, 30), "demographics.birth_date", "INVALID_DATE"),
        reg("month 13", person("Doe", "Ann", 1980, 13, 1), "demographics.birth_date", "INVALID_DATE"),
        reg("born tomorrow", person("Doe", "Ann", 2999, 1, 1), "demographics.birth_date", "IN_FUTURE"),
        reg("born 1700", person("Doe", "Ann", 1700, 1, 1), "demographics.birth_date", "TOO_OLD"),
        reg("no birth date", person("Doe", "Ann", 1980, 1, 1).clearBirthDate(), "demographics.birth_date",
            "REQUIRED"),
        reg("sex unspecified", person("Doe", "Ann", 1980, 1, 1).setSexValue(0), "demographics.sex", "REQUIRED"),
        reg("unknown sex value", person("Doe", "Ann", 1980, 1, 1).setSexValue(99), "demographics.sex",
            "UNKNOWN_VALUE"),
        reg("phone letters", person("Doe", "Ann", 1980, 1, 1).setPhone("call me"), "demographics.phone",
            "INVALID_FORMAT"),
        reg("bad email", person("Doe", "Ann", 1980, 1, 1).setEmail("ann.at.example"), "demographics.email",
            "INVALID_FORMAT"),
        reg("country name", person("Doe", "Ann", 1980, 1, 1).setAddress(Address.newBuilder().setCountry("USA")),
            "demographics.address.country", "TOO_LONG"),
        call("bad request id", s -> s.registerPatient(RegisterPatientRequest.newBuilder()
            .setDemographics(person("Doe", "Ann", 1980, 1, 1)).setRequestId("x y").build()),
            "request_id", "INVALID_FORMAT"),
        call("update without version", s -> s.updatePatient(UpdatePatientRequest.newBuilder().setId(patientId)
            .setDemographics(person("Doe", "Ann", 1980, 1, 1)).build()), "expected_version", "REQUIRED"),
        call("update negative id", s -> s.updatePatient(UpdatePatientRequest.newBuilder().setId(-5)
            .setExpectedVersion(1).setDemographics(person("Doe", "Ann", 1980, 1, 1)).build()), "id",
            "OUT_OF_RANGE"),
        call("update to an impossible date", s -> s.updatePatient(UpdatePatientRequest.newBuilder()
            .setId(patientId).setExpectedVersion(1)
            .setDemographics(person("Doe", "Ann", 1980, 4, 31)).build()), "demographics.birth_date",
            "INVALID_DATE"),
        call("get without key", s -> s.getPatient(GetPatientRequest.getDefaultInstance()), "id", "REQUIRED"),
        call("MRN with a wrong check digit", s -> s.getPatient(GetPatientRequest.newBuilder()
            .setMrn("10000001").build()), "mrn", "INVALID_FORMAT"),
        call("empty search", s -> s.searchPatients(SearchPatientsRequest.getDefaultInstance()), "query",
            "REQUIRED"),
        call("one-letter search", s -> s.searchPatients(SearchPatientsRequest.newBuilder().setQuery("s").build()),
            "query", "TOO_SHORT"),
        call("page size 0..100 only", s -> s.searchPatients(SearchPatientsRequest.newBuilder().setQuery("smith")
            .setPageSize(1000).build()), "page_size", "OUT_OF_RANGE"),
        call("negative page size", s -> s.searchPatients(SearchPatientsRequest.newBuilder().setQuery("smith")
            .setPageSize(-1).build()), "page_size", "OUT_OF_RANGE"),
        call("forged page token", s -> s.searchPatients(SearchPatientsRequest.newBuilder().setQuery("smith")
            .setPageToken("bm9wZQ").build()), "page_token", "INVALID_FORMAT"),
        call("oversized query", s -> s.searchPatients(SearchPatientsRequest.newBuilder()
            .setQuery("a".repeat(201)).build()), "query", "TOO_LONG"),
        call("ambiguous date", s -> s.searchPatients(SearchPatientsRequest.newBuilder()
            .setQuery("smith 03/02/1980").build()), "query", "INVALID_FORMAT"),
        call("impossible date in query", s -> s.searchPatients(SearchPatientsRequest.newBuilder()
            .setQuery("smith 1980-02-31").build()), "query", "INVALID_DATE"),
        call("impossible structured date", s -> s.searchPatients(SearchPatientsRequest.newBuilder()
            .setBirthDate(Date.newBuilder().setYear(1980).setMonth(0).setDay(5)).build()), "birth_date",
            "INVALID_DATE"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badRequests")
  void isRejectedWithFieldDetailsAndWritesNothing(String name, Function<PatientServiceBlockingStub, Object> call,
      String field, String code) {
    long patients = env.count("patient");
    long audit = env.count("audit_entry");
    StatusRuntimeException e = assertThrows(StatusRuntimeException.class, () -> call.apply(env.stub()));
    assertEquals(Status.Code.INVALID_ARGUMENT, e.getStatus().getCode());
    assertEquals("VALIDATION_FAILED", Errors.info(e).getReason());
    assertEquals(code, Errors.violations(e).get(field), () -> "violations: " + Errors.violations(e));
    assertEquals(patients, env.count("patient"));
    assertEquals(audit, env.count("audit_entry"));
    // and the server keeps serving
    assertEquals(patientId, env.stub().getPatient(GetPatientRequest.newBuilder().setId(patientId).build())
        .getPatient().getId());
  }
}
