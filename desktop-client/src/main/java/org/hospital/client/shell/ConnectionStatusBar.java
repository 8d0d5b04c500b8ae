package org.hospital.client.shell;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.shape.Circle;
import org.hospital.client.connection.ConnectionState;
import org.hospital.client.i18n.I18n;

/** The strip at the bottom of the window: is the server there, and which one. */
final class ConnectionStatusBar extends HBox {

  private final Circle dot = new Circle(5);
  private final Label text = new Label();
  private final I18n i18n;

  ConnectionStatusBar(ReadOnlyObjectProperty<ConnectionState> state, String serverText, I18n i18n) {
    this.i18n = i18n;
    getStyleClass().add("status-bar");
    text.setId("connectionState");
    Label server = new Label(serverText);
    server.getStyleClass().add("hint");
    Region spacer = new Region();
    HBox.setHgrow(spacer, Priority.ALWAYS);
    getChildren().addAll(dot, text, spacer, server);
    show(state.get());
    state.addListener((obs, old, now) -> show(now));
  }

  private void show(ConnectionState state) {
    text.setText(i18n.dynamic("connection.", state.name()));
    dot.getStyleClass().setAll("status-dot-" + state.name().toLowerCase(java.util.Locale.ROOT));
  }
}
