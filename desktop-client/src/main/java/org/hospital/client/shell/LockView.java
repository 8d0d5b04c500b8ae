package org.hospital.client.shell;

import atlantafx.base.theme.Styles;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.hospital.client.i18n.I18n;
import org.hospital.client.ui.Banner;
import org.hospital.client.ui.FieldBox;

/** Covers the workspace while it is locked; nothing underneath can be read or clicked. */
final class LockView extends StackPane {

  private final PasswordField password = new PasswordField();

  LockView(LockViewModel vm, String displayName, I18n i18n, Runnable signOut) {
    getStyleClass().add("lock-overlay");
    setId("lockOverlay");

    Label title = new Label(i18n.get("lock.title"));
    title.getStyleClass().add("screen-title");
    Label explanation = new Label(i18n.format("lock.explanation", displayName, vm.username()));
    explanation.setWrapText(true);

    password.setId("unlockPassword");
    password.textProperty().bindBidirectional(vm.passwordProperty());
    Banner error = new Banner(Banner.Kind.DANGER, vm.errorMessageProperty());

    Button unlock = new Button(i18n.get("lock.unlock"));
    unlock.setId("unlock");
    unlock.setDefaultButton(true);
    unlock.getStyleClass().add(Styles.ACCENT);
    unlock.disableProperty().bind(vm.busyProperty());
    unlock.setOnAction(e -> vm.unlock());
    Button other = new Button(i18n.get("lock.signOut"));
    other.setId("lockSignOut");
    other.setOnAction(e -> signOut.run());
    Label otherHint = new Label(i18n.get("lock.otherUserHint"));
    otherHint.getStyleClass().add("hint");
    otherHint.setWrapText(true);

    VBox card = new VBox(title, explanation, new FieldBox(i18n.get("signin.password"), password), error,
        new HBox(8, unlock, other), otherHint);
    card.getStyleClass().add("lock-card");
    card.setMaxWidth(400);
    card.setMaxHeight(USE_PREF_SIZE);
    getChildren().add(card);
    StackPane.setAlignment(card, Pos.CENTER);
  }

  void focusPassword() {
    password.requestFocus();
  }
}
