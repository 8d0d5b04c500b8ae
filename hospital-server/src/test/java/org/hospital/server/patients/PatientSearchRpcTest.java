package org.hospital.server.patients;

import static org.hospital.server.patients.PatientFixtures.confirmed;
import static org.hospital.server.patients.PatientFixtures.person;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.hospital.proto.patients.v1.Patient;
import org.hospital.proto.patients.v1.PatientSummary;
import org.hospital.proto.patients.v1.SearchPatientsRequest;
import org.hospital.proto.patients.v1.SearchPatientsResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Search behaviour over a small population, on H2 and on PostgreSQL. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PatientSearchRpcTest {

  private final java.util.Map<String, PatientRpcTest.Env> envs = new java.util.HashMap<>();
  private final java.util.Map<String, Patient> smithJohn = new java.util.HashMap<>();

  private PatientRpcTest.Env env(String kind) {
    return envs.computeIfAbsent(kind, k -> {
      PatientRpcTest.Env env = PatientRpcTest.Env.open(k);
      smithJohn.put(k, env.stub().registerPatient(confirmed(person("Smith", "John", 1980, 3, 2))).getPatient());
      for (String[] p : new String[][] {
          {"Smith", "Joanna"}, {"Smithers", "Waylon"}, {"Smyth", "Jonathan"}, {"Schmidt", "Johann"},
          {"Nováková", "Jiřina"}, {"O'Brien", "Siobhán"}, {"Müller-Lüdenscheidt", "Jürgen"},
          {"Johnson", "Stephen"}, {"Jones", "Mary Ann"}}) {
        env.stub().registerPatient(confirmed(person(p[0], p[1], 1970 + p[0].length(), 5, 5)));
      }
      for (int i = 0; i < 60; i++) {
        String given = "Given" + (char) ('a' + i / 26) + (char) ('a' + i % 26);
        env.stub().registerPatient(confirmed(person("Taylor", given, 1950 + i, 1, 1)));
      }
      return env;
    });
  }

  @AfterAll
  void close() {
    envs.values().forEach(PatientRpcTest.Env::close);
  }

  private List<String> names(String kind, String query) {
    return search(kind, SearchPatientsRequest.newBuilder().setQuery(query).build()).getResultsList().stream()
        .map(s -> s.getFamilyName() + ", " + s.getGivenNames()).toList();
  }

  private SearchPatientsResponse search(String kind, SearchPatientsRequest r) {
    return env(kind).stub().searchPatients(r);
  }

  @ParameterizedTest(name = "{0}: ''{1}'' finds {2}")
  @CsvSource(delimiter = ';', value = {
      "h2;smi;Smith, John", "postgresql;smi;Smith, John",
      "h2;SMITH jo;Smith, Joanna", "postgresql;SMITH jo;Smith, Joanna",
      "h2;john smith;Smith, John", "postgresql;john smith;Smith, John",
      "h2;Smith, John;Smith, John", "postgresql;Smith, John;Smith, John",
      "h2;smtih;Smith, John", "postgresql;smtih;Smith, John",
      "h2;novakova;Nováková, Jiřina", "postgresql;novakova;Nováková, Jiřina",
      "h2;NOVÁKOVÁ jirina;Nováková, Jiřina", "postgresql;NOVÁKOVÁ jirina;Nováková, Jiřina",
      "h2;obrien;O'Brien, Siobhán", "postgresql;obrien;O'Brien, Siobhán",
      "h2;muller-ludenscheidt;Müller-Lüdenscheidt, Jürgen",
      "postgresql;muller-ludenscheidt;Müller-Lüdenscheidt, Jürgen",
      "h2;jonson steven;Johnson, Stephen", "postgresql;jonson steven;Johnson, Stephen",
      "h2;smith 1980-03-02;Smith, John", "postgresql;smith 02.03.1980;Smith, John",
      "h2;smtih 1980-03-02;Smith, John", "postgresql;smtih 1980-03-02;Smith, John",
      "h2;john smith 1980-03-02;Smith, John", "postgresql;john smith 1980-03-02;Smith, John",
      "h2;sm jo 1980-03-02;Smith, John", "postgresql;sm jo 1980-03-02;Smith, John"})
  void findsForgivingCaseAccentsOrderAndTypos(String kind, String query, String expected) {
    assertTrue(names(kind, query).contains(expected), () -> query + " gave " + names(kind, query));
  }

  @ParameterizedTest
  @MethodSource("org.hospital.server.testing.TestDatabases#kinds")
  void exactNamesRankAbovePrefixesAndTypos(String kind) {
    List<String> found = names(kind, "smith");
    assertEquals(List.of("Smith, Joanna", "Smith, John", "Smithers, Waylon"), found.subList(0, 3));
    assertTrue(found.contains("Smyth, Jonathan"), found::toString);
    PatientSummary first = search(kind, SearchPatientsRequest.newBuilder().setQuery("smith").build())
        .getResults(0);
    assertEquals(List.of("NAME_EXACT"), first.getMatchReasonsList());
  }

  @ParameterizedTest
  @MethodSource("org.hospital.server.testing.TestDatabases#kinds")
  void findsByMrnBirthDateAndPhone(String kind) {
    Patient john = env(kind) == null ? null : smithJohn.get(kind);
    SearchPatientsResponse byMrn = search(kind, SearchPatientsRequest.newBuilder().setQuery(john.getMrn()).build());
    assertEquals(List.of(john.getId()), byMrn.getResultsList().stream().map(PatientSummary::getId).toList());
    assertEquals(List.of("MRN"), byMrn.getResults(0).getMatchReasonsList());

    SearchPatientsResponse byDate = search(kind, SearchPatientsRequest.newBuilder()
        .setBirthDate(john.getDemographics().getBirthDate()).build());
    assertTrue(byDate.getResultsList().stream().anyMatch(s -> s.getId() == john.getId()));

    SearchPatientsResponse byPhone = search(kind, SearchPatientsRequest.newBuilder()
        .setQuery(john.getDemographics().getPhone()).build());
    assertEquals(john.getId(), byPhone.getResults(0).getId());

    SearchPatientsResponse byPhoneAndName = search(kind, SearchPatientsRequest.newBuilder()
        .setQuery("smyth " + john.getDemographics().getPhone()).build());
    assertEquals(john.getId(), byPhoneAndName.getResults(0).getId());
    assertEquals(List.of("NAME_SIMILAR", "PHONE"), byPhoneAndName.getResults(0).getMatchReasonsList());

    SearchPatientsResponse wrongDate = search(kind, SearchPatientsRequest.newBuilder()
        .setQuery("smith 1980-03-03").build());
    assertTrue(wrongDate.getResultsList().stream().noneMatch(s -> s.getId() == john.getId()));
  }

  @ParameterizedTest
  @MethodSource("org.hospital.server.testing.TestDatabases#kinds")
  void pagesWithoutGapsOrRepeats(String kind) {
    Set<Long> seen = new HashSet<>();
    List<String> order = new ArrayList<>();
    SearchPatientsRequest.Builder r = SearchPatientsRequest.newBuilder().setQuery("taylor").setPageSize(25);
    int pages = 0;
    while (true) {
      SearchPatientsResponse page = search(kind, r.build());
      pages++;
      for (PatientSummary s : page.getResultsList()) {
        assertTrue(seen.add(s.getId()), "repeated " + s.getId());
        order.add(s.getGivenNames());
      }
      if (page.getNextPageToken().isEmpty()) {
        break;
      }
      r.setPageToken(page.getNextPageToken());
    }
    assertEquals(3, pages);
    assertEquals(60, seen.size());
    assertEquals(order.stream().sorted(String.CASE_INSENSITIVE_ORDER).toList(), order);
  }
}
