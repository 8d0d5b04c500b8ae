package org.hospital.client.schedule.hours;

import atlantafx.base.theme.Styles;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.converter.LocalDateStringConverter;
import org.hospital.client.i18n.I18n;
import org.hospital.client.ui.Banner;
import org.hospital.client.ui.FieldBox;
import org.hospital.client.ui.NamedCell;
import org.hospital.proto.scheduling.v1.Appointment;
import org.hospital.proto.scheduling.v1.Clinician;
import org.hospital.proto.scheduling.v1.Department;
import org.hospital.proto.scheduling.v1.ScheduleExceptionEntry;

/**
 * The Clinic hours area: whose hours (department, clinician, from which day), the bookings that need a new
 * time on top where nobody can miss them, the weekly hours on the left, leave and other changes on the right.
 */
public final class ClinicHoursView extends BorderPane {

  private final ClinicHoursViewModel vm;
  private final I18n i18n;
  private final HoursText text;

  public ClinicHoursView(ClinicHoursViewModel vm, I18n i18n, HoursText text) {
    this.vm = vm;
    this.i18n = i18n;
    this.text = text;
    setId("clinicHoursArea");
    getStyleClass().add("clinic-hours");
    Banner error = new Banner(Banner.Kind.DANGER, vm.errorMessageProperty());
    error.setId("hoursError");
    Banner notice = new Banner(Banner.Kind.SUCCESS, vm.noticeProperty());
    notice.setId("hoursNotice");
    VBox top = new VBox(8, heading(), error, notice, offSchedulePanel());
    top.getStyleClass().add("clinic-hours-top");
    setTop(top);
    HBox body = new HBox(16, templatePanel(), exceptionsPanel());
    body.getStyleClass().add("clinic-hours-body");
    setCenter(body);
  }

  private VBox heading() {
    Label title = new Label(i18n.get("hours.title"));
    title.getStyleClass().add("screen-title");
    Label explain = new Label(i18n.get("hours.explain"));
    explain.getStyleClass().add("hint");
    explain.setWrapText(true);
    explain.setMinHeight(Region.USE_PREF_SIZE);

    ComboBox<Department> department = new ComboBox<>(vm.departments());
    department.setId("hoursDepartment");
    NamedCell.use(department, Department::getName);
    department.valueProperty().bindBidirectional(vm.departmentProperty());
    department.setPrefWidth(200);
    ComboBox<Clinician> clinician = new ComboBox<>(vm.clinicians());
    clinician.setId("hoursClinician");
    NamedCell.use(clinician, Clinician::getDisplayName);
    clinician.valueProperty().bindBidirectional(vm.clinicianProperty());
    clinician.setPrefWidth(200);
    DatePicker from = new DatePicker();
    from.setId("effectiveFrom");
    DateTimeFormatter dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(i18n.locale());
    from.setConverter(new LocalDateStringConverter(dates, dates));
    from.valueProperty().bindBidirectional(vm.effectiveFromProperty());
    from.setPrefWidth(170);
    from.setTooltip(new Tooltip(i18n.get("hours.effectiveFromTooltip")));
    FlowPane controls = new FlowPane(12, 6, new FieldBox(i18n.get("hours.department"), department),
        new FieldBox(i18n.get("hours.clinician"), clinician),
        new FieldBox(i18n.get("hours.effectiveFrom"), from, vm.effectiveFromProblemProperty()));
    controls.setAlignment(Pos.BOTTOM_LEFT);
    return new VBox(4, title, explain, controls);
  }

  private VBox offSchedulePanel() {
    Label title = new Label();
    title.getStyleClass().add("section-title");
    title.textProperty().bind(javafx.beans.binding.Bindings.size(vm.offSchedule()).map(n ->
        i18n.format("hours.offScheduleTitle", n)));
    Label explain = new Label(i18n.get("hours.offScheduleExplain"));
    explain.setWrapText(true);
    explain.setMinHeight(Region.USE_PREF_SIZE);
    ListView<Appointment> list = new ListView<>(vm.offSchedule());
    list.setId("offScheduleList");
    list.setCellFactory(l -> new OffScheduleCell());
    // as tall as three bookings at most: the hours below must stay in view
    list.prefHeightProperty().bind(javafx.beans.binding.Bindings.size(vm.offSchedule())
        .map(n -> Math.min(Math.max(n.intValue(), 1), 3) * 40.0 + 4));
    VBox panel = new VBox(4, title, explain, list);
    panel.setId("offSchedulePanel");
    panel.getStyleClass().add("off-schedule-panel");
    panel.visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(vm.offSchedule()));
    panel.managedProperty().bind(panel.visibleProperty());
    return panel;
  }

  private VBox templatePanel() {
    Label title = new Label();
    title.getStyleClass().add("section-title");
    title.textProperty().bind(vm.effectiveFromProperty().map(d -> i18n.format("hours.weeklyTitle", text.day(d)))
        .orElse(""));
    TemplateEditor editor = new TemplateEditor(vm, i18n);
    VBox.setVgrow(editor, Priority.ALWAYS);
    Button add = new Button(i18n.get("hours.addSession"));
    add.setId("addSession");
    add.setOnAction(e -> vm.addSession());
    Button save = new Button(i18n.get("hours.save"));
    save.setId("saveHours");
    save.getStyleClass().add(Styles.ACCENT);
    save.setTooltip(new Tooltip(i18n.get("hours.saveTooltip")));
    save.setOnAction(e -> vm.save());
    Button reload = new Button(i18n.get("hours.discard"));
    reload.setId("discardHours");
    reload.setTooltip(new Tooltip(i18n.get("hours.discardTooltip")));
    reload.setOnAction(e -> vm.load());
    for (Button b : new Button[] {add, save, reload}) {
      b.disableProperty().bind(vm.busyProperty());
      b.setMinWidth(Region.USE_PREF_SIZE);
    }
    FlowPane buttons = new FlowPane(8, 6, save, add, reload);
    VBox panel = new VBox(6, title, editor, buttons);
    HBox.setHgrow(panel, Priority.ALWAYS);
    panel.setMinWidth(0);
    return panel;
  }

  private VBox exceptionsPanel() {
    Label title = new Label(i18n.get("hours.exceptionsTitle"));
    title.getStyleClass().add("section-title");
    ListView<ScheduleExceptionEntry> list = new ListView<>(vm.exceptions());
    list.setId("exceptionList");
    list.setPlaceholder(wrapped(i18n.get("hours.noExceptions")));
    list.setCellFactory(l -> new NamedCell<>(e -> text.exception(e, vm.zone()), true));
    vm.selectedExceptionProperty().bind(list.getSelectionModel().selectedItemProperty());
    VBox.setVgrow(list, Priority.ALWAYS);
    Button add = new Button(i18n.get("hours.addException"));
    add.setId("addException");
    add.getStyleClass().add(Styles.ACCENT);
    add.setOnAction(e -> vm.addException());
    Button remove = new Button(i18n.get("hours.removeException"));
    remove.setId("removeException");
    remove.setTooltip(new Tooltip(i18n.get("hours.removeExceptionTooltip")));
    remove.setOnAction(e -> vm.removeException());
    for (Button b : new Button[] {add, remove}) {
      b.disableProperty().bind(vm.busyProperty());
      b.setMinHeight(Region.USE_PREF_SIZE);
      b.setWrapText(true); // a long label wraps in the narrow column instead of being cut
    }
    add.setMaxWidth(Double.MAX_VALUE);
    VBox panel = new VBox(6, title, list, add, remove);
    panel.setPrefWidth(250);
    panel.setMinWidth(250);
    return panel;
  }

  private static Label wrapped(String s) {
    Label l = new Label(s);
    l.setWrapText(true);
    l.getStyleClass().add("hint");
    return l;
  }

  /** "Thu 3 Dec 2026, 09:00 — DOE, Jane · MRN" with its Rebook… button. */
  private final class OffScheduleCell extends ListCell<Appointment> {
    @Override
    protected void updateItem(Appointment item, boolean empty) {
      super.updateItem(item, empty);
      if (empty || item == null) {
        setGraphic(null);
        setText(null);
        return;
      }
      Label when = new Label(text.when(item, vm.zone()));
      when.getStyleClass().add("off-schedule-when");
      when.setMinWidth(Region.USE_PREF_SIZE);
      Label who = new Label(text.patient(item));
      Region spacer = new Region();
      HBox.setHgrow(spacer, Priority.ALWAYS);
      Button rebook = new Button(i18n.get("hours.rebook"));
      rebook.setId("rebook-" + item.getId());
      rebook.getStyleClass().add(Styles.SMALL);
      rebook.setMinWidth(Region.USE_PREF_SIZE);
      rebook.disableProperty().bind(vm.busyProperty());
      rebook.setOnAction(e -> vm.rebook(item));
      HBox line = new HBox(12, when, who, spacer, rebook);
      line.setAlignment(Pos.CENTER_LEFT);
      setText(null);
      setGraphic(line);
    }
  }
}
