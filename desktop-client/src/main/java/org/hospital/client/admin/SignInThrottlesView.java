package org.hospital.client.admin;

import atlantafx.base.theme.Styles;
import java.util.function.Function;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.hospital.client.i18n.I18n;
import org.hospital.client.ui.Banner;

/** Administration: the sign-in throttles the server holds, and clearing one. */
public final class SignInThrottlesView extends VBox {

  private final SignInThrottlesViewModel vm;
  private final I18n i18n;

  public SignInThrottlesView(SignInThrottlesViewModel vm, I18n i18n) {
    this.vm = vm;
    this.i18n = i18n;
    setId("throttlesArea");
    getStyleClass().add("area");

    Label title = new Label(i18n.get("throttles.title"));
    title.getStyleClass().add("screen-title");
    Label explanation = new Label(i18n.get("throttles.explanation"));
    explanation.getStyleClass().add("hint");
    explanation.setWrapText(true);
    explanation.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE); // the whole rule, never cut off

    Button refresh = new Button(i18n.get("throttles.refresh"));
    refresh.setId("refreshThrottles");
    refresh.setOnAction(e -> vm.refresh());
    Button clear = new Button(i18n.get("throttles.clear"));
    clear.setId("clearThrottle");
    clear.getStyleClass().add(Styles.DANGER);
    clear.setOnAction(e -> vm.clearSelected());
    clear.disableProperty().bind(vm.status().busyProperty().or(vm.selectedProperty().isNull()));
    refresh.disableProperty().bind(vm.status().busyProperty());
    HBox actions = new HBox(8, refresh, clear);
    actions.setAlignment(Pos.CENTER_LEFT);

    Banner notice = new Banner(Banner.Kind.SUCCESS, vm.status().noticeProperty());
    notice.setId("throttlesNotice");
    Banner error = new Banner(Banner.Kind.DANGER, vm.status().errorProperty());
    error.setId("throttlesError");

    TableView<ThrottleRow> table = table();
    VBox.setVgrow(table, Priority.ALWAYS);
    getChildren().addAll(title, explanation, actions, error, notice, table);
    vm.refresh();
  }

  private TableView<ThrottleRow> table() {
    TableView<ThrottleRow> table = new TableView<>(vm.rows());
    table.setId("throttlesTable");
    table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    Label placeholder = new Label(i18n.get("throttles.none"));
    placeholder.getStyleClass().add("hint");
    table.setPlaceholder(placeholder);
    table.getColumns().add(column("throttles.column.counts", 120, ThrottleRow::counts));
    table.getColumns().add(column("throttles.column.name", 120, ThrottleRow::name));
    table.getColumns().add(column("throttles.column.address", 105, ThrottleRow::address));
    table.getColumns().add(column("throttles.column.workstation", 140, ThrottleRow::workstation));
    table.getColumns().add(column("throttles.column.failures", 85, r -> Integer.toString(r.failures())));
    table.getColumns().add(column("throttles.column.until", 190, ThrottleRow::delayedUntil));
    table.setRowFactory(t -> new TableRow<>() {
      @Override
      protected void updateItem(ThrottleRow item, boolean empty) {
        super.updateItem(item, empty);
        setId(empty || item == null ? null : "throttle-" + item.key().replaceAll("[^A-Za-z0-9]", "-"));
      }
    });
    table.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> vm.selectedProperty().set(now));
    return table;
  }

  private TableColumn<ThrottleRow, String> column(String key, double width, Function<ThrottleRow, String> value) {
    return org.hospital.client.ui.TextColumn.of(i18n.get(key), width, value);
  }
}
