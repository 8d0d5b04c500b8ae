package org.hospital.client.password;

import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.hospital.client.errors.ErrorMessages;
import org.hospital.client.i18n.I18n;
import org.hospital.client.tasks.ActionStatus;
import org.hospital.client.tasks.TaskRunner;

/**
 * The user's own new password: the current one, the new one twice. The workstation only checks that the two
 * new ones agree; the rules are the server's, and its answer names the field that is wrong.
 */
public final class ChangePasswordViewModel {

  private final PasswordGateway gateway;
  private final I18n i18n;
  private final ErrorMessages errors;
  private final ActionStatus status;
  private final Runnable changed;
  private final StringProperty current = new SimpleStringProperty("");
  private final StringProperty next = new SimpleStringProperty("");
  private final StringProperty confirmation = new SimpleStringProperty("");

  /** @param changed runs on the UI thread once the server has taken the new password */
  public ChangePasswordViewModel(PasswordGateway gateway, I18n i18n, ErrorMessages errors, TaskRunner tasks,
      Runnable changed) {
    this.gateway = gateway;
    this.i18n = i18n;
    this.errors = errors;
    this.status = new ActionStatus(tasks, errors);
    this.changed = changed;
  }

  public void change() {
    if (current.get().isEmpty() || next.get().isEmpty()) {
      status.refuse(i18n.get("password.fillIn"));
      return;
    }
    if (!next.get().equals(confirmation.get())) {
      status.refuse(i18n.get("password.mismatch"));
      return;
    }
    String oldText = current.get();
    String newText = next.get();
    status.call(() -> {
      gateway.changeOwnPassword(oldText, newText);
      return true;
    }, done -> {
      current.set("");
      next.set("");
      confirmation.set("");
      status.say(i18n.get("password.changed"));
      changed.run();
    }, failure -> status.refuse(describe(failure)));
  }

  private String describe(Throwable failure) {
    return errors.describeByField(failure, "password.field.", p -> switch (p.code()) {
      case WEAK_PASSWORD -> i18n.get("password.rules");
      // the server's DUPLICATE here: the new password is the current one
      case DUPLICATE -> i18n.get("password.sameAsCurrent");
      default -> errors.fieldMessage(p);
    });
  }

  public StringProperty currentProperty() {
    return current;
  }

  public StringProperty newProperty() {
    return next;
  }

  public StringProperty confirmationProperty() {
    return confirmation;
  }

  public ActionStatus status() {
    return status;
  }
}
