package org.hospital.client.ward;

import java.time.Clock;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.hospital.client.i18n.I18n;
import org.hospital.proto.wards.v1.BedState;
import org.hospital.proto.wards.v1.BedTile;

/**
 * One bed on the board, large enough to read across a room: the bed's label, the patient and days in, and the
 * NEWS2 badge in its escalation's colour; free, cleaning, blocked and reserved beds each look different.
 */
final class BedTileView extends VBox {

  static final double WIDTH = 132;
  static final double HEIGHT = 118;

  BedTileView(BedTile tile, boolean selected, I18n i18n, Clock clock) {
    setId("bedTile-" + tile.getBed().getLabel());
    getStyleClass().addAll("bed-tile", BedTileText.stateStyle(tile.getBed().getState()));
    if (selected) {
      getStyleClass().add("bed-selected");
    }
    setPrefSize(WIDTH, HEIGHT);
    setMinSize(WIDTH, HEIGHT);
    setMaxSize(WIDTH, HEIGHT);
    Label label = new Label(tile.getBed().getLabel());
    label.getStyleClass().add("bed-label");
    getChildren().add(label);
    if (tile.hasOccupant()) {
      Label name = new Label(tile.getOccupant().getDisplayName());
      name.getStyleClass().add("bed-patient");
      name.setMaxWidth(WIDTH - 16);
      name.setWrapText(true); // long double-barrelled names on two lines rather than cut off
      name.setMinHeight(Region.USE_PREF_SIZE);
      Label days = new Label(i18n.format("ward.daysIn", BedTileText.daysIn(tile, clock)));
      days.getStyleClass().add("bed-days");
      getChildren().addAll(name, days);
      if (tile.getOccupant().hasLatestNews2()) {
        var n = tile.getOccupant().getLatestNews2();
        Label badge = new Label(i18n.format("ward.news2.badge", n.getTotal()));
        badge.setId("news2-" + tile.getBed().getLabel());
        badge.getStyleClass().addAll("news2-badge", BedTileText.escalationStyle(n.getEscalation()));
        getChildren().add(badge);
      }
    } else {
      Label state = new Label(i18n.dynamic("ward.state.", tile.getBed().getState().name()));
      state.getStyleClass().add("bed-state");
      getChildren().add(state);
      if (tile.getBed().getState() != BedState.FREE && !tile.getBed().getNote().isEmpty()) {
        Label note = new Label(tile.getBed().getNote());
        note.getStyleClass().add("bed-note");
        note.setMaxWidth(WIDTH - 16);
        note.setWrapText(true);
        getChildren().add(note);
      }
    }
  }
}
