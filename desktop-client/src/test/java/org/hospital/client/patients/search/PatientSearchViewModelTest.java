package org.hospital.client.patients.search;

import static org.hospital.client.patients.FakePatientDirectory.page;
import static org.hospital.client.patients.FakePatientDirectory.summary;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.Status;
import java.time.Duration;
import java.util.List;
import org.hospital.client.patients.FakePatientDirectory;
import org.hospital.client.patients.RecordingNavigator;
import org.hospital.client.testing.Direct;
import org.hospital.client.testing.ManualExecutor;
import org.hospital.client.testing.ManualScheduler;
import org.junit.jupiter.api.Test;

class PatientSearchViewModelTest {

  private final ManualScheduler clock = new ManualScheduler();
  private final ManualExecutor background = new ManualExecutor();
  private final FakePatientDirectory directory = new FakePatientDirectory();
  private final RecordingNavigator navigator = new RecordingNavigator();
  private final PatientSearchViewModel vm =
      new PatientSearchViewModel(Direct.ENGLISH, Direct.ERRORS, Direct.tasks(background), clock, directory, navigator);

  @Test
  void asksForTwoCharactersBeforeSearching() {
    vm.queryProperty().set("s");
    clock.advance(Duration.ofSeconds(1));
    background.runAll();
    assertEquals(SearchState.TOO_SHORT, vm.stateProperty().get());
    assertTrue(directory.searches.isEmpty());
  }

  @Test
  void searchesOnceTypingPausesWithTheWholeText() {
    directory.searchAnswer = search -> page("", summary(1, "Smith", "Anna"));
    for (String typed : List.of("sm", "smi", "smit", "smith")) {
      vm.queryProperty().set(typed);
      clock.advance(Duration.ofMillis(100));
    }
    assertEquals(0, background.pending(), "nothing is sent while the user keeps typing");
    clock.advance(PatientSearchViewModel.DEBOUNCE);
    background.runAll();
    assertEquals(1, directory.searches.size());
    assertEquals("smith", directory.searches.getFirst().query());
    assertEquals(SearchState.RESULTS, vm.stateProperty().get());
    assertEquals("Smith", vm.results().getFirst().getFamilyName());
  }

  @Test
  void aNewKeystrokeCancelsTheRequestInFlightAndItsAnswerIsNeverShown() {
    directory.searchAnswer = search -> page("", summary(search.query().length(), search.query(), "x"));
    vm.queryProperty().set("smi");
    clock.advance(PatientSearchViewModel.DEBOUNCE);
    assertEquals(1, background.pending(), "the first request is in flight");
    vm.queryProperty().set("smit");
    background.runAll(); // the first request's turn comes after it was cancelled: it does not run at all
    assertTrue(directory.searches.isEmpty());
    assertTrue(vm.results().isEmpty());
    clock.advance(PatientSearchViewModel.DEBOUNCE);
    background.runAll();
    assertEquals(List.of("smit"), directory.searches.stream().map(FakePatientDirectory.Search::query).toList());
    assertEquals("smit", vm.results().getFirst().getFamilyName());
  }

  @Test
  void anAnswerThatArrivesForAnOlderQueryIsIgnored() {
    ManualExecutor uiThread = new ManualExecutor();
    PatientSearchViewModel racing = new PatientSearchViewModel(Direct.ENGLISH, Direct.ERRORS,
        new org.hospital.client.tasks.TaskRunner(Direct.EXECUTOR, uiThread), clock, directory, navigator);
    directory.searchAnswer = search -> page("", summary(1, search.query(), "x"));
    racing.queryProperty().set("ann");
    clock.advance(PatientSearchViewModel.DEBOUNCE);
    // the server has answered "ann"; the answer waits for the UI thread while the user types on
    assertEquals(1, directory.searches.size());
    assertEquals(1, uiThread.pending());
    racing.queryProperty().set("anna");
    uiThread.runAll();
    assertTrue(racing.results().isEmpty(), "the answer for 'ann' arrived after 'anna' was typed");
  }

  @Test
  void saysSoWhenNothingMatches() {
    vm.queryProperty().set("zzz");
    clock.advance(PatientSearchViewModel.DEBOUNCE);
    background.runAll();
    assertEquals(SearchState.NO_RESULTS, vm.stateProperty().get());
  }

  @Test
  void moreResultsAppendsTheNextPage() {
    directory.searchAnswer = search -> search.pageToken().isEmpty()
        ? page("p2", summary(1, "Smith", "Anna"))
        : page("", summary(2, "Smith", "Bob"));
    vm.queryProperty().set("smith");
    clock.advance(PatientSearchViewModel.DEBOUNCE);
    background.runAll();
    assertTrue(vm.moreAvailableProperty().get());
    vm.loadMore();
    background.runAll();
    assertEquals("p2", directory.searches.get(1).pageToken());
    assertEquals("smith", directory.searches.get(1).query());
    assertEquals(2, vm.results().size());
    assertFalse(vm.moreAvailableProperty().get());
  }

  @Test
  void anUnreachableServerIsExplained() {
    directory.searchAnswer = search -> {
      throw Status.UNAVAILABLE.withDescription("io exception").asRuntimeException();
    };
    vm.queryProperty().set("smith");
    clock.advance(PatientSearchViewModel.DEBOUNCE);
    background.runAll();
    assertEquals(SearchState.FAILED, vm.stateProperty().get());
    assertTrue(vm.errorMessageProperty().get().startsWith("Cannot reach the server"));
  }

  @Test
  void textTheServerCannotReadAsASearchIsExplained() {
    directory.searchAnswer = search -> {
      throw org.hospital.client.testing.Failures.invalid(java.util.Map.of(), "query", "INVALID_FORMAT");
    };
    vm.queryProperty().set("03/02/1980");
    clock.advance(PatientSearchViewModel.DEBOUNCE);
    background.runAll();
    assertTrue(vm.errorMessageProperty().get().startsWith("The search could not be understood"));
  }

  @Test
  void openingAResultGoesToItsDetails() {
    vm.open(summary(42, "Smith", "Anna"));
    assertEquals("details:42", navigator.last());
  }
}
