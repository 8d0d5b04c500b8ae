package org.hospital.client.schedule.worklist;

import atlantafx.base.theme.Styles;
import java.util.Locale;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.hospital.client.i18n.I18n;
import org.hospital.client.ui.Banner;
import org.hospital.client.ui.LiveStatusBanner;

/** The doctor's worklist: today's own patients, who is waiting, and the consultation steps. */
public final class WorklistView extends VBox {

  private final WorklistViewModel vm;
  private final I18n i18n;

  public WorklistView(WorklistViewModel vm, I18n i18n) {
    this.vm = vm;
    this.i18n = i18n;
    setId("worklistArea");
    getStyleClass().add("area");

    Label title = new Label(i18n.get("worklist.title"));
    title.getStyleClass().add("screen-title");
    Label summary = new Label();
    summary.setId("worklistSummary");
    summary.getStyleClass().add("screen-subtitle");
    summary.textProperty().bind(vm.summaryProperty());
    HBox heading = new HBox(12, title, summary);
    heading.setAlignment(Pos.BASELINE_LEFT);

    Label nowSeeing = new Label();
    nowSeeing.setId("nowSeeing");
    nowSeeing.getStyleClass().add("now-seeing");
    nowSeeing.textProperty().bind(vm.nowSeeingProperty().map(name -> name.isEmpty()
        ? i18n.get("worklist.nobodyInConsultation") : i18n.format("worklist.nowSeeing", name)));
    // highlighted only while someone is with the doctor
    vm.nowSeeingProperty().subscribe(name -> nowSeeing.pseudoClassStateChanged(
        javafx.css.PseudoClass.getPseudoClass("active"), !name.isEmpty()));

    Button callNext = button("callNext", "worklist.callNext", "worklist.callNextTooltip", vm::callNextPatient);
    callNext.getStyleClass().add(Styles.ACCENT);
    Button start = button("startConsultation", "worklist.start", "worklist.startTooltip", vm::startConsultation);
    Button complete = button("completeConsultation", "worklist.complete", "worklist.completeTooltip",
        vm::completeConsultation);
    complete.getStyleClass().add(Styles.SUCCESS);
    Button chart = button("openChart", "worklist.openChart", "worklist.openChartTooltip", vm::openChart);
    HBox actions = new HBox(8, callNext, start, chart, complete);
    actions.setAlignment(Pos.CENTER_LEFT);

    Banner notice = new Banner(Banner.Kind.SUCCESS, vm.noticeProperty());
    notice.setId("worklistNotice");
    Banner error = new Banner(Banner.Kind.DANGER, vm.errorMessageProperty());
    error.setId("worklistError");

    TableView<WorklistEntry> table = table();
    VBox.setVgrow(table, Priority.ALWAYS);
    getChildren().addAll(heading, LiveStatusBanner.of(vm.feedStatusProperty(), i18n), nowSeeing, actions, error,
        notice, table);

    addEventHandler(KeyEvent.KEY_PRESSED, e -> {
      if (new KeyCodeCombination(KeyCode.N, KeyCombination.SHORTCUT_DOWN).match(e)) {
        vm.callNextPatient();
        e.consume();
      }
    });
  }

  private TableView<WorklistEntry> table() {
    TableView<WorklistEntry> table = new TableView<>(vm.entries());
    table.setId("worklistTable");
    table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    Label placeholder = new Label(i18n.get("worklist.empty"));
    placeholder.getStyleClass().add("hint");
    table.setPlaceholder(placeholder);
    table.getColumns().add(column("worklist.column.time", 75, WorklistEntry::time));
    table.getColumns().add(column("worklist.column.patient", 190, e -> e.appointment().getPatientName()));
    table.getColumns().add(column("worklist.column.mrn", 90, e -> e.appointment().getPatientMrn()));
    table.getColumns().add(column("worklist.column.visitType", 105, WorklistEntry::visitType));
    TableColumn<WorklistEntry, String> status = column("worklist.column.status", 105, WorklistEntry::status);
    status.setCellFactory(c -> new StatusCell());
    table.getColumns().add(status);
    table.getColumns().add(column("worklist.column.since", 150, WorklistEntry::since));
    table.setRowFactory(t -> new TableRow<>() {
      @Override
      protected void updateItem(WorklistEntry item, boolean empty) {
        super.updateItem(item, empty);
        setId(empty || item == null ? null : "worklist-" + item.appointment().getId());
      }
    });
    // selection goes both ways: the ViewModel keeps it across live updates
    table.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
      if (now != null || table.getItems().isEmpty()) {
        vm.selectedProperty().set(now);
      }
    });
    vm.selectedProperty().addListener((obs, old, now) -> {
      if (now != table.getSelectionModel().getSelectedItem()) {
        table.getSelectionModel().select(now);
      }
    });
    return table;
  }

  private TableColumn<WorklistEntry, String> column(String key, double width,
      Function<WorklistEntry, String> value) {
    TableColumn<WorklistEntry, String> column = new TableColumn<>(i18n.get(key));
    column.setPrefWidth(width);
    column.setSortable(false); // in order of appointment time, as the day runs
    column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())).getReadOnlyProperty());
    return column;
  }

  private Button button(String id, String labelKey, String tooltipKey, Runnable action) {
    Button button = new Button(i18n.get(labelKey));
    button.setId(id);
    button.setTooltip(new Tooltip(i18n.get(tooltipKey)));
    button.setOnAction(e -> action.run());
    button.setMinWidth(Region.USE_PREF_SIZE);
    button.disableProperty().bind(vm.busyProperty());
    return button;
  }

  /** The status in its colour, as on the reception's cards. */
  private static final class StatusCell extends TableCell<WorklistEntry, String> {
    @Override
    protected void updateItem(String item, boolean empty) {
      super.updateItem(item, empty);
      WorklistEntry entry = empty ? null : getTableRow() == null ? null : getTableRow().getItem();
      if (entry == null) {
        setGraphic(null);
        setText(null);
        return;
      }
      Label chip = new Label(item);
      chip.getStyleClass().addAll("status-chip",
          "status-" + entry.appointment().getStatus().name().toLowerCase(Locale.ROOT).replace('_', '-'));
      setGraphic(chip);
      setText(null);
    }
  }
}
