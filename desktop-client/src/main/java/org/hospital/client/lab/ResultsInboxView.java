package org.hospital.client.lab;

import atlantafx.base.theme.Styles;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.stream.Collectors;
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
import org.hospital.client.ui.LiveStatusBanner;
import org.hospital.client.ui.TextColumn;
import org.hospital.proto.lab.v1.CatalogueTest;
import org.hospital.proto.lab.v1.ResultsInboxItem;

/**
 * The Results area: the doctor's inbox of new and corrected lab results. A critical row is red and says
 * "Critical" in its first column, so that it does not depend on colour alone.
 */
public final class ResultsInboxView extends VBox {

  public ResultsInboxView(ResultsInboxViewModel vm, I18n i18n) {
    // day and time: an inbox holds days, not years, and the short form keeps the column whole
    DateTimeFormatter when = DateTimeFormatter.ofPattern("d MMM HH:mm", i18n.locale());
    setId("resultsInbox");
    getStyleClass().add("area");
    setSpacing(8);

    Label title = new Label(i18n.get("inbox.title"));
    title.getStyleClass().add("section-title");
    Banner live = LiveStatusBanner.of(vm.feed().statusProperty(), i18n);
    Banner error = new Banner(Banner.Kind.DANGER, vm.status().errorProperty());
    error.setId("inboxError");
    Banner notice = new Banner(Banner.Kind.SUCCESS, vm.status().noticeProperty());
    notice.setId("inboxNotice");

    TableView<ResultsInboxItem> table = new TableView<>(vm.rows());
    table.setId("inboxTable");
    table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    // the flag word, the patient and when are never cut short; the tests column gives way first
    TableColumn<ResultsInboxItem, String> flag = TextColumn.of(i18n.get("inbox.col.flag"), 95,
        i -> i.getCritical() ? i18n.get("inbox.critical") : "");
    flag.setMinWidth(95);
    TableColumn<ResultsInboxItem, String> patient = TextColumn.of(i18n.get("lab.col.patient"), 180,
        i -> i.getOrder().getPatientName());
    patient.setMinWidth(160);
    TableColumn<ResultsInboxItem, String> mrn = TextColumn.of(i18n.get("patients.column.mrn"), 95,
        i -> i.getOrder().getMrn());
    mrn.setMinWidth(95);
    TableColumn<ResultsInboxItem, String> tests = TextColumn.of(i18n.get("inbox.col.tests"), 200,
        i -> i.getOrder().getTestsList().stream().map(CatalogueTest::getName).collect(Collectors.joining(", "))
            + " (" + i.getOrder().getAccession() + ")");
    TableColumn<ResultsInboxItem, String> status = TextColumn.of(i18n.get("lab.col.status"), 115,
        i -> i18n.dynamic("lab.status.", i.getOrder().getStatus().name()));
    status.setMinWidth(112);
    TableColumn<ResultsInboxItem, String> resulted = TextColumn.of(i18n.get("inbox.col.resulted"), 115,
        i -> when.format(LocalDateTime.ofInstant(Instant.ofEpochSecond(i.getResultedAt().getSeconds()),
            ZoneId.systemDefault())));
    resulted.setMinWidth(115);
    table.getColumns().addAll(java.util.List.of(flag, patient, mrn, tests, status, resulted));
    table.setRowFactory(t -> new TableRow<>() {
      @Override
      protected void updateItem(ResultsInboxItem item, boolean empty) {
        super.updateItem(item, empty);
        getStyleClass().remove("inbox-critical");
        if (!empty && item != null && item.getCritical()) {
          getStyleClass().add("inbox-critical");
        }
      }
    });
    Label none = new Label(i18n.get("inbox.empty"));
    none.getStyleClass().add("hint");
    table.setPlaceholder(none);
    VBox.setVgrow(table, Priority.ALWAYS);

    Button open = new Button(i18n.get("inbox.openChart"));
    open.setId("inboxOpenChart");
    open.setOnAction(e -> vm.openChart(table.getSelectionModel().getSelectedItem()));
    Button acknowledge = new Button(i18n.get("inbox.acknowledge"));
    acknowledge.setId("inboxAcknowledge");
    acknowledge.getStyleClass().add(Styles.ACCENT);
    acknowledge.setOnAction(e -> vm.acknowledge(table.getSelectionModel().getSelectedItem()));
    open.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
    acknowledge.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
    HBox actions = new HBox(8, open, acknowledge);
    actions.setAlignment(Pos.CENTER_LEFT);

    getChildren().addAll(title, live, error, notice, table, actions);
  }
}
