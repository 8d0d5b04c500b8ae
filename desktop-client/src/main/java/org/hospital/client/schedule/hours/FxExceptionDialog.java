package org.hospital.client.schedule.hours;

import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.collections.FXCollections;
import javafx.event.ActionEvent;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Window;
import javafx.util.converter.LocalDateStringConverter;
import org.hospital.client.i18n.I18n;
import org.hospital.client.ui.Banner;
import org.hospital.client.ui.FieldBox;
import org.hospital.client.ui.Theme;
import org.hospital.proto.scheduling.v1.ScheduleExceptionKind;

/** The exception form as a window-modal dialog that stays open until the server has added the exception. */
public final class FxExceptionDialog implements ExceptionDialogs {

  private final I18n i18n;
  private final Theme theme;
  private final Supplier<Window> owner;
  private final HoursText text;

  public FxExceptionDialog(I18n i18n, Theme theme, Supplier<Window> owner, HoursText text) {
    this.i18n = i18n;
    this.theme = theme;
    this.owner = owner;
    this.text = text;
  }

  @Override
  public void addException(ExceptionFormViewModel form) {
    Dialog<Void> dialog = new Dialog<>();
    dialog.setTitle(i18n.get("hours.exceptionTitle"));
    ButtonType addType = new ButtonType(i18n.get("hours.exceptionConfirm"), ButtonBar.ButtonData.OK_DONE);
    dialog.getDialogPane().getButtonTypes().addAll(addType,
        new ButtonType(i18n.get("dialog.close"), ButtonBar.ButtonData.CANCEL_CLOSE));

    Label heading = new Label(i18n.format("hours.exceptionFor", form.clinicianName()));
    heading.getStyleClass().add("section-title");
    Label explain = new Label(i18n.get("hours.exceptionExplain"));
    explain.getStyleClass().add("hint");
    explain.setWrapText(true);
    explain.setMinHeight(Region.USE_PREF_SIZE);

    ComboBox<ScheduleExceptionKind> kind = new ComboBox<>(FXCollections.observableArrayList(
        ScheduleExceptionKind.LEAVE, ScheduleExceptionKind.BLOCKED, ScheduleExceptionKind.EXTRA_SESSION));
    kind.setId("exceptionKind");
    kind.setCellFactory(l -> new KindCell());
    kind.setButtonCell(new KindCell());
    kind.valueProperty().bindBidirectional(form.kindProperty());
    CheckBox wholeDays = new CheckBox(i18n.get("hours.wholeDaysOption"));
    wholeDays.setId("exceptionWholeDays");
    wholeDays.selectedProperty().bindBidirectional(form.wholeDaysProperty());

    DatePicker fromDate = datePicker("exceptionFromDate");
    fromDate.valueProperty().bindBidirectional(form.fromDateProperty());
    DatePicker toDate = datePicker("exceptionToDate");
    toDate.valueProperty().bindBidirectional(form.toDateProperty());
    TextField fromTime = timeField("exceptionFromTime", form.fromTimeProperty());
    TextField toTime = timeField("exceptionToTime", form.toTimeProperty());
    TextField slot = new TextField();
    slot.setId("exceptionSlot");
    slot.textProperty().bindBidirectional(form.slotMinutesProperty());
    TextField note = new TextField();
    note.setId("exceptionNote");
    note.setPromptText(i18n.get("hours.notePrompt"));
    note.textProperty().bindBidirectional(form.noteProperty());

    FieldBox fromTimeBox = new FieldBox(i18n.get("hours.fromTime"), fromTime);
    FieldBox toTimeBox = new FieldBox(i18n.get("hours.toTime"), toTime);
    for (FieldBox box : new FieldBox[] {fromTimeBox, toTimeBox}) {
      box.visibleProperty().bind(form.wholeDaysProperty().not());
    }
    FieldBox slotBox = new FieldBox(i18n.get("hours.slotMinutes"), slot, form.slotProblemProperty());
    slotBox.visibleProperty().bind(form.kindProperty().isEqualTo(ScheduleExceptionKind.EXTRA_SESSION));
    slotBox.managedProperty().bind(slotBox.visibleProperty());

    GridPane grid = new GridPane();
    grid.setHgap(12);
    grid.setVgap(8);
    grid.add(new FieldBox(i18n.get("hours.kind"), kind), 0, 0);
    grid.add(wholeDays, 1, 0);
    wholeDays.setMaxHeight(Double.MAX_VALUE);
    wholeDays.setAlignment(javafx.geometry.Pos.BOTTOM_LEFT);
    grid.add(new FieldBox(i18n.get("hours.fromDate"), fromDate, form.fromProblemProperty()), 0, 1);
    grid.add(fromTimeBox, 1, 1);
    FieldBox toDateBox = new FieldBox(i18n.get("hours.toDate"), toDate, form.toProblemProperty());
    // "to (included)" only when whole days are meant; with times, the end time says it
    ((Label) toDateBox.getChildren().getFirst()).textProperty().bind(form.wholeDaysProperty()
        .map(whole -> i18n.get(whole ? "hours.toDate" : "hours.toDateTime")));
    grid.add(toDateBox, 0, 2);
    grid.add(toTimeBox, 1, 2);
    grid.add(slotBox, 0, 3);
    grid.add(new FieldBox(i18n.get("hours.note"), note, form.noteProblemProperty()), 0, 4, 2, 1);
    Banner error = new Banner(Banner.Kind.DANGER, form.errorMessageProperty());
    error.setId("exceptionError");

    dialog.getDialogPane().setContent(new VBox(10, heading, explain, grid, error));
    dialog.getDialogPane().setId("exceptionDialog");
    dialog.getDialogPane().setPrefWidth(520);
    Button add = (Button) dialog.getDialogPane().lookupButton(addType);
    add.setId("exceptionConfirm");
    add.disableProperty().bind(form.busyProperty());
    // the dialog stays open while the server is asked, so that its answer can point at a field
    add.addEventFilter(ActionEvent.ACTION, e -> {
      e.consume();
      form.submit();
    });
    // the slot length field comes and goes with the kind: the window follows, so no button is cut off
    form.kindProperty().addListener((obs, old, now) -> Platform.runLater(() -> {
      if (dialog.isShowing()) {
        dialog.getDialogPane().getScene().getWindow().sizeToScene();
      }
    }));
    form.doneProperty().subscribe(done -> {
      if (done) {
        dialog.close();
      }
    });
    dialog.setResultConverter(button -> null);
    dialog.initOwner(owner.get());
    dialog.initModality(Modality.WINDOW_MODAL);
    theme.apply(dialog.getDialogPane());
    dialog.show();
    Platform.runLater(kind::requestFocus);
  }

  private DatePicker datePicker(String id) {
    DatePicker picker = new DatePicker();
    picker.setId(id);
    DateTimeFormatter dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(i18n.locale());
    picker.setConverter(new LocalDateStringConverter(dates, dates));
    return picker;
  }

  private static TextField timeField(String id, javafx.beans.property.StringProperty value) {
    TextField field = new TextField();
    field.setId(id);
    field.setPromptText("HH:MM");
    field.textProperty().bindBidirectional(value);
    return field;
  }

  private final class KindCell extends ListCell<ScheduleExceptionKind> {
    @Override
    protected void updateItem(ScheduleExceptionKind item, boolean empty) {
      super.updateItem(item, empty);
      setText(empty || item == null ? null : text.kind(item));
    }
  }
}
