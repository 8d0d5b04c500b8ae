package org.hospital.client.schedule.queue;

import atlantafx.base.theme.Styles;
import javafx.beans.binding.Bindings;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.hospital.client.i18n.I18n;
import org.hospital.client.ui.Banner;

/** Today's arrivals (with a check-in button on each line) and the waiting room, side by side with the day. */
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
    Tab arrivalsTab = new Tab();
    arrivalsTab.textProperty().bind(Bindings.size(vm.arrivals()).map(n -> i18n.format("schedule.arrivalsTab", n)));
    arrivalsTab.setContent(arrivals);
    arrivalsTab.setId("arrivalsTab");
    Tab waitingTab = new Tab();
    waitingTab.textProperty().bind(Bindings.size(vm.waiting()).map(n -> i18n.format("schedule.waitingTab", n)));
    waitingTab.setContent(waiting);
    waitingTab.setId("waitingTab");
    TabPane tabs = new TabPane(arrivalsTab, waitingTab);
    tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
    tabs.getStyleClass().add(Styles.TABS_FLOATING);
    VBox.setVgrow(tabs, Priority.ALWAYS);

    Label title = new Label(i18n.get("schedule.todayTitle"));
    title.getStyleClass().add("section-title");
    Banner error = new Banner(Banner.Kind.DANGER, vm.errorMessageProperty());
    error.setId("queuesError");
    getChildren().addAll(title, error, tabs);
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
      if (empty || entry == null) {
        setGraphic(null);
        return;
      }
      Label time = new Label(entry.time());
      time.getStyleClass().add("queue-time");
      time.setMinWidth(Region.USE_PREF_SIZE);
      Label patient = new Label(entry.patient());
      patient.getStyleClass().add("queue-patient");
      Label details = new Label(entry.clinician() + " \u00b7 " + entry.visitType());
      details.getStyleClass().add("hint");
      VBox texts = new VBox(1, patient, details);
      texts.setMinWidth(0);
      HBox.setHgrow(texts, Priority.ALWAYS);
      HBox line = new HBox(8, time, texts);
      line.setAlignment(Pos.CENTER_LEFT);
      if (withCheckIn) {
        Button checkIn = new Button(i18n.get("schedule.action.checkIn"));
        checkIn.setId("checkIn-" + entry.appointment().getId());
        checkIn.getStyleClass().addAll(Styles.SMALL, Styles.SUCCESS);
        checkIn.setMinWidth(Region.USE_PREF_SIZE);
        checkIn.setTooltip(new Tooltip(i18n.get("schedule.checkInTooltip")));
        checkIn.setOnAction(e -> vm.checkIn(entry));
        line.getChildren().add(checkIn);
      } else {
        Label waited = new Label(entry.waited());
        waited.setId("waited-" + entry.appointment().getId());
        waited.getStyleClass().add("queue-waited");
        waited.setMinWidth(Region.USE_PREF_SIZE);
        line.getChildren().add(waited);
      }
      setGraphic(line);
    }
  }
}
