package org.hospital.client.schedule;

import atlantafx.base.theme.Styles;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.function.Consumer;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.converter.LocalDateStringConverter;
import org.hospital.client.i18n.I18n;
import org.hospital.client.reports.DayListPrintViewModel;
import org.hospital.client.schedule.dayview.DayGrid;
import org.hospital.client.schedule.dayview.DayScheduleView;
import org.hospital.client.schedule.dayview.DayScheduleViewModel;
import org.hospital.client.schedule.queue.FrontDeskQueuesView;
import org.hospital.client.schedule.queue.FrontDeskQueuesViewModel;
import org.hospital.client.ui.Banner;
import org.hospital.client.ui.LiveStatusBanner;
import org.hospital.client.ui.NamedCell;
import org.hospital.proto.scheduling.v1.Clinician;
import org.hospital.proto.scheduling.v1.Department;

/**
 * The reception Schedule area: the day of a department with its actions, and today's arrivals and waiting
 * room beside it. Frequent actions have keyboard shortcuts, named in each button's tooltip.
 */
public final class ScheduleAreaView extends BorderPane {

  private record Shortcut(KeyCombination keys, Runnable action) {
  }

  private final DayScheduleViewModel day;
  private final DayListPrintViewModel print;
  private final I18n i18n;
  private final List<Shortcut> shortcuts;

  /** @param waitList the wait list part of the side panel, below today's lists */
  public ScheduleAreaView(DayScheduleViewModel day, FrontDeskQueuesViewModel queues, DayListPrintViewModel print,
      I18n i18n, ScheduleText text, Node waitList) {
    this.day = day;
    this.print = print;
    this.i18n = i18n;
    setId("scheduleArea");
    getStyleClass().add("schedule-area");

    DayScheduleView grid = new DayScheduleView(day, i18n, text);
    VBox.setVgrow(grid, Priority.ALWAYS);
    Banner live = LiveStatusBanner.of(day.feedStatusProperty(), i18n);
    Banner notice = new Banner(Banner.Kind.SUCCESS, day.noticeProperty());
    notice.setId("scheduleNotice");
    Banner queueNotice = new Banner(Banner.Kind.SUCCESS, queues.noticeProperty());
    queueNotice.setId("queuesNotice");
    Banner error = new Banner(Banner.Kind.DANGER, day.errorMessageProperty());
    error.setId("scheduleError");
    Banner printNotice = new Banner(Banner.Kind.SUCCESS, print.noticeProperty());
    printNotice.setId("printNotice");
    Banner printError = new Banner(Banner.Kind.DANGER, print.errorProperty());
    printError.setId("printError");
    VBox main = new VBox(8, toolbar(text), live, error, printError, notice, queueNotice, printNotice, grid,
        actions());
    main.getStyleClass().add("schedule-main");
    main.setMinWidth(0);
    setCenter(main);

    FrontDeskQueuesView today = new FrontDeskQueuesView(queues, i18n);
    VBox.setVgrow(today, Priority.ALWAYS);
    today.setMinHeight(240); // freed-slot cards below must not squeeze the waiting room away
    VBox side = new VBox(today, waitList);
    side.setPrefWidth(250);
    side.setMinWidth(230);
    // the week needs the room; today's lists belong with the day
    day.spanProperty().subscribe(span -> setRight(span == DayScheduleViewModel.Span.WEEK ? null : side));

    // the lists follow the department on screen (always today's)
    day.departmentProperty().subscribe(department -> queues.show(day.clinicProperty().get(), department));
    // one message at a time: a new success replaces the other panel's
    day.noticeProperty().addListener((obs, old, now) -> {
      if (!now.isEmpty()) {
        queues.noticeProperty().set("");
      }
    });
    queues.noticeProperty().addListener((obs, old, now) -> {
      if (!now.isEmpty()) {
        day.noticeProperty().set("");
      }
    });

    shortcuts = List.of(
        new Shortcut(new KeyCodeCombination(KeyCode.B, KeyCombination.SHORTCUT_DOWN), day::book),
        new Shortcut(new KeyCodeCombination(KeyCode.I, KeyCombination.SHORTCUT_DOWN), day::checkIn),
        new Shortcut(new KeyCodeCombination(KeyCode.M, KeyCombination.SHORTCUT_DOWN), day::move),
        new Shortcut(new KeyCodeCombination(KeyCode.W, KeyCombination.SHORTCUT_DOWN), day::walkIn),
        new Shortcut(new KeyCodeCombination(KeyCode.DELETE), day::cancel),
        new Shortcut(new KeyCodeCombination(KeyCode.P, KeyCombination.SHORTCUT_DOWN), this::printDayList),
        new Shortcut(new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN), day::findFreeSlot),
        new Shortcut(new KeyCodeCombination(KeyCode.LEFT, KeyCombination.ALT_DOWN), day::previousDay),
        new Shortcut(new KeyCodeCombination(KeyCode.RIGHT, KeyCombination.ALT_DOWN), day::nextDay),
        new Shortcut(new KeyCodeCombination(KeyCode.HOME, KeyCombination.ALT_DOWN), day::today));
    addEventHandler(KeyEvent.KEY_PRESSED, this::shortcut);
  }

  private void shortcut(KeyEvent event) {
    for (Shortcut shortcut : shortcuts) {
      if (shortcut.keys().match(event)) {
        shortcut.action().run();
        event.consume();
        return;
      }
    }
  }

  private VBox toolbar(ScheduleText text) {
    Label title = new Label(i18n.get("schedule.title"));
    title.getStyleClass().add("screen-title");

    ComboBox<Department> department = new ComboBox<>(day.departments());
    department.setId("departmentChoice");
    department.setPromptText(i18n.get("schedule.department"));
    NamedCell.use(department, Department::getName);
    department.valueProperty().bindBidirectional(day.departmentProperty());

    Button previous = button("prevDay", "\u2039", "schedule.previousDayTooltip", b -> day.previousDay());
    Button today = button("todayButton", i18n.get("schedule.today"), "schedule.todayTooltip", b -> day.today());
    Button next = button("nextDay", "\u203a", "schedule.nextDayTooltip", b -> day.nextDay());
    HBox dayButtons = new HBox(previous, today, next);
    dayButtons.getStyleClass().add("day-buttons");

    DatePicker picker = new DatePicker();
    picker.setId("datePicker");
    picker.setPrefWidth(170);
    // dates as the user's language writes them, not as the machine's default locale would
    DateTimeFormatter dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(i18n.locale());
    picker.setConverter(new LocalDateStringConverter(dates, dates));
    picker.valueProperty().bindBidirectional(day.dateProperty());

    Label dayLabel = new Label();
    dayLabel.setId("dayLabel");
    dayLabel.getStyleClass().add("day-label");
    dayLabel.textProperty().bind(day.periodTextProperty());

    Label openedNote = new Label();
    openedNote.setId("openedNote");
    openedNote.getStyleClass().add(Styles.WARNING);
    openedNote.textProperty().bind(day.openedNoteProperty());
    openedNote.visibleProperty().bind(day.openedNoteProperty().isNotEmpty());
    openedNote.managedProperty().bind(openedNote.visibleProperty());

    openedNote.setWrapText(true);
    openedNote.setMinHeight(Region.USE_PREF_SIZE);
    HBox heading = new HBox(12, title, dayLabel);
    heading.setAlignment(Pos.BASELINE_LEFT);
    ToggleGroup spanGroup = new ToggleGroup();
    ToggleButton dayView = new ToggleButton(i18n.get("schedule.dayView"));
    dayView.setId("dayViewToggle");
    ToggleButton weekView = new ToggleButton(i18n.get("schedule.weekView"));
    weekView.setId("weekViewToggle");
    weekView.setTooltip(new Tooltip(i18n.get("schedule.weekViewTooltip")));
    dayView.setToggleGroup(spanGroup);
    weekView.setToggleGroup(spanGroup);
    dayView.setSelected(day.spanProperty().get() == DayScheduleViewModel.Span.DAY);
    weekView.setSelected(day.spanProperty().get() == DayScheduleViewModel.Span.WEEK);
    dayView.setOnAction(e -> {
      dayView.setSelected(true); // one of the two is always chosen
      day.spanProperty().set(DayScheduleViewModel.Span.DAY);
    });
    weekView.setOnAction(e -> {
      weekView.setSelected(true);
      day.spanProperty().set(DayScheduleViewModel.Span.WEEK);
    });
    HBox spanButtons = new HBox(dayView, weekView);
    spanButtons.getStyleClass().add("day-buttons");

    ComboBox<Clinician> clinician = new ComboBox<>(day.clinicians());
    clinician.setId("weekClinician");
    NamedCell.use(clinician, Clinician::getDisplayName);
    clinician.valueProperty().bindBidirectional(day.weekClinicianProperty());
    clinician.visibleProperty().bind(day.spanProperty().isEqualTo(DayScheduleViewModel.Span.WEEK));
    clinician.managedProperty().bind(clinician.visibleProperty());
    clinician.setPrefWidth(190);
    department.setPrefWidth(190);

    Button findFree = button("findFreeButton", i18n.get("finder.open"), "finder.openTooltip",
        b -> day.findFreeSlot());
    FlowPane controls = new FlowPane(10, 6, department, clinician, spanButtons, dayButtons, picker, findFree);
    controls.setAlignment(Pos.CENTER_LEFT);
    VBox bar = new VBox(8, heading, openedNote, controls);
    bar.getStyleClass().add("schedule-toolbar");
    return bar;
  }

  private VBox actions() {
    Button book = button("bookButton", i18n.get("schedule.action.book"), "schedule.bookTooltip", b -> day.book());
    book.getStyleClass().add(Styles.ACCENT);
    Button checkIn = button("checkInButton", i18n.get("schedule.action.checkIn"), "schedule.checkInTooltip",
        b -> day.checkIn());
    checkIn.getStyleClass().add(Styles.SUCCESS);
    Button walkIn = button("walkInButton", i18n.get("schedule.action.walkIn"), "schedule.walkInTooltip",
        b -> day.walkIn());
    Button move = button("moveButton", i18n.get("schedule.action.move"), "schedule.moveTooltip", b -> day.move());
    Button noShow = button("noShowButton", i18n.get("schedule.action.noShow"), "schedule.noShowTooltip",
        b -> day.markNoShow());
    Button cancel = button("cancelButton", i18n.get("schedule.action.cancel"), "schedule.cancelTooltip",
        b -> day.cancel());
    cancel.getStyleClass().add(Styles.DANGER);
    for (Button b : List.of(book, walkIn, move, noShow, cancel)) {
      b.disableProperty().bind(day.busyProperty());
    }
    // disabled for an appointment of another day, with the reason where the desk looks for it
    checkIn.disableProperty().bind(day.busyProperty().or(day.checkInRefusalProperty().isNotEmpty()));
    String checkInHelp = i18n.get("schedule.checkInTooltip");
    checkIn.getTooltip().textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
        () -> day.checkInRefusalProperty().get().isEmpty() ? checkInHelp : day.checkInRefusalProperty().get(),
        day.checkInRefusalProperty()));
    Button printList = button("printDayListButton", i18n.get("print.dayList"), "print.dayListTooltip",
        b -> printDayList());
    printList.disableProperty().bind(print.busyProperty());
    // wraps onto a second row when the window (or a longer language) leaves too little room
    FlowPane buttons = new FlowPane(8, 6, book, checkIn, walkIn, move, noShow, cancel, printList);
    buttons.setAlignment(Pos.CENTER_LEFT);
    Label hint = new Label(i18n.get("schedule.dragHint"));
    hint.getStyleClass().add("hint");
    hint.setWrapText(true);
    hint.setMinHeight(Region.USE_PREF_SIZE);
    VBox bar = new VBox(4, buttons, hint);
    bar.getStyleClass().add("schedule-actions");
    return bar;
  }

  /** The day list of the clinician whose slot or appointment is selected, for that cell's day. */
  private void printDayList() {
    DayGrid.Cell cell = day.selectedProperty().get();
    Clinic clinic = day.clinicProperty().get();
    if (cell == null || clinic == null) {
      print.nothingChosen();
      return;
    }
    print.print(cell.clinicianId(), clinic.clinicianName(cell.clinicianId()),
        cell.start().atZone(clinic.zone()).toLocalDate());
  }

  private Button button(String id, String label, String tooltipKey, Consumer<Button> action) {
    Button button = new Button(label);
    button.setId(id);
    button.setTooltip(new Tooltip(i18n.get(tooltipKey)));
    button.setOnAction(e -> action.accept(button));
    button.setMinWidth(Region.USE_PREF_SIZE);
    return button;
  }
}
