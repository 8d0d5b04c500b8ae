package org.hospital.client.schedule.booking;

import java.util.stream.Collectors;
import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.geometry.Pos;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.hospital.client.i18n.I18n;

/**
 * The booking dialog's "Repeat" row (how often, how many times, and when the last one is), the overbook
 * choice with its reason (administrators, taken slots), and the dates a refused series failed on.
 */
final class BookingOptionsView {

  private final VBox repeatRow;
  private final VBox overbook;
  private final Label refusedDates;

  BookingOptionsView(BookingOptions options, I18n i18n, boolean walkIn) {
    ComboBox<Integer> interval = new ComboBox<>(FXCollections.observableArrayList(BookingOptions.INTERVALS));
    interval.setId("repeatInterval");
    interval.setCellFactory(list -> new IntervalCell(options));
    interval.setButtonCell(new IntervalCell(options));
    interval.valueProperty().bindBidirectional(options.intervalWeeksProperty());
    interval.disableProperty().bind(options.overbookProperty());
    interval.setMinWidth(Label.USE_PREF_SIZE);
    interval.setPrefWidth(170);

    Spinner<Integer> count = new Spinner<>(new SpinnerValueFactory.IntegerSpinnerValueFactory(
        BookingOptions.MIN_COUNT, BookingOptions.MAX_COUNT, options.countProperty().get()));
    count.setId("repeatCount");
    count.setEditable(true);
    count.setPrefWidth(90);
    count.getValueFactory().valueProperty().bindBidirectional(options.countProperty());
    Label countLabel = new Label(i18n.get("series.count"));
    countLabel.getStyleClass().add("field-label");
    countLabel.setMinWidth(Label.USE_PREF_SIZE);
    Label summary = new Label();
    summary.setId("repeatSummary");
    summary.getStyleClass().add("card-details");
    summary.setWrapText(true);
    summary.textProperty().bind(options.summaryProperty());
    summary.visibleProperty().bind(options.summaryProperty().isNotEmpty());
    summary.managedProperty().bind(summary.visibleProperty());
    HBox repeatDetails = new HBox(8, countLabel, count);
    repeatDetails.setAlignment(Pos.CENTER_LEFT);
    repeatDetails.visibleProperty().bind(options.intervalWeeksProperty().map(w -> w != null && w > 0));
    repeatDetails.managedProperty().bind(repeatDetails.visibleProperty());
    HBox choices = new HBox(16, interval, repeatDetails);
    choices.setAlignment(Pos.CENTER_LEFT);
    // the summary (how many, and the last date) gets a line of its own: a full date is long
    repeatRow = new VBox(4, choices, summary);
    repeatRow.setVisible(!walkIn);
    repeatRow.setManaged(!walkIn);

    CheckBox overbookChoice = new CheckBox(i18n.get("overbook.option"));
    overbookChoice.setId("overbookChoice");
    overbookChoice.selectedProperty().bindBidirectional(options.overbookProperty());
    Label reasonLabel = new Label(i18n.get("overbook.reasonLabel"));
    reasonLabel.getStyleClass().add("field-label");
    reasonLabel.setMinWidth(Label.USE_PREF_SIZE);
    TextField reason = new TextField();
    reason.setId("overbookReason");
    reason.setPromptText(i18n.get("overbook.reasonPrompt"));
    reason.textProperty().bindBidirectional(options.overbookReasonProperty());
    HBox reasonRow = new HBox(8, reasonLabel, reason);
    reasonRow.setAlignment(Pos.CENTER_LEFT);
    HBox.setHgrow(reason, Priority.ALWAYS);
    reasonRow.visibleProperty().bind(options.overbookProperty());
    reasonRow.managedProperty().bind(reasonRow.visibleProperty());
    overbook = new VBox(6, overbookChoice, reasonRow);
    overbook.setId("overbookOptions");
    overbook.getStyleClass().add("overbook-options");
    overbook.visibleProperty().bind(options.overbookOfferedProperty());
    overbook.managedProperty().bind(overbook.visibleProperty());

    // one date a line, right under the message that explains them; nothing there to select or scroll
    refusedDates = new Label();
    refusedDates.setId("refusedDates");
    refusedDates.getStyleClass().add("refused-dates");
    refusedDates.setWrapText(true);
    refusedDates.setMinHeight(Label.USE_PREF_SIZE);
    refusedDates.textProperty().bind(Bindings.createStringBinding(() -> options.refusedDates().stream()
        .map(d -> "\u2022 " + d).collect(Collectors.joining("\n")), options.refusedDates()));
    refusedDates.visibleProperty().bind(Bindings.isNotEmpty(options.refusedDates()));
    refusedDates.managedProperty().bind(refusedDates.visibleProperty());
  }

  VBox repeatRow() {
    return repeatRow;
  }

  VBox overbook() {
    return overbook;
  }

  Label refusedDates() {
    return refusedDates;
  }

  private static final class IntervalCell extends ListCell<Integer> {
    private final BookingOptions options;

    IntervalCell(BookingOptions options) {
      this.options = options;
    }

    @Override
    protected void updateItem(Integer item, boolean empty) {
      super.updateItem(item, empty);
      setText(empty || item == null ? null : options.intervalText(item));
    }
  }
}
