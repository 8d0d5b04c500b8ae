package org.hospital.client.shell;

import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.hospital.client.errors.ErrorMessages;
import org.hospital.client.i18n.I18n;
import org.hospital.client.session.AuthGateway;
import org.hospital.client.session.Session;
import org.hospital.client.tasks.TaskRunner;

/** The lock overlay: only the user who was signed in may continue, by typing their password again. */
public final class LockViewModel {

  private final StringProperty password = new SimpleStringProperty("");
  private final StringProperty errorMessage = new SimpleStringProperty("");
  private final BooleanProperty busy = new SimpleBooleanProperty(false);
  private final I18n i18n;
  private final ErrorMessages errors;
  private final TaskRunner tasks;
  private final AuthGateway auth;
  private final Supplier<Session> lockedSession;
  private final Consumer<Session> onUnlocked;

  LockViewModel(I18n i18n, ErrorMessages errors, TaskRunner tasks, AuthGateway auth, Supplier<Session> lockedSession,
      Consumer<Session> onUnlocked) {
    this.i18n = i18n;
    this.errors = errors;
    this.tasks = tasks;
    this.auth = auth;
    this.lockedSession = lockedSession;
    this.onUnlocked = onUnlocked;
  }

  public String username() {
    return lockedSession.get().username();
  }

  public void unlock() {
    if (busy.get()) {
      return;
    }
    String secret = password.get();
    if (secret.isEmpty()) {
      errorMessage.set(i18n.get("lock.passwordRequired"));
      return;
    }
    busy.set(true);
    errorMessage.set("");
    tasks.run(() -> auth.login(username(), secret), session -> {
      busy.set(false);
      password.set("");
      onUnlocked.accept(session);
    }, failure -> {
      busy.set(false);
      password.set("");
      errorMessage.set(errors.describe(failure));
    });
  }

  void reset() {
    password.set("");
    errorMessage.set("");
  }

  public StringProperty passwordProperty() {
    return password;
  }

  public StringProperty errorMessageProperty() {
    return errorMessage;
  }

  public BooleanProperty busyProperty() {
    return busy;
  }
}
