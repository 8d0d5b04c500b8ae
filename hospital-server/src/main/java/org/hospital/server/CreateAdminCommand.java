package org.hospital.server;

import java.io.Console;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.hospital.server.audit.AuditAction;
import org.hospital.server.audit.AuditEvent;
import org.hospital.server.audit.AuditOutcome;
import org.hospital.server.audit.DatabaseAuditTrail;
import org.hospital.server.config.ConfigException;
import org.hospital.server.config.ServerConfig;
import org.hospital.server.errors.DomainException;
import org.hospital.server.persistence.Database;
import org.hospital.server.security.Role;
import org.hospital.server.security.SecurityModule;

/**
 * {@code create-admin}: makes an administrator account on the server's database, so that a production
 * installation (which starts with no accounts at all) can be signed in to. The password is read from the
 * terminal, twice, or from the first line of a file (for automated installs); never from an argument, which
 * would stay in the shell's history and the process list. Audited as done from the command line.
 */
final class CreateAdminCommand {

  /** The options only this command knows, taken out before the rest goes to the configuration. */
  record Options(String[] rest, String username, String displayName, Path passwordFile) {

    static Options take(String[] args) {
      List<String> rest = new ArrayList<>();
      String username = null;
      String displayName = null;
      Path passwordFile = null;
      for (int i = 0; i < args.length; i++) {
        String a = args[i];
        String name = a.contains("=") ? a.substring(0, a.indexOf('=')) : a;
        if (name.equals("--password")) {
          throw new ConfigException("--password is not accepted: it would stay in the shell history. Type the"
              + " password when asked, or give --password-file FILE");
        }
        if (!List.of("--username", "--display-name", "--password-file").contains(name)) {
          rest.add(a);
          continue;
        }
        String value = a.contains("=") ? a.substring(a.indexOf('=') + 1) : i + 1 < args.length ? args[++i] : null;
        if (value == null || value.isBlank()) {
          throw new ConfigException("Option " + name + " needs a value");
        }
        switch (name) {
          case "--username" -> username = value;
          case "--display-name" -> displayName = value;
          default -> passwordFile = Path.of(value);
        }
      }
      if (username == null) {
        throw new ConfigException("create-admin needs --username NAME");
      }
      return new Options(rest.toArray(String[]::new), username,
          displayName == null ? username : displayName, passwordFile);
    }
  }

  private CreateAdminCommand() {}

  /** Exit code: 0 created, 2 no password could be read, 4 refused (the reasons are printed). */
  static int run(ServerConfig config, Options o, Console console, PrintStream out) {
    char[] password;
    try {
      password = o.passwordFile() != null ? firstLine(o.passwordFile()) : typed(console, out);
    } catch (IOException | IllegalStateException e) {
      out.println("No password: " + e.getMessage());
      return 2;
    }
    try (Database db = Database.open(config.jdbcUrl(), config.dbUser(), config.dbPassword(), 2);
        DatabaseAuditTrail audit = new DatabaseAuditTrail(db, Clock.systemUTC())) {
      SecurityModule security = new SecurityModule(db, audit, config, Clock.systemUTC());
      security.staffAccounts().create(o.username(), o.displayName(), new String(password), Set.of(Role.ADMIN));
      audit.record(new AuditEvent("command line", "", AuditAction.STAFF_ACCOUNT_CREATED, AuditEvent.NO_PATIENT,
          "username=" + o.username() + " roles=ADMIN via create-admin", "create-admin", AuditOutcome.SUCCESS));
      out.println("Administrator " + o.username() + " created.");
      return 0;
    } catch (DomainException e) {
      out.println("Not created (" + e.reason() + "): " + e.violations().stream()
          .map(v -> v.field() + " " + v.code()).collect(Collectors.joining(", ")));
      return 4;
    } finally {
      Arrays.fill(password, '\0');
    }
  }

  private static char[] firstLine(Path file) throws IOException {
    String text = Files.readString(file, StandardCharsets.UTF_8);
    String first = text.lines().findFirst().orElse("");
    if (first.isEmpty()) {
      throw new IllegalStateException(file + " is empty");
    }
    return first.toCharArray();
  }

  private static char[] typed(Console console, PrintStream out) {
    if (console == null) {
      throw new IllegalStateException("no terminal to type it on; give --password-file FILE");
    }
    char[] first = console.readPassword("Password for the new administrator: ");
    char[] again = console.readPassword("The same password again: ");
    if (first == null || again == null || !Arrays.equals(first, again)) {
      throw new IllegalStateException("the two passwords differ");
    }
    Arrays.fill(again, '\0');
    return first;
  }
}
