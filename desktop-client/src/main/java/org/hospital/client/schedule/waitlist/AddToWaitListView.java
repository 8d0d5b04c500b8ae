package org.hospital.client.schedule.waitlist;

import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import javafx.collections.FXCollections;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.converter.LocalDateStringConverter;
import org.hospital.client.i18n.I18n;
import org.hospital.client.patients.PatientText;
import org.hospital.client.patients.search.PatientSearchView;
import org.hospital.client.schedule.ScheduleText;
import org.hospital.client.schedule.VisitTypeChoice;
import org.hospital.client.ui.Banner;
import org.hospital.client.ui.Focusable;
import org.hospital.client.ui.NamedCell;
import org.hospital.proto.scheduling.v1.VisitType;

/** The content of the "Add to wait list" dialog: the patient search, then who, when, what and why. */
public final class AddToWaitListView extends VBox implements Focusable {

  private final PatientSearchView search;

  public AddToWaitListView(AddToWaitListViewModel vm, I18n i18n, PatientText patientText, ScheduleText text) {
    setId("addToWaitListView");
    setSpacing(10);

    search = PatientSearchView.picker(vm.search(), i18n, patientText, vm::choosePatient);

    Label patient = new Label();
    patient.setId("waitListPatient");
    patient.getStyleClass().addAll("value-label", "booking-patient");
    patient.textProperty().bind(vm.patientProperty().map(p -> vm.patientText()).orElse(i18n.get("booking.noPatient")));

    ComboBox<AddToWaitListViewModel.Target> target = new ComboBox<>(FXCollections.observableArrayList(vm.targets()));
    target.setId("waitListTarget");
    NamedCell.use(target, AddToWaitListViewModel.Target::label);
    target.valueProperty().bindBidirectional(vm.targetProperty());
    target.setPrefWidth(260);

    DateTimeFormatter dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(i18n.locale());
    DatePicker earliest = datePicker("waitListEarliest", dates);
    earliest.valueProperty().bindBidirectional(vm.earliestProperty());
    DatePicker latest = datePicker("waitListLatest", dates);
    latest.valueProperty().bindBidirectional(vm.latestProperty());
    HBox days = new HBox(8, earliest, new Label("\u2013"), latest);
    days.setAlignment(javafx.geometry.Pos.CENTER_LEFT);

    ComboBox<VisitType> visitType = VisitTypeChoice.comboBox("waitListVisitType", text);
    visitType.valueProperty().bindBidirectional(vm.visitTypeProperty());

    TextField reason = new TextField();
    reason.setId("waitListReason");
    reason.setPromptText(i18n.get("waitList.reasonPrompt"));
    reason.textProperty().bindBidirectional(vm.reasonProperty());

    GridPane fields = new GridPane();
    fields.setHgap(10);
    fields.setVgap(8);
    fields.addRow(0, fieldLabel(i18n.get("booking.patient")), patient);
    fields.addRow(1, fieldLabel(i18n.get("waitList.target")), target);
    fields.addRow(2, fieldLabel(i18n.get("waitList.daysLabel")), days);
    fields.addRow(3, fieldLabel(i18n.get("booking.visitType")), visitType);
    fields.addRow(4, fieldLabel(i18n.get("booking.reason")), reason);
    GridPane.setHgrow(reason, Priority.ALWAYS);

    Banner error = new Banner(Banner.Kind.DANGER, vm.errorMessageProperty());
    error.setId("addToWaitListError");
    error.setMinHeight(Region.USE_PREF_SIZE);
    getChildren().addAll(search, fields, error);
  }

  @Override
  public void focusFirst() {
    search.focusFirst();
  }

  private static DatePicker datePicker(String id, DateTimeFormatter dates) {
    DatePicker picker = new DatePicker();
    picker.setId(id);
    picker.setPrefWidth(160);
    picker.setConverter(new LocalDateStringConverter(dates, dates));
    return picker;
  }

  private static Label fieldLabel(String text) {
    Label label = new Label(text);
    label.getStyleClass().add("field-label");
    label.setMinWidth(Region.USE_PREF_SIZE);
    return label;
  }
}
