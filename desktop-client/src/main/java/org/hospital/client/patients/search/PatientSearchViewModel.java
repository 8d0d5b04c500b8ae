package org.hospital.client.patients.search;

import java.time.Duration;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.hospital.client.errors.ErrorMessages;
import org.hospital.client.errors.RpcFailure;
import org.hospital.client.i18n.I18n;
import org.hospital.client.patients.PatientDirectory;
import org.hospital.client.patients.PatientNavigator;
import org.hospital.client.tasks.ActionStatus;
import org.hospital.client.tasks.Cancellable;
import org.hospital.client.tasks.TaskRunner;
import org.hospital.client.tasks.UiScheduler;
import org.hospital.proto.common.v1.ErrorReason;
import org.hospital.proto.patients.v1.PatientSummary;
import org.hospital.proto.patients.v1.SearchPatientsResponse;

/**
 * Search as you type. Each keystroke restarts a short quiet period; only then a request goes out, and a new
 * keystroke cancels the request in flight. A sequence number drops any answer that still arrives for an
 * older query, so the table never shows results for text that is no longer in the field.
 */
public final class PatientSearchViewModel {

  public static final Duration DEBOUNCE = Duration.ofMillis(250);
  public static final int MIN_QUERY_LENGTH = 2;

  private final StringProperty query = new SimpleStringProperty("");
  private final ObservableList<PatientSummary> results = FXCollections.observableArrayList();
  private final ObjectProperty<SearchState> state = new SimpleObjectProperty<>(SearchState.TOO_SHORT);
  private final BooleanProperty moreAvailable = new SimpleBooleanProperty(false);
  private final BooleanProperty loadingMore = new SimpleBooleanProperty(false);

  private final I18n i18n;
  private final ErrorMessages errors;
  private final ActionStatus status;
  private final UiScheduler scheduler;
  private final PatientDirectory directory;
  private final PatientNavigator navigator;

  private long sequence;
  private String nextPageToken = "";
  private String activeQuery = "";
  private Cancellable pendingDebounce = Cancellable.NONE;
  private Cancellable inFlight = Cancellable.NONE;

  public PatientSearchViewModel(I18n i18n, ErrorMessages errors, TaskRunner tasks, UiScheduler scheduler,
      PatientDirectory directory, PatientNavigator navigator) {
    this.i18n = i18n;
    this.errors = errors;
    this.status = new ActionStatus(tasks, errors);
    this.scheduler = scheduler;
    this.directory = directory;
    this.navigator = navigator;
    query.addListener((obs, old, text) -> queryChanged(text));
  }

  public void open(PatientSummary patient) {
    if (patient != null) {
      navigator.openDetails(patient.getId(), "");
    }
  }

  public void registerNew() {
    navigator.openRegistration();
  }

  /** Fetches the next page of the current query and appends it. */
  public void loadMore() {
    if (!moreAvailable.get() || loadingMore.get()) {
      return;
    }
    long mySequence = sequence;
    loadingMore.set(true);
    inFlight = status.call(() -> directory.search(activeQuery, nextPageToken), page -> {
      if (mySequence == sequence) {
        loadingMore.set(false);
        results.addAll(page.getResultsList());
        nextPageToken = page.getNextPageToken();
        moreAvailable.set(!nextPageToken.isEmpty());
      }
    }, failure -> {
      if (mySequence == sequence) {
        loadingMore.set(false);
        status.fail(failure); // the rows already shown stay useful
      }
    });
  }

  /** Stops timers and requests (the screen is being left). */
  public void dispose() {
    sequence++;
    pendingDebounce.cancel();
    inFlight.cancel();
  }

  private void queryChanged(String text) {
    long mySequence = ++sequence;
    pendingDebounce.cancel();
    inFlight.cancel();
    loadingMore.set(false);
    String trimmed = text == null ? "" : text.strip();
    if (trimmed.length() < MIN_QUERY_LENGTH) {
      results.clear();
      moreAvailable.set(false);
      status.clearError();
      state.set(SearchState.TOO_SHORT);
      return;
    }
    pendingDebounce = scheduler.schedule(DEBOUNCE, () -> startSearch(mySequence, trimmed));
  }

  private void startSearch(long mySequence, String text) {
    if (mySequence != sequence) {
      return;
    }
    state.set(SearchState.SEARCHING);
    inFlight = status.call(() -> directory.search(text, ""), page -> {
      if (mySequence == sequence) {
        showFirstPage(text, page);
      }
    }, failure -> {
      if (mySequence == sequence) {
        showFailure(failure);
      }
    });
  }

  private void showFirstPage(String text, SearchPatientsResponse page) {
    activeQuery = text;
    results.setAll(page.getResultsList());
    nextPageToken = page.getNextPageToken();
    moreAvailable.set(!nextPageToken.isEmpty());
    state.set(results.isEmpty() ? SearchState.NO_RESULTS : SearchState.RESULTS);
  }

  private void showFailure(Throwable failure) {
    RpcFailure rpc = RpcFailure.of(failure);
    // the only field of a search is the text typed, so "invalid" can only mean the text was not understood
    status.refuse(rpc.is(ErrorReason.VALIDATION_FAILED) ? i18n.get("patients.search.notUnderstood")
        : errors.describe(rpc));
    state.set(SearchState.FAILED);
  }

  public StringProperty queryProperty() {
    return query;
  }

  public ObservableList<PatientSummary> results() {
    return results;
  }

  public ObjectProperty<SearchState> stateProperty() {
    return state;
  }

  public StringProperty errorMessageProperty() {
    return status.errorProperty();
  }

  public BooleanProperty moreAvailableProperty() {
    return moreAvailable;
  }

  public BooleanProperty loadingMoreProperty() {
    return loadingMore;
  }
}
