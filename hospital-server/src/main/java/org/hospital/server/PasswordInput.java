package org.hospital.server;

import java.io.Console;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * A password for a command: typed at the terminal, or the first line of a file (for scripts and timers); never
 * an argument, which would stay in the shell's history and the process list.
 */
final class PasswordInput {

  private PasswordInput() {}

  /** @throws IllegalStateException with what went wrong, for the command to print */
  static char[] read(Path file, Console console, String prompt, boolean twice) {
    if (file != null) {
      try {
        String first = Files.readString(file, StandardCharsets.UTF_8).lines().findFirst().orElse("");
        if (first.isEmpty()) {
          throw new IllegalStateException(file + " is empty");
        }
        return first.toCharArray();
      } catch (IOException e) {
        throw new IllegalStateException("cannot read " + file + ": " + e.getMessage());
      }
    }
    if (console == null) {
      throw new IllegalStateException("no terminal to type it on; give --password-file FILE");
    }
    char[] first = console.readPassword("%s: ", prompt);
    if (twice) {
      char[] again = console.readPassword("The same password again: ");
      boolean same = first != null && Arrays.equals(first, again);
      if (again != null) {
        Arrays.fill(again, '\0');
      }
      if (!same) {
        throw new IllegalStateException("the two passwords differ");
      }
    }
    if (first == null || first.length == 0) {
      throw new IllegalStateException("no password typed");
    }
    return first;
  }
}
