package org.hospital.client.signin;

import atlantafx.base.theme.Styles;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.hospital.client.i18n.I18n;
import org.hospital.client.i18n.Language;
import org.hospital.client.ui.Banner;
import org.hospital.client.ui.FieldBox;

/** The sign-in card. Enter anywhere in it signs in (the button is the default button). */
public final class SignInView extends StackPane {

  private final TextField username = new TextField();
  private final PasswordField password = new PasswordField();
  private final TextField code = new TextField();

  public SignInView(SignInViewModel vm, I18n i18n, boolean plaintext) {
    getStyleClass().add("sign-in-background");

    Label title = new Label(i18n.get("app.title"));
    title.getStyleClass().add("screen-title");
    title.setWrapText(true);
    Label subtitle = new Label(i18n.get("signin.subtitle"));
    subtitle.getStyleClass().add("screen-subtitle");

    TextField server = new TextField();
    server.setId("serverAddress");
    server.textProperty().bindBidirectional(vm.serverAddressProperty());
    if (vm.serverLocked()) {
      server.setEditable(false);
      server.setFocusTraversable(false);
      server.setTooltip(new javafx.scene.control.Tooltip(i18n.get("signin.serverLocked")));
    }
    username.setId("username");
    username.textProperty().bindBidirectional(vm.usernameProperty());
    password.setId("password");
    password.textProperty().bindBidirectional(vm.passwordProperty());
    code.setId("oneTimeCode");
    code.setPromptText(i18n.get("signin.codePrompt"));
    code.textProperty().bindBidirectional(vm.oneTimeCodeProperty());
    FieldBox codeBox = new FieldBox(i18n.get("signin.code"), code);
    codeBox.visibleProperty().bind(vm.codeRequiredProperty());
    codeBox.managedProperty().bind(vm.codeRequiredProperty());
    Banner codeHint = new Banner(Banner.Kind.WARNING, vm.hintProperty());
    codeHint.setId("signInHint");
    // the second step: the caret goes to the code, where the next keystrokes belong
    vm.codeRequiredProperty().addListener((obs, old, now) -> {
      if (now) {
        javafx.application.Platform.runLater(code::requestFocus);
      }
    });

    ComboBox<Language> language = new ComboBox<>();
    language.setId("language");
    language.getItems().setAll(Language.values());
    language.setConverter(new StringConverter<>() {
      @Override
      public String toString(Language value) {
        return value == null ? "" : value.nativeName();
      }

      @Override
      public Language fromString(String text) {
        return null;
      }
    });
    language.valueProperty().bindBidirectional(vm.languageProperty());

    Button signIn = new Button(i18n.get("signin.button"));
    signIn.setId("signIn");
    signIn.setDefaultButton(true);
    signIn.getStyleClass().add(Styles.ACCENT);
    signIn.setMaxWidth(Double.MAX_VALUE);
    signIn.disableProperty().bind(vm.busyProperty());
    signIn.setOnAction(e -> vm.signIn());
    HBox.setHgrow(signIn, Priority.ALWAYS);
    ProgressIndicator progress = new ProgressIndicator();
    progress.setPrefSize(22, 22);
    progress.visibleProperty().bind(vm.busyProperty());
    progress.managedProperty().bind(vm.busyProperty());
    HBox actions = new HBox(8, signIn, progress);
    actions.setAlignment(Pos.CENTER_LEFT);

    Banner error = new Banner(Banner.Kind.DANGER, vm.errorMessageProperty());
    error.setId("signInError");
    // the card keeps the message's line even while there is none: a centred card that grew when an error came
    // would move the fields from under the user's eyes and mouse
    error.managedProperty().unbind();
    error.setManaged(true);

    VBox card = new VBox(title, subtitle,
        new FieldBox(i18n.get("signin.username"), username),
        new FieldBox(i18n.get("signin.password"), password),
        codeHint, codeBox,
        new FieldBox(i18n.get("signin.server"), server),
        new FieldBox(i18n.get("signin.language"), language),
        actions, error);
    if (plaintext) {
      card.getChildren().add(2, Banner.fixed(Banner.Kind.WARNING, i18n.get("connection.plaintextWarning")));
    }
    card.getStyleClass().add("sign-in-card");
    card.setMaxWidth(380);
    card.setMaxHeight(USE_PREF_SIZE);
    getChildren().add(card);
    // after a failed attempt the password was cleared: the caret goes where the next keystroke belongs
    vm.errorMessageProperty().addListener((obs, old, now) -> {
      if (!now.isEmpty()) {
        focusFirstEmptyField();
      }
    });
    StackPane.setAlignment(card, Pos.CENTER);
  }

  /** Puts the caret where the user most likely starts typing. */
  public void focusFirstEmptyField() {
    if (code.getParent() != null && code.getParent().isVisible()) {
      code.requestFocus();
    } else if (username.getText().isEmpty()) {
      username.requestFocus();
    } else {
      password.requestFocus();
    }
  }
}
