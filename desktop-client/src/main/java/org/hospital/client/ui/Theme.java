package org.hospital.client.ui;

import atlantafx.base.theme.PrimerLight;
import java.util.List;
import java.util.Objects;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.DialogPane;

/** AtlantaFX PrimerLight plus the client's own sheets; dialogs get the same look as the main window. */
public final class Theme {

  private final List<String> stylesheets = List.of(
      resource("modena-bridge.css"),
      resource("client.css"));

  /** Sets the application-wide user agent stylesheet; call once, on the FX thread. */
  public void installUserAgentStylesheet() {
    Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
  }

  public void apply(Scene scene) {
    scene.getStylesheets().setAll(stylesheets);
  }

  public void apply(DialogPane pane) {
    pane.getStylesheets().setAll(stylesheets);
  }

  private static String resource(String name) {
    return Objects.requireNonNull(Theme.class.getResource(name), name).toExternalForm();
  }
}
