package org.hospital.client.staff;

import atlantafx.base.theme.Styles;
import java.util.Locale;
import java.util.function.Function;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.hospital.client.i18n.I18n;
import org.hospital.client.ui.Banner;
import org.hospital.client.ui.TextColumn;
import org.hospital.proto.auth.v1.Role;

/** Administration of staff accounts: the table above, the form for a new or the selected account below. */
public final class StaffView extends VBox {

  private final StaffViewModel vm;
  private final I18n i18n;

  public StaffView(StaffViewModel vm, I18n i18n) {
    this.vm = vm;
    this.i18n = i18n;
    setId("staffArea");
    getStyleClass().add("area");
    Label title = new Label(i18n.get("staff.title"));
    title.getStyleClass().add("screen-title");

    Button refresh = new Button(i18n.get("staff.refresh"));
    refresh.setId("refreshStaff");
    refresh.setOnAction(e -> vm.refresh());
    refresh.disableProperty().bind(vm.status().busyProperty());
    Banner notice = new Banner(Banner.Kind.SUCCESS, vm.status().noticeProperty());
    notice.setId("staffNotice");
    Banner error = new Banner(Banner.Kind.DANGER, vm.status().errorProperty());
    error.setId("staffError");
    error.setWrapText(true);
    error.setMinHeight(Region.USE_PREF_SIZE);

    TableView<StaffRow> table = table();
    VBox.setVgrow(table, Priority.ALWAYS);
    getChildren().addAll(title, refresh, table, form(), error, notice);
    vm.refresh();
  }

  private VBox form() {
    TextField username = new TextField();
    username.setId("staffUsername");
    username.textProperty().bindBidirectional(vm.usernameProperty());
    // a username never changes: it is in the audit log
    username.disableProperty().bind(vm.selectedProperty().isNotNull());
    TextField displayName = new TextField();
    displayName.setId("staffDisplayName");
    displayName.textProperty().bindBidirectional(vm.displayNameProperty());
    displayName.disableProperty().bind(vm.selectedProperty().isNotNull());
    PasswordField password = new PasswordField();
    password.setId("staffPassword");
    password.textProperty().bindBidirectional(vm.passwordProperty());
    FlowPane roles = new FlowPane(12, 4);
    for (Role role : StaffViewModel.ROLES) {
      CheckBox box = new CheckBox(i18n.dynamic("role.", role.name()));
      box.setId("staffRole-" + role.name().toLowerCase(Locale.ROOT));
      box.selectedProperty().bindBidirectional(vm.roleProperty(role));
      roles.getChildren().add(box);
    }
    GridPane grid = new GridPane(12, 8);
    grid.addRow(0, new Label(i18n.get("staff.field.username")), username,
        new Label(i18n.get("staff.field.display_name")), displayName);
    grid.addRow(1, new Label(i18n.get("staff.field.roles")), roles);
    GridPane.setColumnSpan(roles, 3);
    grid.addRow(2, new Label(i18n.get("staff.field.password")), password);
    Label passwordHint = new Label(i18n.get("staff.passwordHint"));
    passwordHint.getStyleClass().add("hint");
    passwordHint.setWrapText(true);
    passwordHint.setMinHeight(Region.USE_PREF_SIZE);
    passwordHint.setMaxWidth(420);
    grid.add(passwordHint, 2, 2, 2, 1);

    var none = vm.selectedProperty().isNull();
    var busy = vm.status().busyProperty();
    Button create = button("staffCreate", "staff.create", vm::create);
    create.getStyleClass().add(Styles.ACCENT);
    create.disableProperty().bind(busy.or(vm.selectedProperty().isNotNull()));
    Button newAccount = button("staffNew", "staff.new", vm::newAccount);
    newAccount.disableProperty().bind(busy.or(none));
    Button saveRoles = button("staffSaveRoles", "staff.saveRoles", vm::saveRoles);
    saveRoles.disableProperty().bind(busy.or(none));
    Button reset = button("staffResetPassword", "staff.resetPassword", vm::resetPassword);
    reset.disableProperty().bind(busy.or(none));
    Button resetTwoFactor = button("staffResetTwoFactor", "staff.resetTwoFactor", vm::resetTwoFactor);
    resetTwoFactor.setTooltip(new javafx.scene.control.Tooltip(i18n.get("staff.resetTwoFactorTooltip")));
    // only where there is something to reset
    resetTwoFactor.disableProperty().bind(busy.or(none).or(javafx.beans.binding.Bindings.createBooleanBinding(
        () -> vm.selectedProperty().get() == null || !vm.selectedProperty().get().account().getTwoFactorEnabled(),
        vm.selectedProperty())));
    Button lock = button("staffToggleLock", "staff.lock", vm::toggleLock);
    lock.textProperty().bind(vm.selectedProperty().map(r -> i18n.get(r.locked() ? "staff.unlock" : "staff.lock"))
        .orElse(i18n.get("staff.lock")));
    lock.getStyleClass().add(Styles.DANGER);
    lock.disableProperty().bind(busy.or(none));
    Button end = button("staffEndSessions", "staff.endSessions", vm::endSessions);
    end.disableProperty().bind(busy.or(none));
    FlowPane actions = new FlowPane(8, 8, create, newAccount, saveRoles, reset, resetTwoFactor, lock, end);
    actions.setAlignment(Pos.CENTER_LEFT);
    VBox form = new VBox(8, grid, actions);
    form.setId("staffForm");
    return form;
  }

  private Button button(String id, String key, Runnable action) {
    Button b = new Button(i18n.get(key));
    b.setId(id);
    b.setOnAction(e -> action.run());
    return b;
  }

  private TableView<StaffRow> table() {
    TableView<StaffRow> table = new TableView<>(vm.rows());
    table.setId("staffTable");
    table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    table.setPrefHeight(260);
    table.getColumns().add(column("staff.field.username", 95, StaffRow::username));
    table.getColumns().add(column("staff.field.display_name", 140, StaffRow::displayName));
    table.getColumns().add(column("staff.field.roles", 125, StaffRow::rolesText));
    table.getColumns().add(column("staff.column.state", 140, StaffRow::state));
    table.getColumns().add(column("staff.column.lastSignIn", 165, StaffRow::lastSignIn));
    table.getColumns().add(column("staff.column.sessions", 85, r -> Integer.toString(r.openSessions())));
    table.setRowFactory(t -> new TableRow<>() {
      @Override
      protected void updateItem(StaffRow item, boolean empty) {
        super.updateItem(item, empty);
        setId(empty || item == null ? null : "staff-" + item.username());
      }
    });
    table.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
      if (now != vm.selectedProperty().get()) {
        vm.selectedProperty().set(now);
      }
    });
    vm.selectedProperty().addListener((obs, old, now) -> {
      if (now == null) {
        table.getSelectionModel().clearSelection();
      } else if (table.getSelectionModel().getSelectedItem() != now) {
        table.getSelectionModel().select(now);
      }
    });
    return table;
  }

  private TableColumn<StaffRow, String> column(String key, double width, Function<StaffRow, String> value) {
    return TextColumn.of(i18n.get(key), width, value);
  }
}
