package org.hospital.client.reports;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * Where printed forms go on this workstation: saved into a folder (so that the list survives a crash or a
 * network outage, which is when a printed day list matters most) and then opened in the system's PDF viewer,
 * which prints.
 */
public final class Printouts {

  private final Path folder;
  private final Consumer<Path> opener;

  public Printouts(Path folder, Consumer<Path> opener) {
    this.folder = folder;
    this.opener = opener;
  }

  /**
   * The folder named by the {@code hospital.printouts} system property, else "Hospital printouts" in the
   * user's home.
   */
  public static Path defaultFolder() {
    String configured = System.getProperty("hospital.printouts", "");
    return configured.isBlank() ? Path.of(System.getProperty("user.home"), "Hospital printouts")
        : Path.of(configured);
  }

  /** Writes the document (replacing an earlier copy of the same name) and returns where it is. Blocking. */
  public Path save(String fileName, byte[] content) throws IOException {
    Files.createDirectories(folder);
    // the server names the file; keep only its last part so that it cannot point elsewhere
    Path file = folder.resolve(Path.of(fileName).getFileName().toString());
    Files.write(file, content);
    return file;
  }

  /** Shows a saved document in the system's viewer; on the FX thread, where host services belong. */
  public void open(Path file) {
    opener.accept(file);
  }
}
