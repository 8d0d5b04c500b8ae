package org.hospital.client.schedule.hours;

import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.util.Subscription;
import org.hospital.client.i18n.I18n;

/**
 * The weekly template as an editable table: one line per session (weekday, start, end, slot length, most
 * bookings), its problem right below it. Plain controls bound to the rows rather than a TableView with cell
 * editors, whose edits are lost when the user clicks elsewhere without pressing Enter.
 */
final class TemplateEditor extends ScrollPane {

  private final ClinicHoursViewModel vm;
  private final I18n i18n;
  private final WeekdayNames weekdays;
  private final GridPane grid = new GridPane();
  /** The old rows' controls stop following their problem when the table is rebuilt. */
  private final List<Subscription> subscriptions = new ArrayList<>();

  TemplateEditor(ClinicHoursViewModel vm, I18n i18n) {
    this.vm = vm;
    this.i18n = i18n;
    this.weekdays = new WeekdayNames(i18n.locale());
    setId("templateEditor");
    grid.setHgap(6);
    grid.setVgap(4);
    grid.getStyleClass().add("template-grid");
    // fixed column widths: "08:00" must never be cut, and a long heading wraps instead of widening a column
    for (double width : new double[] {140, 70, 70, 54, 90, 34}) {
      grid.getColumnConstraints().add(new ColumnConstraints(width, width, width));
    }
    setContent(grid);
    setFitToWidth(true);
    vm.rows().addListener((ListChangeListener<SessionRow>) change -> rebuild());
    rebuild();
  }

  private void rebuild() {
    grid.getChildren().clear();
    subscriptions.forEach(Subscription::unsubscribe);
    subscriptions.clear();
    String[] headings = {"hours.column.weekday", "hours.column.start", "hours.column.end", "hours.column.slot",
        "hours.column.max"};
    for (int c = 0; c < headings.length; c++) {
      Label heading = new Label(i18n.get(headings[c]));
      heading.getStyleClass().add("field-label");
      // headings wrap over their column (fixed widths below) instead of widening it
      heading.setWrapText(true);
      heading.setMinWidth(0);
      grid.add(heading, c, 0);
    }
    List<SessionRow> rows = vm.rows();
    if (rows.isEmpty()) {
      Label none = new Label(i18n.get("hours.noSessions"));
      none.getStyleClass().add("hint");
      none.setWrapText(true);
      grid.add(none, 0, 1, 6, 1);
    }
    for (int i = 0; i < rows.size(); i++) {
      addRow(rows.get(i), i, 1 + 2 * i);
    }
  }

  private void addRow(SessionRow row, int index, int gridRow) {
    ComboBox<DayOfWeek> day = new ComboBox<>(FXCollections.observableArrayList(DayOfWeek.values()));
    day.setId("weekday-" + index);
    day.setCellFactory(list -> new DayCell());
    day.setButtonCell(new DayCell());
    day.valueProperty().bindBidirectional(row.weekdayProperty());
    day.setPrefWidth(140);
    day.setMinWidth(140);
    TextField start = field("start-" + index, row.startProperty(), "08:00");
    TextField end = field("end-" + index, row.endProperty(), "12:00");
    TextField slot = field("slot-" + index, row.slotMinutesProperty(), "15");
    TextField max = field("max-" + index, row.maxAppointmentsProperty(), i18n.get("hours.maxPrompt"));
    max.setTooltip(new Tooltip(i18n.get("hours.maxTooltip")));
    max.setPrefWidth(90);
    max.setMinWidth(90);
    slot.setPrefWidth(54);
    slot.setMinWidth(54);
    Button remove = new Button("\u2715");
    remove.setAccessibleText(i18n.get("hours.removeSession"));
    remove.setId("removeSession-" + index);
    remove.setTooltip(new Tooltip(i18n.get("hours.removeSessionTooltip")));
    remove.setMinWidth(Region.USE_PREF_SIZE);
    remove.setOnAction(e -> vm.removeSession(row));
    remove.disableProperty().bind(vm.busyProperty());
    grid.addRow(gridRow, day, start, end, slot, max, remove);
    GridPane.setHalignment(remove, javafx.geometry.HPos.LEFT);
    Label problem = new Label();
    problem.setId("problem-" + index);
    problem.getStyleClass().add("field-error");
    problem.setWrapText(true);
    // a long message wraps below its row rather than widening the table
    problem.setMinWidth(0);
    problem.setPrefWidth(420);
    problem.setMinHeight(Region.USE_PREF_SIZE);
    problem.textProperty().bind(row.problemProperty());
    problem.visibleProperty().bind(problem.textProperty().isNotEmpty());
    problem.managedProperty().bind(problem.visibleProperty());
    grid.add(problem, 0, gridRow + 1, 6, 1);
    for (javafx.scene.control.Control c : List.of(day, start, end, slot, max)) {
      subscriptions.add(row.problemProperty().subscribe(p -> c.pseudoClassStateChanged(atlantafx.base.theme.Styles.STATE_DANGER,
          !p.isEmpty())));
    }
  }

  private static TextField field(String id, javafx.beans.property.StringProperty value, String prompt) {
    TextField f = new TextField();
    f.setId(id);
    f.textProperty().bindBidirectional(value);
    f.setPromptText(prompt);
    // wide enough for "08:00" with the theme's padding; the table scrolls rather than cutting digits
    f.setPrefWidth(70);
    f.setMinWidth(70);
    f.setAlignment(Pos.CENTER_LEFT);
    return f;
  }

  private final class DayCell extends ListCell<DayOfWeek> {
    @Override
    protected void updateItem(DayOfWeek item, boolean empty) {
      super.updateItem(item, empty);
      setText(empty || item == null ? null : weekdays.name(item));
    }
  }
}
