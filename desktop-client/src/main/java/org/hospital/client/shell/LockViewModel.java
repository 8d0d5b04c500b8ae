package org.hospital.client.shell;

import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.hospital.client.errors.ErrorMessages;
import org.hospital.client.i18n.I18n;
import org.hospital.client.session.AuthGateway;
import org.hospital.client.session.Session;
import org.hospital.client.tasks.ActionStatus;
import org.hospital.client.tasks.TaskRunner;

/** The lock overlay: only the user who was signed in may continue, by typing their password again. */
public final class LockViewModel {

  private final StringProperty password = new SimpleStringProperty("");
  private final I18n i18n;
  private final ActionStatus status;
  private final AuthGateway auth;
  private final Supplier<Session> lockedSession;
  private final Consumer<Session> onUnlocked;

  LockViewModel(I18n i18n, ErrorMessages errors, TaskRunner tasks, AuthGateway auth, Supplier<Session> lockedSession,
      Consumer<Session> onUnlocked) {
    this.i18n = i18n;
    this.status = new ActionStatus(tasks, errors);
    this.auth = auth;
    this.lockedSession = lockedSession;
    this.onUnlocked = onUnlocked;
  }

  public String username() {
    return lockedSession.get().username();
  }

  public void unlock() {
    if (status.busyProperty().get()) {
      return;
    }
    String secret = password.get();
    if (secret.isEmpty()) {
      status.refuse(i18n.get("lock.passwordRequired"));
      return;
    }
    status.call(() -> auth.login(username(), secret), session -> {
      password.set("");
      onUnlocked.accept(session);
    }, failure -> {
      password.set("");
      status.fail(failure);
    });
  }

  void reset() {
    password.set("");
    status.clearError();
  }

  public StringProperty passwordProperty() {
    return password;
  }

  public StringProperty errorMessageProperty() {
    return status.errorProperty();
  }

  public BooleanProperty busyProperty() {
    return status.busyProperty();
  }
}
