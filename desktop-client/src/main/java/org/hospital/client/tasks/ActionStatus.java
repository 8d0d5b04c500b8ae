package org.hospital.client.tasks;

import java.util.concurrent.Callable;
import java.util.function.Consumer;
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
  /** Calls answered neither yet nor called off; busy while there is one (a save and the read after it overlap). */
  private int callsOut;

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
    return call(work, done -> say(success.apply(done)), failure -> refuse(failureText.apply(failure)));
  }

  /**
   * Runs {@code work} off the FX thread for a caller that shows the outcome itself: a result that is more than a
   * sentence (a record to show, a dialog to open), a failure that marks fields. The last error goes when the call
   * starts and again on success, where the notice stays until {@code succeeded} says something new; on failure
   * the notice goes, and {@code failed} shows why with {@link #fail} or {@link #refuse}.
   */
  public <T> Cancellable call(Callable<T> work, Consumer<? super T> succeeded, Consumer<Throwable> failed) {
    error.set("");
    return track(work, done -> {
      error.set("");
      succeeded.accept(done);
    }, failure -> {
      notice.set("");
      failed.accept(failure);
    });
  }

  /**
   * Reads again what an action just changed. Busy while out, but the message about the action stays: the read
   * neither clears an error the action left nor replaces the notice that says what it did; only a failed read
   * puts its own error in their place.
   */
  public <T> Cancellable reload(Callable<T> work, Consumer<? super T> loaded) {
    return track(work, loaded, this::fail);
  }

  /** Says why an action cannot start or was turned down (nothing selected, a slot taken), in place of the notice. */
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

  /** Busy from now until the call is answered or called off, whichever comes first. */
  private <T> Cancellable track(Callable<T> work, Consumer<? super T> succeeded, Consumer<Throwable> failed) {
    Call call = new Call();
    Cancellable task = tasks.run(work, done -> {
      call.end();
      succeeded.accept(done);
    }, failure -> {
      call.end();
      failed.accept(failure);
    });
    return () -> {
      task.cancel();
      call.end(); // a call called off is never answered: without this, busy would last for good
    };
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

  /** One call out; it ends once, by its answer or by being called off. Used on the UI thread only. */
  private final class Call {

    private boolean out = true;

    Call() {
      callsOut++;
      busy.set(true);
    }

    void end() {
      if (out) {
        out = false;
        callsOut--;
        busy.set(callsOut > 0);
      }
    }
  }
}
