package org.hospital.client;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.hospital.client.app.CompositionRoot;
import org.hospital.client.app.LaunchOptions;

/** The JavaFX application: hands everything to the composition root. */
public final class HospitalClientApp extends Application {

  private CompositionRoot root;

  @Override
  public void start(Stage stage) {
    LaunchOptions options = LaunchOptions.parse(getParameters().getRaw(), ClientLauncher.systemLanguage());
    root = new CompositionRoot(options, Platform::runLater,
        file -> getHostServices().showDocument(file.toUri().toString()));
    root.start(stage, 1200, 800);
  }

  @Override
  public void stop() {
    if (root != null) {
      root.close();
    }
  }
}
