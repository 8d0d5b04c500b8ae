package org.hospital.client.schedule.dayview;

import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import javafx.geometry.HPos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.Dragboard;
import javafx.scene.input.MouseButton;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.hospital.client.i18n.I18n;
import org.hospital.client.schedule.AppointmentStates;
import org.hospital.client.schedule.ScheduleText;
import org.hospital.proto.scheduling.v1.Appointment;
import org.hospital.proto.scheduling.v1.AppointmentStatus;

/**
 * The schedule grid: clinicians (day view) or days (week view) as columns, whose headings stay at the top while
 * the hours scroll, start times as rows. Click selects a cell, a double click on a free slot books it, and a booked card can be
 * dragged onto a free slot to move it.
 */
public final class DayScheduleView extends VBox {

  private static final String DRAG_PREFIX = "appointment:";
  private static final double TIME_COLUMN = 58;
  /** Room the body's vertical scroll bar takes, so that the header columns line up with the cells. */
  private static final double SCROLLBAR_ALLOWANCE = 14;

  private final DayScheduleViewModel vm;
  private final I18n i18n;
  private final ScheduleText text;
  private final GridPane header = new GridPane();
  private final GridPane body = new GridPane();
  private final ScrollPane scroll = new ScrollPane(body);
  private final Label empty = new Label();
  private final DateTimeFormatter timeFormat = DateTimeFormatter.ofPattern("HH:mm");
  /** The day and department the grid last showed, to tell a new day from a redraw of the same one. */
  private Object lastShown;

  public DayScheduleView(DayScheduleViewModel vm, I18n i18n, ScheduleText text) {
    this.vm = vm;
    this.i18n = i18n;
    this.text = text;
    setId("dayGrid");
    getStyleClass().add("day-grid");
    header.getStyleClass().add("day-grid-header");
    header.setStyle("-fx-padding: 0 " + SCROLLBAR_ALLOWANCE + " 0 0;");
    body.getStyleClass().add("day-grid-body");
    scroll.setFitToWidth(true);
    scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
    scroll.setVbarPolicy(ScrollPane.ScrollBarPolicy.ALWAYS);
    scroll.setFocusTraversable(true);
    VBox.setVgrow(scroll, Priority.ALWAYS);
    empty.getStyleClass().add("placeholder-text");
    empty.setWrapText(true);
    empty.managedProperty().bind(empty.visibleProperty());
    getChildren().addAll(header, empty, scroll);
    vm.gridProperty().subscribe(this::render);
    vm.selectedProperty().subscribe(cell -> markSelection());
    vm.loadingProperty().subscribe(loading -> showEmptyHint());
  }

  private void render(DayGrid grid) {
    header.getChildren().clear();
    header.getColumnConstraints().setAll(columns(grid.columns().size()));
    body.getChildren().clear();
    body.getColumnConstraints().setAll(columns(grid.columns().size()));
    boolean severalDays = grid.columns().stream().map(DayGrid.Column::date).distinct().count() > 1;
    Label corner = new Label(i18n.get("schedule.timeColumn"));
    corner.getStyleClass().add("grid-corner");
    header.add(corner, 0, 0);
    for (int c = 0; c < grid.columns().size(); c++) {
      DayGrid.Column column = grid.columns().get(c);
      Label name = new Label(column.title());
      name.getStyleClass().add("clinician-header");
      name.setMaxWidth(Double.MAX_VALUE);
      name.setMaxHeight(Double.MAX_VALUE);
      name.setTooltip(new javafx.scene.control.Tooltip(column.title()));
      header.add(name, c + 1, 0);
    }
    for (int r = 0; r < grid.times().size(); r++) {
      LocalTime time = grid.times().get(r);
      Label label = new Label(timeFormat.format(time));
      label.getStyleClass().add(time.getMinute() == 0 ? "time-label-hour" : "time-label");
      GridPane.setHalignment(label, HPos.RIGHT);
      body.add(label, 0, r);
      for (int c = 0; c < grid.columns().size(); c++) {
        DayGrid.Column column = grid.columns().get(c);
        String id = "cell-" + column.clinicianId() + "-"
            + (severalDays ? column.date().toString().replace("-", "") + "-" : "")
            + timeFormat.format(time).replace(":", "");
        body.add(cellNode(grid.cell(c, time).orElse(null), id), c + 1, r);
      }
    }
    showEmptyHint();
    markSelection();
    scrollToNowOnANewDay(grid);
  }

  /**
   * When another day or department comes up, starts at the first slot that has not begun (on today, the
   * morning is over by the afternoon); later redraws of the same day keep the user's scroll position.
   */
  private void scrollToNowOnANewDay(DayGrid grid) {
    Object shown = java.util.List.of(String.valueOf(vm.dateProperty().get()),
        String.valueOf(vm.departmentProperty().get()));
    if (grid.times().isEmpty() || shown.equals(lastShown)) {
      return;
    }
    lastShown = shown;
    int row = grid.times().size() - 1; // a day that is over: its end, where the last patients are
    for (int r = 0; r < grid.times().size(); r++) {
      LocalTime time = grid.times().get(r);
      int columns = grid.columns().size();
      if (java.util.stream.IntStream.range(0, columns).anyMatch(c -> grid.cell(c, time).map(this::stillCurrent)
          .orElse(false))) {
        row = r;
        break;
      }
    }
    int target = row;
    // after layout, when the rows have their heights
    javafx.application.Platform.runLater(() -> {
      scroll.applyCss();
      scroll.layout();
      // the row's top is its tallest cell's top: the time label is centred in the row, so it starts lower
      body.getChildren().stream()
          .filter(n -> GridPane.getRowIndex(n) != null && GridPane.getRowIndex(n) == target)
          .mapToDouble(n -> n.getBoundsInParent().getMinY()).min().ifPresent(this::scrollToTop);
    });
  }

  /** A slot still to come, or a patient still expected, waiting or being seen. */
  private boolean stillCurrent(DayGrid.Cell cell) {
    return !cell.past() || cell.appointments().stream().anyMatch(a -> a.getStatus() == AppointmentStatus.BOOKED
        || a.getStatus() == AppointmentStatus.CHECKED_IN || a.getStatus() == AppointmentStatus.IN_CONSULTATION);
  }

  /** Scrolls so that a row whose top lies at this height in the grid is the first one shown, whole. */
  private void scrollToTop(double rowTop) {
    double contentHeight = body.getBoundsInLocal().getHeight();
    double viewport = scroll.getViewportBounds().getHeight();
    if (contentHeight > viewport && viewport > 0) {
      // the row above keeps a sliver in view (the grid's gap), so the user sees there is more above
      double above = rowTop - body.getVgap() - body.snappedTopInset();
      scroll.setVvalue(Math.min(1, Math.max(0, above) / (contentHeight - viewport)));
    }
  }

  private void showEmptyHint() {
    DayGrid grid = vm.gridProperty().get();
    boolean nothing = grid.times().isEmpty() && !vm.loadingProperty().get();
    empty.setText(nothing && vm.departmentProperty().get() != null ? i18n.get("schedule.noSlotsThisDay") : "");
    empty.setVisible(nothing && !empty.getText().isEmpty());
  }

  private Node cellNode(DayGrid.Cell cell, String id) {
    StackPane holder = new StackPane();
    holder.setId(id);
    holder.getStyleClass().add("grid-cell");
    holder.setUserData(cell);
    if (cell == null) {
      holder.getStyleClass().add("no-slot");
      return holder;
    }
    if (cell.appointments().isEmpty()) {
      String state = cell.bookable() ? "free" : cell.past() ? "past" : "taken";
      Label label = new Label(i18n.get(switch (state) {
        case "free" -> "schedule.free";
        case "past" -> "schedule.past";
        default -> "schedule.taken";
      }));
      holder.getStyleClass().add("slot-" + state);
      holder.getChildren().add(label);
    } else {
      VBox cards = new VBox(3);
      for (Appointment appointment : cell.appointments()) {
        AppointmentCard card = new AppointmentCard(appointment, text);
        if (AppointmentStates.is(appointment, AppointmentStatus.BOOKED)) {
          card.setOnDragDetected(e -> {
            Dragboard board = card.startDragAndDrop(TransferMode.MOVE);
            ClipboardContent content = new ClipboardContent();
            content.putString(DRAG_PREFIX + appointment.getId());
            board.setContent(content);
            e.consume();
          });
        }
        cards.getChildren().add(card);
      }
      holder.getStyleClass().add(cell.bookable() ? "slot-free" : "slot-held");
      if (cell.past()) {
        holder.getStyleClass().add("slot-in-past");
      }
      holder.getChildren().add(cards);
    }
    holder.setOnMouseClicked(e -> {
      if (e.getButton() == MouseButton.PRIMARY) {
        vm.select(cell);
        scroll.requestFocus(); // the area's shortcuts work from here
        if (e.getClickCount() == 2 && cell.bookable()) {
          vm.book();
        }
      }
    });
    if (cell.bookable()) {
      holder.setOnDragOver(e -> {
        if (e.getDragboard().hasString() && e.getDragboard().getString().startsWith(DRAG_PREFIX)) {
          e.acceptTransferModes(TransferMode.MOVE);
        }
        e.consume();
      });
      holder.setOnDragEntered(e -> holder.getStyleClass().add("drop-target"));
      holder.setOnDragExited(e -> holder.getStyleClass().remove("drop-target"));
      holder.setOnDragDropped(e -> {
        String dragged = e.getDragboard().getString();
        boolean accepted = dragged != null && dragged.startsWith(DRAG_PREFIX);
        if (accepted) {
          vm.moveTo(Long.parseLong(dragged.substring(DRAG_PREFIX.length())), cell);
        }
        e.setDropCompleted(accepted);
        e.consume();
      });
    }
    return holder;
  }

  private void markSelection() {
    DayGrid.Cell selected = vm.selectedProperty().get();
    for (Node node : body.getChildren()) {
      if (node.getStyleClass().contains("grid-cell")) {
        boolean isSelected = selected != null && selected.equals(node.getUserData());
        node.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("selected"), isSelected);
        if (isSelected) {
          // after layout: a cell that was just added has no position yet
          javafx.application.Platform.runLater(() -> {
            scroll.applyCss();
            scroll.layout();
            ensureVisible(node);
          });
        }
      }
    }
  }

  private void ensureVisible(Node node) {
    double contentHeight = body.getBoundsInLocal().getHeight();
    double viewport = scroll.getViewportBounds().getHeight();
    if (contentHeight <= viewport || viewport <= 0) {
      return;
    }
    double y = node.getBoundsInParent().getMinY();
    double top = scroll.getVvalue() * (contentHeight - viewport);
    if (y < top || y + node.getBoundsInParent().getHeight() > top + viewport) {
      scroll.setVvalue(Math.min(1, y / (contentHeight - viewport)));
    }
  }

  public void focusGrid() {
    scroll.requestFocus();
  }

  private static java.util.List<ColumnConstraints> columns(int clinicians) {
    java.util.List<ColumnConstraints> columns = new java.util.ArrayList<>();
    ColumnConstraints time = new ColumnConstraints(TIME_COLUMN, TIME_COLUMN, TIME_COLUMN);
    columns.add(time);
    for (int i = 0; i < clinicians; i++) {
      // narrow enough that a week (or a large department) fits the window; names are cut, not hidden
      ColumnConstraints column = new ColumnConstraints(60, 200, Double.MAX_VALUE);
      column.setHgrow(Priority.ALWAYS);
      column.setPercentWidth(-1);
      column.setFillWidth(true);
      columns.add(column);
    }
    return columns;
  }
}
