package org.hospital.client.shell;

import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.shape.Circle;
import javafx.util.Duration;
import org.hospital.client.connection.ConnectionState;
import org.hospital.client.i18n.I18n;

/**
 * The strip at the bottom of the window: is the server there, and which one. While the server cannot be
 * reached it counts the time since the link was lost, so that a user can tell a blip from an outage.
 */
final class ConnectionStatusBar extends HBox {

  private final Circle dot = new Circle(5);
  private final Label text = new Label();
  private final I18n i18n;
  private final Timeline ticking = new Timeline(new KeyFrame(Duration.seconds(1), e -> showLost()));
  private long lostAt;

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
    dot.getStyleClass().setAll("status-dot-" + state.name().toLowerCase(java.util.Locale.ROOT));
    if (state == ConnectionState.UNAVAILABLE) {
      if (ticking.getStatus() != Animation.Status.RUNNING) {
        lostAt = System.nanoTime();
        ticking.setCycleCount(Animation.INDEFINITE);
        ticking.play();
      }
      showLost();
      return;
    }
    ticking.stop();
    text.setText(i18n.dynamic("connection.", state.name()));
  }

  private void showLost() {
    text.setText(i18n.format("connection.lostFor", elapsed((System.nanoTime() - lostAt) / 1_000_000_000L)));
  }

  /** "0:07", "12:40", "1:02:05". */
  static String elapsed(long seconds) {
    long h = seconds / 3600;
    long m = seconds / 60 % 60;
    long s = seconds % 60;
    return h > 0 ? String.format("%d:%02d:%02d", h, m, s) : String.format("%d:%02d", m, s);
  }
}
