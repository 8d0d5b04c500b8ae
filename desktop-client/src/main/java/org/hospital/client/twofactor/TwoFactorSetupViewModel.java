package org.hospital.client.twofactor;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.hospital.client.errors.ErrorMessages;
import org.hospital.client.i18n.I18n;
import org.hospital.client.tasks.ActionStatus;
import org.hospital.client.tasks.TaskRunner;

/**
 * Setting up two-step sign-in, in three steps: the secret is fetched and shown (QR code and text), the user
 * types the app's code to prove the app has it, and the recovery codes are shown once before going on.
 */
public final class TwoFactorSetupViewModel {

  /** ALREADY_ON: it was on before; what can be done here is to make new recovery codes. */
  public enum Step { LOADING, SCAN, ALREADY_ON, RECOVERY_CODES }

  private final TwoFactorGateway gateway;
  private final I18n i18n;
  private final ErrorMessages errors;
  private final ActionStatus status;
  private final Runnable done;
  private final ObjectProperty<Step> step = new SimpleObjectProperty<>(Step.LOADING);
  private final ObjectProperty<TwoFactorGateway.Setup> setup = new SimpleObjectProperty<>();
  private final StringProperty code = new SimpleStringProperty("");
  private final ObservableList<String> recoveryCodes = FXCollections.observableArrayList();
  private final StringProperty recoveryHeadline = new SimpleStringProperty("");

  /** @param done runs on the UI thread when the user has seen the recovery codes and goes on */
  public TwoFactorSetupViewModel(TwoFactorGateway gateway, I18n i18n, ErrorMessages errors, TaskRunner tasks,
      Runnable done) {
    this.gateway = gateway;
    this.i18n = i18n;
    this.errors = errors;
    this.status = new ActionStatus(tasks, errors);
    this.done = done;
  }

  /** Asks the server for a new secret (starting again replaces one not yet confirmed). */
  public void start() {
    step.set(Step.LOADING);
    status.call(gateway::begin, started -> {
      setup.set(started);
      step.set(Step.SCAN);
    }, failure -> {
      if (org.hospital.client.errors.RpcFailure.of(failure)
          .is(org.hospital.proto.common.v1.ErrorReason.INVALID_TRANSITION)) {
        // on already: a new phone needs an administrator's reset, so that nobody replaces it by accident;
        // new recovery codes it can have, with the phone's code
        step.set(Step.ALREADY_ON);
      } else {
        status.fail(failure);
      }
    });
  }

  public void confirm() {
    String typed = code.get().replace(" ", "");
    if (typed.length() != 6 || !typed.chars().allMatch(Character::isDigit)) {
      status.refuse(i18n.get("twoFactor.codeFormat"));
      return;
    }
    boolean replacing = step.get() == Step.ALREADY_ON;
    status.call(() -> replacing ? gateway.replaceRecoveryCodes(typed) : gateway.confirm(typed), codes -> {
      code.set("");
      recoveryCodes.setAll(codes);
      recoveryHeadline.set(i18n.get(replacing ? "twoFactor.newCodesMade" : "twoFactor.on"));
      step.set(Step.RECOVERY_CODES);
    }, failure -> {
      code.set("");
      // the one field there is: its problem is that the code does not match the key
      boolean codeRefused = !org.hospital.client.errors.RpcFailure.of(failure).fieldProblems().isEmpty();
      status.refuse(codeRefused ? i18n.get("twoFactor.codeWrong") : errors.describe(failure));
    });
  }

  /** The user has kept the recovery codes; they are not shown again. */
  public void finish() {
    recoveryCodes.clear();
    done.run();
  }

  /** The secret in groups of four, as people type it into an app without a camera. */
  public String secretForTyping() {
    TwoFactorGateway.Setup s = setup.get();
    return s == null ? "" : String.join(" ", s.secret().split("(?<=\\G.{4})"));
  }

  public ReadOnlyObjectProperty<Step> stepProperty() {
    return step;
  }

  public ReadOnlyObjectProperty<TwoFactorGateway.Setup> setupProperty() {
    return setup;
  }

  public StringProperty codeProperty() {
    return code;
  }

  /** Above the codes: it was just turned on, or the old codes were just replaced. */
  public ReadOnlyStringProperty recoveryHeadlineProperty() {
    return recoveryHeadline;
  }

  public ObservableList<String> recoveryCodes() {
    return recoveryCodes;
  }

  public ActionStatus status() {
    return status;
  }
}
