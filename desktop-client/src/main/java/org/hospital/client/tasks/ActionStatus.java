package org.hospital.client.tasks;

import java.util.concurrent.Callable;
import java.util.function.Function;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.hospital.client.errors.ErrorMessages;

/**
 * What a screen tells its user about the action it runs: busy while the call is out, then a notice saying what
 * was done or an error saying why not. Screens bind their banners to these properties; keeping the three in one
 * place means there is one message at a time: a new one, notice or error, replaces whatever was shown.
 */
public final class ActionStatus {

  private final TaskRunner tasks;
  private final ErrorMessages errors;
  private final BooleanProperty busy = new SimpleBooleanProperty(false);
  private final StringProperty notice = new SimpleStringProperty("");
  private final StringProperty error = new SimpleStringProperty("");

  public ActionStatus(TaskRunner tasks, ErrorMessages errors) {
    this.tasks = tasks;
    this.errors = errors;
  }

  /** Runs {@code work} off the FX thread; on success shows what {@code success} says about its result. */
  public <T> Cancellable run(Callable<T> work, Function<? super T, String> success) {
    return run(work, success, errors::describe);
  }

  /** As {@link #run(Callable, Function)}, with the failure put into words by the caller. */
  public <T> Cancellable run(Callable<T> work, Function<? super T, String> success,
      Function<Throwable, String> failureText) {
    busy.set(true);
    error.set("");
    return tasks.run(work, done -> {
      busy.set(false);
      error.set("");
      notice.set(success.apply(done));
    }, failure -> {
      busy.set(false);
      notice.set("");
      error.set(failureText.apply(failure));
    });
  }

  /** Says why an action cannot start (nothing selected, wrong state), in place of the last notice. */
  public void refuse(String why) {
    notice.set("");
    error.set(why);
  }

  public void fail(Throwable failure) {
    notice.set("");
    error.set(errors.describe(failure));
  }

  public void clearError() {
    error.set("");
  }

  public void say(String what) {
    error.set("");
    notice.set(what);
  }

  public BooleanProperty busyProperty() {
    return busy;
  }

  public StringProperty noticeProperty() {
    return notice;
  }

  public StringProperty errorProperty() {
    return error;
  }
}
