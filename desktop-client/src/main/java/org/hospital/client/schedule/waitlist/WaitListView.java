package org.hospital.client.schedule.waitlist;

import atlantafx.base.theme.Styles;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
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
import org.hospital.client.ui.LiveStatusBanner;

/**
 * The wait list part of the Schedule area's side panel: freed-slot notifications on top (newest first), then
 * the department's open entries with "Add" and a "Remove" on each line.
 */
public final class WaitListView extends VBox {

  private final WaitListViewModel vm;
  private final I18n i18n;

  public WaitListView(WaitListViewModel vm, FreedSlotsViewModel freed, I18n i18n) {
    super(6);
    this.vm = vm;
    this.i18n = i18n;
    setId("waitListPanel");
    getStyleClass().add("wait-list-panel");

    VBox cards = new VBox(6);
    cards.setId("freedSlotNotices");
    freed.notices().addListener((ListChangeListener<FreedSlotNotice>) c ->
        cards.getChildren().setAll(freed.notices().stream().map(n -> new FreedSlotCard(n, freed, i18n)).toList()));
    Banner freedError = new Banner(Banner.Kind.DANGER, freed.errorMessageProperty());
    freedError.setId("freedSlotError");
    Banner freedNotice = new Banner(Banner.Kind.SUCCESS, freed.noticeProperty());
    freedNotice.setId("freedSlotNotice");

    Label title = new Label();
    title.setId("waitListTitle");
    title.getStyleClass().add("queue-title");
    title.textProperty().bind(Bindings.size(vm.rows()).map(n -> i18n.format("waitList.title", n)));
    title.setMinWidth(0);
    // below the list, not beside the title: the title keeps its count in longer languages too
    Button add = new Button(i18n.get("waitList.add"));
    add.setId("waitListAdd");
    add.getStyleClass().add(Styles.SMALL);
    add.setMinWidth(Region.USE_PREF_SIZE);
    add.setTooltip(new Tooltip(i18n.get("waitList.addTooltip")));
    add.setOnAction(e -> vm.add());

    Banner error = new Banner(Banner.Kind.DANGER, vm.errorMessageProperty());
    error.setId("waitListError");
    Banner notice = new Banner(Banner.Kind.SUCCESS, vm.noticeProperty());
    notice.setId("waitListNotice");
    // one success message at a time: the newer replaces the other part's
    vm.noticeProperty().addListener((obs, old, now) -> {
      if (!now.isEmpty()) {
        freed.noticeProperty().set("");
      }
    });
    freed.noticeProperty().addListener((obs, old, now) -> {
      if (!now.isEmpty()) {
        vm.noticeProperty().set("");
      }
    });

    // the area's banner speaks for the day's stream; this one for the wait list's own
    Banner live = LiveStatusBanner.of(vm.feedStatusProperty(), i18n, "waitList.live.reconnecting",
        "waitList.live.resynced");
    live.setId("waitListLiveStatus");

    ListView<WaitListRow> list = new ListView<>(vm.rows());
    list.setId("waitList");
    Label placeholder = new Label(i18n.get("waitList.empty"));
    placeholder.getStyleClass().add("hint");
    placeholder.setWrapText(true);
    list.setPlaceholder(placeholder);
    list.setCellFactory(view -> new RowCell());
    list.setPrefHeight(170);
    list.setMinHeight(110); // an entry stays readable when cards and today's lists need the room
    VBox.setVgrow(list, Priority.ALWAYS);
    getChildren().addAll(cards, freedError, freedNotice, title, live, error, notice, list, add);
  }

  private static Label hint(String text) {
    Label label = new Label(text);
    label.getStyleClass().add("hint");
    label.setMinWidth(0);
    return label;
  }

  private final class RowCell extends ListCell<WaitListRow> {
    @Override
    protected void updateItem(WaitListRow row, boolean empty) {
      super.updateItem(row, empty);
      setText(null);
      setPrefWidth(0); // as wide as the list, never wider: long names are cut, not scrolled
      if (empty || row == null) {
        setGraphic(null);
        setTooltip(null);
        return;
      }
      // the name gets the whole width; Remove sits on the line below, as Check in does in today's lists
      Label patient = new Label(row.entry().getPatientName());
      patient.getStyleClass().add("queue-patient");
      patient.setMinWidth(0);
      Label target = new Label(row.target());
      target.setMinWidth(0);
      target.setMaxWidth(Double.MAX_VALUE);
      HBox.setHgrow(target, Priority.ALWAYS);
      Button remove = new Button(i18n.get("waitList.remove"));
      remove.setId("waitListRemove-" + row.entry().getId());
      remove.getStyleClass().addAll(Styles.SMALL, Styles.FLAT);
      remove.setMinWidth(Region.USE_PREF_SIZE);
      remove.setOnAction(e -> vm.remove(row));
      HBox second = new HBox(6, target, remove);
      second.setAlignment(Pos.CENTER_LEFT);
      VBox line = new VBox(1, patient, second, hint(row.entry().getPatientMrn() + " \u00b7 " + row.since()),
          hint(row.days() + " \u00b7 " + row.visitType()));
      String reason = row.entry().getReason();
      if (!reason.isBlank()) {
        Label why = hint(reason);
        why.getStyleClass().add("wait-list-reason");
        line.getChildren().add(why);
      }
      setGraphic(line);
      setTooltip(new Tooltip(row.entry().getPatientName() + "\n" + row.target() + " \u00b7 " + row.visitType()
          + "\n" + row.days() + " \u00b7 " + row.since() + (reason.isBlank() ? "" : "\n" + reason)));
    }
  }
}
