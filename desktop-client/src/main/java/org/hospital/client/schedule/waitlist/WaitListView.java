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
    Region gap = new Region();
    HBox.setHgrow(gap, Priority.ALWAYS);
    Button add = new Button(i18n.get("waitList.add"));
    add.setId("waitListAdd");
    add.getStyleClass().add(Styles.SMALL);
    add.setMinWidth(Region.USE_PREF_SIZE);
    add.setTooltip(new Tooltip(i18n.get("waitList.addTooltip")));
    add.setOnAction(e -> vm.add());
    HBox heading = new HBox(6, title, gap, add);
    heading.setAlignment(Pos.CENTER_LEFT);

    Banner error = new Banner(Banner.Kind.DANGER, vm.errorMessageProperty());
    error.setId("waitListError");
    Banner notice = new Banner(Banner.Kind.SUCCESS, vm.noticeProperty());
    notice.setId("waitListNotice");

    ListView<WaitListRow> list = new ListView<>(vm.rows());
    list.setId("waitList");
    Label placeholder = new Label(i18n.get("waitList.empty"));
    placeholder.getStyleClass().add("hint");
    placeholder.setWrapText(true);
    list.setPlaceholder(placeholder);
    list.setCellFactory(view -> new RowCell());
    list.setPrefHeight(170);
    VBox.setVgrow(list, Priority.ALWAYS);
    getChildren().addAll(cards, freedError, freedNotice, heading, error, notice, list);
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
      Label patient = new Label(row.entry().getPatientName());
      patient.getStyleClass().add("queue-patient");
      patient.setMinWidth(0);
      Label who = new Label(row.entry().getPatientMrn() + " \u00b7 " + row.target());
      who.getStyleClass().add("hint");
      who.setMinWidth(0);
      Label when = new Label(row.days() + " \u00b7 " + row.visitType());
      when.getStyleClass().add("hint");
      when.setMinWidth(0);
      String reason = row.entry().getReason().isBlank() ? "" : " \u00b7 " + row.entry().getReason();
      Label since = new Label(row.since() + reason);
      since.getStyleClass().add("hint");
      since.setMinWidth(0);
      VBox text = new VBox(1, patient, who, when, since);
      text.setMinWidth(0);
      HBox.setHgrow(text, Priority.ALWAYS);
      Button remove = new Button(i18n.get("waitList.remove"));
      remove.setId("waitListRemove-" + row.entry().getId());
      remove.getStyleClass().addAll(Styles.SMALL, Styles.FLAT);
      remove.setMinWidth(Region.USE_PREF_SIZE);
      remove.setOnAction(e -> vm.remove(row));
      HBox line = new HBox(6, text, remove);
      line.setAlignment(Pos.CENTER_LEFT);
      setGraphic(line);
      setTooltip(new Tooltip(row.entry().getPatientName() + "\n" + row.target() + " \u00b7 " + row.visitType()
          + "\n" + row.days() + "\n" + row.since() + reason));
    }
  }
}
