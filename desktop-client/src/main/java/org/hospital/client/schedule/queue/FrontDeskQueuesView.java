package org.hospital.client.schedule.queue;

import atlantafx.base.theme.Styles;
import javafx.beans.binding.Bindings;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.hospital.client.i18n.I18n;
import org.hospital.client.ui.Banner;

/** The waiting room and today's expected patients (with a check-in button on each line), beside the day. */
public final class FrontDeskQueuesView extends VBox {

  private final FrontDeskQueuesViewModel vm;
  private final I18n i18n;

  public FrontDeskQueuesView(FrontDeskQueuesViewModel vm, I18n i18n) {
    this.vm = vm;
    this.i18n = i18n;
    setId("frontDeskQueues");
    getStyleClass().add("queues-panel");

    ListView<QueueEntry> arrivals = list("arrivalsList", vm.arrivals(), true, "schedule.noArrivals");
    ListView<QueueEntry> waiting = list("waitingList", vm.waiting(), false, "schedule.nobodyWaiting");
    // both lists at once: the desk watches who is due and who is waiting at the same time
    Label arrivalsTitle = new Label();
    arrivalsTitle.setId("arrivalsTitle");
    arrivalsTitle.getStyleClass().add("queue-title");
    arrivalsTitle.textProperty().bind(Bindings.size(vm.arrivals()).map(n -> i18n.format("schedule.expectedTitle", n)));
    Label waitingTitle = new Label();
    waitingTitle.setId("waitingTitle");
    waitingTitle.getStyleClass().add("queue-title");
    waitingTitle.textProperty().bind(Bindings.size(vm.waiting()).map(n -> i18n.format("schedule.waitingTitle", n)));

    Label title = new Label(i18n.get("schedule.todayTitle"));
    title.getStyleClass().add("section-title");
    Banner error = new Banner(Banner.Kind.DANGER, vm.errorMessageProperty());
    error.setId("queuesError");
    getChildren().addAll(title, error, waitingTitle, waiting, arrivalsTitle, arrivals);
  }

  private ListView<QueueEntry> list(String id, ObservableList<QueueEntry> items, boolean withCheckIn,
      String emptyKey) {
    ListView<QueueEntry> list = new ListView<>(items);
    list.setId(id);
    Label placeholder = new Label(i18n.get(emptyKey));
    placeholder.getStyleClass().add("hint");
    placeholder.setWrapText(true);
    list.setPlaceholder(placeholder);
    list.setCellFactory(view -> new EntryCell(withCheckIn));
    list.setPrefHeight(160);
    VBox.setVgrow(list, Priority.ALWAYS);
    return list;
  }

  private final class EntryCell extends ListCell<QueueEntry> {
    private final boolean withCheckIn;

    EntryCell(boolean withCheckIn) {
      this.withCheckIn = withCheckIn;
    }

    @Override
    protected void updateItem(QueueEntry entry, boolean empty) {
      super.updateItem(entry, empty);
      setText(null);
      setPrefWidth(0); // as wide as the list, never wider: long names are cut, not scrolled
      if (empty || entry == null) {
        setGraphic(null);
        return;
      }
      // two lines, so the name gets the whole width: "08:45 WHITE, Tom" over "MRN · clinician [action]"
      Label time = new Label(entry.time());
      time.getStyleClass().add("queue-time");
      time.setMinWidth(Region.USE_PREF_SIZE);
      Label patient = new Label(entry.appointment().getPatientName());
      patient.getStyleClass().add("queue-patient");
      patient.setMinWidth(0);
      HBox top = new HBox(8, time, patient);
      top.setAlignment(Pos.BASELINE_LEFT);
      Label details = new Label(entry.appointment().getPatientMrn() + " \u00b7 " + entry.clinician());
      details.getStyleClass().add("hint");
      details.setMinWidth(0);
      details.setMaxWidth(Double.MAX_VALUE);
      HBox.setHgrow(details, Priority.ALWAYS);
      HBox bottom = new HBox(8, details);
      bottom.setAlignment(Pos.CENTER_LEFT);
      if (withCheckIn) {
        Button checkIn = new Button(i18n.get("schedule.action.checkIn"));
        checkIn.setId("checkIn-" + entry.appointment().getId());
        checkIn.getStyleClass().addAll(Styles.SMALL, Styles.SUCCESS);
        checkIn.setMinWidth(Region.USE_PREF_SIZE);
        // disabled outside the check-in window, with the reason where the desk looks for it
        boolean refused = !entry.checkInRefusal().isEmpty();
        checkIn.setDisable(refused);
        checkIn.setTooltip(new Tooltip(refused ? entry.checkInRefusal() : i18n.get("schedule.checkInTooltip")));
        checkIn.setOnAction(e -> vm.checkIn(entry));
        bottom.getChildren().add(checkIn);
      } else {
        Label waited = new Label(entry.waited());
        waited.setId("waited-" + entry.appointment().getId());
        waited.getStyleClass().add("queue-waited");
        waited.setMinWidth(Region.USE_PREF_SIZE);
        bottom.getChildren().add(waited);
      }
      VBox line = new VBox(2, top, bottom);
      setGraphic(line);
      setTooltip(new Tooltip(entry.patient() + "\n" + entry.clinician() + " \u00b7 " + entry.visitType()));
    }
  }
}
