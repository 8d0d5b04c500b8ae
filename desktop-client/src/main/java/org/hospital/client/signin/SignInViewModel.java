package org.hospital.client.signin;

import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.hospital.client.connection.ServerAddress;
import org.hospital.client.errors.ErrorMessages;
import org.hospital.client.errors.RpcFailure;
import org.hospital.client.i18n.I18n;
import org.hospital.client.i18n.Language;
import org.hospital.client.session.AuthGateway;
import org.hospital.client.session.Session;
import org.hospital.client.tasks.ActionStatus;
import org.hospital.client.tasks.TaskRunner;
import org.hospital.proto.common.v1.ErrorReason;

/** State and the sign-in command of the sign-in screen. */
public final class SignInViewModel {

  private final StringProperty serverAddress = new SimpleStringProperty("");
  private final StringProperty username = new SimpleStringProperty("");
  private final StringProperty password = new SimpleStringProperty("");
  private final StringProperty oneTimeCode = new SimpleStringProperty("");
  /** The account signs in in two steps: the password was right, and the code field is shown. */
  private final javafx.beans.property.BooleanProperty codeRequired =
      new javafx.beans.property.SimpleBooleanProperty(false);
  private final StringProperty hint = new SimpleStringProperty("");
  private final ObjectProperty<Language> language;

  private final I18n i18n;
  private final ActionStatus status;
  private final AuthGateway auth;
  private final ServerSwitch servers;
  private final Consumer<Session> onSignedIn;

  public SignInViewModel(I18n i18n, ErrorMessages errors, TaskRunner tasks, AuthGateway auth, ServerSwitch servers,
      Consumer<Session> onSignedIn) {
    this.i18n = i18n;
    this.status = new ActionStatus(tasks, errors);
    this.auth = auth;
    this.servers = servers;
    this.onSignedIn = onSignedIn;
    this.language = new SimpleObjectProperty<>(i18n.language());
    serverAddress.set(servers.current().target());
    // another name starts over at the first step
    username.addListener((obs, old, now) -> {
      if (!now.strip().equalsIgnoreCase(old.strip())) {
        codeRequired.set(false);
        oneTimeCode.set("");
        hint.set("");
      }
    });
  }

  public void signIn() {
    if (status.busyProperty().get()) {
      return;
    }
    var address = ServerAddress.parse(serverAddress.get());
    if (address.isEmpty()) {
      status.refuse(i18n.get("signin.invalidAddress"));
      return;
    }
    String user = username.get().strip();
    String secret = password.get();
    if (user.isEmpty() || secret.isEmpty()) {
      status.refuse(i18n.get("signin.missingCredentials"));
      return;
    }
    if (!servers.locked() && !address.get().equals(servers.current())) {
      servers.switchTo(address.get());
    }
    String code = codeRequired.get() ? oneTimeCode.get().strip() : "";
    if (codeRequired.get() && code.isEmpty()) {
      status.refuse(i18n.get("signin.codeMissing"));
      return;
    }
    status.call(() -> auth.login(user, secret, code), session -> {
      password.set("");
      oneTimeCode.set("");
      codeRequired.set(false);
      hint.set("");
      onSignedIn.accept(session);
    }, failure -> {
      RpcFailure rpc = RpcFailure.of(failure);
      oneTimeCode.set("");
      if (rpc.is(ErrorReason.SECOND_FACTOR_REQUIRED)) {
        // the password was right: it stays (in memory only) for the second step, which asks for the code
        codeRequired.set(true);
        hint.set(i18n.get("signin.codeHint"));
        status.clearError();
        return;
      }
      if (!rpc.is(ErrorReason.WRONG_ONE_TIME_CODE)) {
        password.set("");
        codeRequired.set(false);
        hint.set("");
      }
      status.fail(failure);
    });
  }

  public boolean serverLocked() {
    return servers.locked();
  }

  public StringProperty serverAddressProperty() {
    return serverAddress;
  }

  public StringProperty usernameProperty() {
    return username;
  }

  public StringProperty passwordProperty() {
    return password;
  }

  public StringProperty oneTimeCodeProperty() {
    return oneTimeCode;
  }

  public javafx.beans.property.ReadOnlyBooleanProperty codeRequiredProperty() {
    return codeRequired;
  }

  /** What the second step asks for, in words; empty at the first step. */
  public javafx.beans.value.ObservableStringValue hintProperty() {
    return hint;
  }

  /** The chosen language; the application rebuilds its screens in it when it changes. */
  public ObjectProperty<Language> languageProperty() {
    return language;
  }

  public StringProperty errorMessageProperty() {
    return status.errorProperty();
  }

  public BooleanProperty busyProperty() {
    return status.busyProperty();
  }
}
