package org.hospital.client.schedule.booking;

import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.hospital.client.i18n.I18n;
import org.hospital.client.patients.PatientText;
import org.hospital.client.patients.search.PatientSearchView;
import org.hospital.client.schedule.ScheduleText;
import org.hospital.client.schedule.SlotChoice;
import org.hospital.client.schedule.VisitTypeChoice;
import org.hospital.client.ui.Banner;
import org.hospital.client.ui.Focusable;
import org.hospital.client.ui.NamedCell;
import org.hospital.proto.scheduling.v1.Clinician;
import org.hospital.proto.scheduling.v1.VisitType;

/**
 * The content of the booking dialog: the slot, the patient search of the Patients area (selecting a row
 * chooses the patient), visit type and reason, and the free times offered when the slot was taken.
 */
public final class BookingView extends VBox implements Focusable {

  private final PatientSearchView search;

  public BookingView(BookingViewModel vm, I18n i18n, PatientText patientText, ScheduleText text) {
    setId("bookingView");
    getStyleClass().add("booking-view");
    setSpacing(10);

    Label slot = new Label();
    slot.setId("bookingSlot");
    slot.getStyleClass().add("booking-slot");
    slot.setMaxWidth(Double.MAX_VALUE);
    slot.setWrapText(true);
    slot.textProperty().bind(vm.slotTextProperty());

    search = PatientSearchView.picker(vm.search(), i18n, patientText, vm::choosePatient);

    Label patient = new Label();
    patient.setId("bookingPatient");
    patient.getStyleClass().addAll("value-label", "booking-patient");
    patient.textProperty().bind(vm.patientTextProperty().map(t -> t.isEmpty() ? i18n.get("booking.noPatient") : t));

    ComboBox<VisitType> visitType = VisitTypeChoice.comboBox("visitType", text);
    visitType.valueProperty().bindBidirectional(vm.visitTypeProperty());

    TextField reason = new TextField();
    reason.setId("bookingReason");
    reason.setPromptText(i18n.get("booking.reasonPrompt"));
    reason.textProperty().bindBidirectional(vm.reasonProperty());

    GridPane fields = new GridPane();
    fields.setHgap(10);
    fields.setVgap(8);
    fields.addRow(0, fieldLabel(i18n.get("booking.patient")), patient);
    fields.addRow(1, fieldLabel(i18n.get("booking.visitType")), visitType);
    fields.addRow(2, fieldLabel(i18n.get("booking.reason")), reason);
    if (vm.isWalkIn()) {
      ComboBox<Clinician> clinician = new ComboBox<>(vm.clinicians());
      clinician.setId("walkInClinician");
      NamedCell.use(clinician, Clinician::getDisplayName);
      clinician.valueProperty().bindBidirectional(vm.clinicianProperty());
      fields.addRow(3, fieldLabel(i18n.get("walkIn.clinician")), clinician);
    }
    BookingOptionsView options = new BookingOptionsView(vm.options(), i18n, vm.isWalkIn());
    if (!vm.isWalkIn()) {
      fields.addRow(3, fieldLabel(i18n.get("series.repeat")), options.repeatRow());
    }
    GridPane.setHgrow(reason, Priority.ALWAYS);

    Banner error = new Banner(Banner.Kind.DANGER, vm.errorMessageProperty());
    error.setId("bookingError");
    error.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);

    ListView<SlotChoice> alternatives = new ListView<>(vm.alternatives());
    alternatives.setId("alternatives");
    alternatives.setPrefHeight(130);
    alternatives.visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(vm.alternatives()));
    alternatives.managedProperty().bind(alternatives.visibleProperty());
    alternatives.setOnMouseClicked(e -> vm.chooseAlternative(alternatives.getSelectionModel().getSelectedItem()));
    alternatives.setOnKeyPressed(e -> {
      if (e.getCode() == javafx.scene.input.KeyCode.ENTER) {
        vm.chooseAlternative(alternatives.getSelectionModel().getSelectedItem());
      }
    });

    getChildren().addAll(slot, search, fields, error, options.refusedDates(), options.overbook(), alternatives);
  }

  @Override
  public void focusFirst() {
    search.focusFirst();
  }

  private static Label fieldLabel(String text) {
    Label label = new Label(text);
    label.getStyleClass().add("field-label");
    label.setMinWidth(Label.USE_PREF_SIZE); // a wide row beside it must not squeeze the label to "..."
    return label;
  }
}
