package org.hospital.client.app;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;

/**
 * The workstation's machine-wide settings: which server, which CA to trust, the language, written once by
 * the installer or by IT (so that nobody types a server address at a ward PC). The command line may override
 * them unless the file says {@code locked=true}, which is how IT keeps a workstation pointed at its server.
 *
 * <p>Where the file is: the system property {@code hospital.workstation.config} if set, else
 * {@code /etc/hospital/workstation.properties} on Linux, {@code %ProgramData%\Hospital\workstation.properties}
 * on Windows and {@code /Library/Application Support/Hospital/workstation.properties} on macOS. A missing
 * file means built-in defaults.
 */
public record MachineSettings(Path file, Properties values) {

  public static final String LOCATION_PROPERTY = "hospital.workstation.config";

  public static MachineSettings none() {
    return new MachineSettings(null, new Properties());
  }

  /** @throws IllegalArgumentException when the file exists but cannot be read */
  public static MachineSettings load() {
    return load(location());
  }

  static MachineSettings load(Path file) {
    if (file == null || !Files.isRegularFile(file)) {
      return none();
    }
    Properties values = new Properties();
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      values.load(in);
    } catch (IOException | IllegalArgumentException e) {
      throw new IllegalArgumentException("Cannot read the workstation settings " + file + ": " + e.getMessage());
    }
    return new MachineSettings(file, values);
  }

  static Path location() {
    String set = System.getProperty(LOCATION_PROPERTY);
    if (set != null && !set.isBlank()) {
      return Path.of(set);
    }
    String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
    if (os.startsWith("windows")) {
      String programData = System.getenv().getOrDefault("ProgramData", "C:\\ProgramData");
      return Path.of(programData, "Hospital", "workstation.properties");
    }
    if (os.startsWith("mac")) {
      return Path.of("/Library/Application Support/Hospital/workstation.properties");
    }
    return Path.of("/etc/hospital/workstation.properties");
  }

  public Optional<String> get(String key) {
    return Optional.ofNullable(values.getProperty(key)).map(String::strip).filter(v -> !v.isEmpty());
  }

  public boolean locked() {
    return get("locked").map(Boolean::parseBoolean).orElse(false);
  }

  /** Says where a setting came from, for error messages. */
  public String describe() {
    return file == null ? "the built-in defaults" : file.toString();
  }
}
