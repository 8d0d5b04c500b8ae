package org.hospital.client.shell;

import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.hospital.client.i18n.I18n;

/** Stands in for an area that has no screens yet; it does nothing and says so. */
public final class ComingSoonView extends VBox {

  public ComingSoonView(String areaName, I18n i18n) {
    Label title = new Label(areaName);
    title.getStyleClass().add("screen-title");
    Label text = new Label(i18n.get("area.comingSoon"));
    text.getStyleClass().add("placeholder-text");
    text.setWrapText(true);
    getChildren().addAll(title, text);
    getStyleClass().add("area");
    setAlignment(Pos.TOP_LEFT);
  }
}
