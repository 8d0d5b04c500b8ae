package org.hospital.client;

import java.util.List;
import java.util.Locale;
import javafx.application.Application;
import org.hospital.client.app.LaunchOptions;
import org.hospital.client.i18n.Language;

/**
 * Entry point. A class extending Application cannot be the main class when JavaFX is on the class path, so
 * this plain class checks the arguments and then starts {@link HospitalClientApp}.
 */
public final class ClientLauncher {

  private ClientLauncher() {
  }

  public static void main(String[] args) {
    try {
      LaunchOptions.parse(List.of(args), systemLanguage());
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.err.print(LaunchOptions.USAGE);
      System.exit(2);
    }
    Application.launch(HospitalClientApp.class, args);
  }

  static Language systemLanguage() {
    return Language.fromCode(Locale.getDefault().getLanguage()).orElse(Language.ENGLISH);
  }
}
