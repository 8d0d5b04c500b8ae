package org.hospital.client.schedule;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.event.ActionEvent;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextArea;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Window;
import org.hospital.client.i18n.I18n;
import org.hospital.client.patients.PatientText;
import org.hospital.client.schedule.booking.BookingView;
import org.hospital.client.schedule.booking.BookingViewModel;
import org.hospital.client.schedule.booking.BookingViewModelFactory;
import org.hospital.client.schedule.finder.FreeSlotFinderView;
import org.hospital.client.schedule.finder.FreeSlotFinderViewModel;
import org.hospital.client.ui.Theme;
import org.hospital.proto.scheduling.v1.Appointment;
import org.hospital.proto.scheduling.v1.Clinician;
import org.hospital.proto.scheduling.v1.Department;

/** The schedule dialogs as window-modal JavaFX dialogs over the main window; none blocks its caller. */
public final class FxScheduleDialogs implements ScheduleDialogs {

  private final I18n i18n;
  private final Theme theme;
  private final Supplier<Window> owner;
  private final PatientText patientText;
  private final ScheduleText text;
  private final BookingViewModelFactory bookings;
  private final FreeSlotFinderViewModel.Factory finders;

  public FxScheduleDialogs(I18n i18n, Theme theme, Supplier<Window> owner, PatientText patientText,
      ScheduleText text, BookingViewModelFactory bookings, FreeSlotFinderViewModel.Factory finders) {
    this.finders = finders;
    this.i18n = i18n;
    this.theme = theme;
    this.owner = owner;
    this.patientText = patientText;
    this.text = text;
    this.bookings = bookings;
  }

  @Override
  public void book(BookingSlot slot, Consumer<Appointment> booked) {
    showBooking(slot, booked, (done, leave) -> bookings.create(slot, done, leave));
  }

  @Override
  public void walkIn(BookingSlot walkIn, List<Clinician> clinicians, Consumer<Appointment> checkedIn) {
    showBooking(walkIn, checkedIn, (done, leave) -> bookings.createWalkIn(walkIn, clinicians, done, leave));
  }

  private void showBooking(BookingSlot slot, Consumer<Appointment> booked,
      java.util.function.BiFunction<Consumer<Appointment>, Runnable, BookingViewModel> create) {
    Dialog<Appointment> dialog = new Dialog<>();
    dialog.setTitle(i18n.get(slot.walkIn() ? "walkIn.title" : "booking.title"));
    ButtonType bookType = new ButtonType(i18n.get(slot.walkIn() ? "walkIn.confirm" : "booking.book"),
        ButtonBar.ButtonData.OK_DONE);
    dialog.getDialogPane().getButtonTypes().addAll(bookType,
        new ButtonType(i18n.get("dialog.close"), ButtonBar.ButtonData.CANCEL_CLOSE));
    BookingViewModel vm = create.apply(appointment -> {
      dialog.setResult(appointment);
      dialog.close();
    }, dialog::close);
    BookingView view = new BookingView(vm, i18n, patientText, text);
    dialog.getDialogPane().setContent(view);
    dialog.getDialogPane().setId("bookingDialog");
    dialog.getDialogPane().setPrefSize(760, 680);
    dialog.getDialogPane().setMinWidth(720); // the patient search's columns need the room
    dialog.setResizable(true);
    Button book = (Button) dialog.getDialogPane().lookupButton(bookType);
    book.setId("bookingConfirm");
    book.disableProperty().bind(vm.busyProperty());
    // the dialog stays open while the server is asked; it closes when the booking is made
    book.addEventFilter(ActionEvent.ACTION, e -> {
      e.consume();
      vm.book();
    });
    dialog.setResultConverter(button -> null);
    dialog.setOnHidden(e -> {
      vm.search().dispose();
      if (dialog.getResult() != null) {
        booked.accept(dialog.getResult());
      }
    });
    show(dialog);
    Platform.runLater(view::focusFirst);
  }

  @Override
  public void askCancelReason(String appointmentText, Consumer<String> reason) {
    askCancel(appointmentText, null, answer -> reason.accept(answer.reason()));
  }

  @Override
  public void askSeriesCancel(String appointmentText, String seriesText, Consumer<SeriesCancel> answer) {
    askCancel(appointmentText, seriesText, answer);
  }

  /** The cancel dialog; with {@code seriesText}, it also asks whether the following ones of the series go. */
  private void askCancel(String appointmentText, String seriesText, Consumer<SeriesCancel> answer) {
    Dialog<String> dialog = new Dialog<>();
    dialog.setTitle(i18n.get("cancel.title"));
    ButtonType confirm = new ButtonType(i18n.get("cancel.confirm"), ButtonBar.ButtonData.OK_DONE);
    ButtonType keep = new ButtonType(i18n.get("cancel.keep"), ButtonBar.ButtonData.CANCEL_CLOSE);
    dialog.getDialogPane().getButtonTypes().addAll(confirm, keep);
    TextArea why = new TextArea();
    why.setId("cancelReason");
    why.setPrefRowCount(3);
    why.setWrapText(true);
    why.setPromptText(i18n.get("cancel.reasonPrompt"));
    Label what = new Label(appointmentText);
    what.setWrapText(true);
    what.getStyleClass().add("section-title");
    Label label = new Label(i18n.get("cancel.reasonLabel"));
    label.getStyleClass().add("field-label");
    VBox content = new VBox(8, what);
    ToggleGroup scope = new ToggleGroup();
    RadioButton following = new RadioButton(i18n.get("cancel.scope.following"));
    if (seriesText != null) {
      Label member = new Label(seriesText);
      member.setWrapText(true);
      RadioButton only = new RadioButton(i18n.get("cancel.scope.this"));
      only.setId("cancelThisOnly");
      following.setId("cancelFollowing");
      only.setToggleGroup(scope);
      following.setToggleGroup(scope);
      only.setSelected(true); // the narrower choice unless the desk asks for more
      content.getChildren().addAll(member, only, following);
    }
    content.getChildren().addAll(label, why);
    dialog.getDialogPane().setContent(content);
    dialog.getDialogPane().setId("cancelDialog");
    dialog.getDialogPane().setPrefWidth(480);
    Button ok = (Button) dialog.getDialogPane().lookupButton(confirm);
    ok.setId("cancelConfirm");
    ok.disableProperty().bind(why.textProperty().map(String::isBlank));
    dialog.setResultConverter(button -> button == confirm ? why.getText().strip() : null);
    dialog.setOnHidden(e -> {
      if (dialog.getResult() != null && !dialog.getResult().isBlank()) {
        answer.accept(new SeriesCancel(dialog.getResult(), following.isSelected()));
      }
    });
    show(dialog);
    Platform.runLater(why::requestFocus);
  }

  @Override
  public void confirm(String question, String confirmLabel, Runnable confirmed) {
    Dialog<Boolean> dialog = new Dialog<>();
    dialog.setTitle(confirmLabel);
    ButtonType yes = new ButtonType(confirmLabel, ButtonBar.ButtonData.OK_DONE);
    ButtonType no = new ButtonType(i18n.get("dialog.back"), ButtonBar.ButtonData.CANCEL_CLOSE);
    dialog.getDialogPane().getButtonTypes().addAll(yes, no);
    Label text = new Label(question);
    text.setWrapText(true);
    dialog.getDialogPane().setContent(text);
    dialog.getDialogPane().setId("confirmDialog");
    dialog.getDialogPane().setPrefWidth(440);
    dialog.getDialogPane().lookupButton(yes).setId("confirmYes");
    dialog.setResultConverter(button -> button == yes);
    dialog.setOnHidden(e -> {
      if (Boolean.TRUE.equals(dialog.getResult())) {
        confirmed.run();
      }
    });
    show(dialog);
  }

  @Override
  public void chooseSlot(String appointmentText, List<SlotChoice> choices, Consumer<SlotChoice> chosen) {
    Dialog<SlotChoice> dialog = new Dialog<>();
    dialog.setTitle(i18n.get("move.title"));
    ButtonType move = new ButtonType(i18n.get("move.confirm"), ButtonBar.ButtonData.OK_DONE);
    dialog.getDialogPane().getButtonTypes().addAll(move,
        new ButtonType(i18n.get("dialog.back"), ButtonBar.ButtonData.CANCEL_CLOSE));
    ListView<SlotChoice> list = new ListView<>(javafx.collections.FXCollections.observableArrayList(choices));
    list.setId("slotChoices");
    list.setPrefHeight(280);
    list.getSelectionModel().selectFirst();
    Label what = new Label(appointmentText);
    what.setWrapText(true);
    what.getStyleClass().add("section-title");
    Label label = new Label(i18n.get("move.choose"));
    label.getStyleClass().add("field-label");
    dialog.getDialogPane().setContent(new VBox(8, what, label, list));
    dialog.getDialogPane().setId("moveDialog");
    dialog.getDialogPane().setPrefWidth(480);
    Button ok = (Button) dialog.getDialogPane().lookupButton(move);
    ok.setId("moveConfirm");
    ok.disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull());
    dialog.setResultConverter(button -> button == move ? list.getSelectionModel().getSelectedItem() : null);
    dialog.setOnHidden(e -> {
      if (dialog.getResult() != null) {
        chosen.accept(dialog.getResult());
      }
    });
    show(dialog);
    Platform.runLater(list::requestFocus);
  }

  @Override
  public void findFreeSlot(Clinic clinic, Department shown, Consumer<SlotChoice> chosen) {
    FreeSlotFinderViewModel vm = finders.create(clinic, shown);
    Dialog<SlotChoice> dialog = new Dialog<>();
    dialog.setTitle(i18n.get("finder.title"));
    ButtonType book = new ButtonType(i18n.get("finder.book"), ButtonBar.ButtonData.OK_DONE);
    dialog.getDialogPane().getButtonTypes().addAll(book,
        new ButtonType(i18n.get("dialog.close"), ButtonBar.ButtonData.CANCEL_CLOSE));
    FreeSlotFinderView view = new FreeSlotFinderView(vm, i18n, () -> {
      dialog.setResult(vm.chosenProperty().get());
      dialog.close();
    });
    dialog.getDialogPane().setContent(view);
    dialog.getDialogPane().setId("finderDialog");
    dialog.getDialogPane().setPrefSize(640, 560);
    dialog.setResizable(true);
    Button ok = (Button) dialog.getDialogPane().lookupButton(book);
    ok.setId("finderBook");
    ok.disableProperty().bind(vm.chosenProperty().isNull());
    dialog.setResultConverter(button -> button == book ? vm.chosenProperty().get() : null);
    dialog.setOnHidden(e -> {
      if (dialog.getResult() != null) {
        chosen.accept(dialog.getResult());
      }
    });
    show(dialog);
    Platform.runLater(view::start);
  }

  private void show(Dialog<?> dialog) {
    dialog.initOwner(owner.get());
    dialog.initModality(Modality.WINDOW_MODAL);
    theme.apply(dialog.getDialogPane());
    dialog.show();
  }
}
