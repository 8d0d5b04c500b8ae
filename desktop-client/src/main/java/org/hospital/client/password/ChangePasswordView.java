package org.hospital.client.password;

import atlantafx.base.theme.Styles;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.hospital.client.i18n.I18n;
import org.hospital.client.ui.Banner;

/**
 * Changing one's own password. Forced after signing in with a password an administrator set (then the only
 * way on is the change, or signing out); otherwise opened from the header and left with "Back".
 */
public final class ChangePasswordView extends VBox {

  private final PasswordField current = new PasswordField();

  /**
   * @param forced the user must change it before the workspace opens
   * @param leave "Back" (not forced) or "Sign out" (forced)
   */
  public ChangePasswordView(ChangePasswordViewModel vm, I18n i18n, boolean forced, Runnable leave) {
    setId("changePasswordArea");
    getStyleClass().add("area");
    setMaxWidth(560);
    Label title = new Label(i18n.get(forced ? "password.forcedTitle" : "password.title"));
    title.getStyleClass().add("screen-title");
    Label hint = new Label(i18n.get(forced ? "password.forcedExplanation" : "password.explanation"));
    hint.getStyleClass().add("hint");
    hint.setWrapText(true);
    hint.setMinHeight(Region.USE_PREF_SIZE);

    current.setId("currentPassword");
    current.textProperty().bindBidirectional(vm.currentProperty());
    PasswordField next = new PasswordField();
    next.setId("newPassword");
    next.textProperty().bindBidirectional(vm.newProperty());
    PasswordField confirm = new PasswordField();
    confirm.setId("confirmPassword");
    confirm.textProperty().bindBidirectional(vm.confirmationProperty());
    confirm.setOnAction(e -> vm.change());
    GridPane form = new GridPane(12, 8);
    form.addRow(0, new Label(i18n.get("password.field.current_password")), current);
    form.addRow(1, new Label(i18n.get("password.field.new_password")), next);
    form.addRow(2, new Label(i18n.get("password.confirm")), confirm);

    Button change = new Button(i18n.get("password.change"));
    change.setId("changePasswordSubmit");
    change.getStyleClass().add(Styles.ACCENT);
    change.setDefaultButton(true);
    change.setOnAction(e -> vm.change());
    change.disableProperty().bind(vm.status().busyProperty());
    Button back = new Button(i18n.get(forced ? "shell.signOut" : "dialog.back"));
    back.setId(forced ? "changePasswordSignOut" : "changePasswordBack");
    back.setOnAction(e -> leave.run());
    HBox actions = new HBox(8, change, back);
    actions.setAlignment(Pos.CENTER_LEFT);

    Banner error = new Banner(Banner.Kind.DANGER, vm.status().errorProperty());
    error.setId("changePasswordError");
    Banner notice = new Banner(Banner.Kind.SUCCESS, vm.status().noticeProperty());
    notice.setId("changePasswordNotice");
    Label rules = new Label(i18n.get("password.rules"));
    rules.getStyleClass().add("hint");
    rules.setWrapText(true);
    rules.setMinHeight(Region.USE_PREF_SIZE);
    getChildren().addAll(title, hint, form, rules, actions, error, notice);
  }

  public void focusFirst() {
    current.requestFocus();
  }
}
