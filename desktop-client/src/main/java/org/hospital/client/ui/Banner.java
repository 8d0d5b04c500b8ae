package org.hospital.client.ui;

import javafx.beans.value.ObservableStringValue;
import javafx.scene.control.Label;

/** A one-line message strip (notice, warning or error) that takes no space while it is empty. */
public final class Banner extends Label {

  public enum Kind { SUCCESS, WARNING, DANGER }

  public Banner(Kind kind, ObservableStringValue text) {
    this(kind);
    textProperty().bind(text);
  }

  public static Banner fixed(Kind kind, String text) {
    Banner banner = new Banner(kind);
    banner.setText(text);
    return banner;
  }

  public Banner(Kind kind) {
    getStyleClass().addAll("banner", "banner-" + kind.name().toLowerCase(java.util.Locale.ROOT));
    setWrapText(true);
    setMaxWidth(Double.MAX_VALUE);
    // as tall as its wrapped text needs: a squeezed layout must not cut the message short
    setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
    visibleProperty().bind(textProperty().isNotEmpty());
    managedProperty().bind(visibleProperty());
  }
}
