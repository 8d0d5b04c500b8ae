package org.hospital.server;

import java.io.Console;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
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
      for (String a : args) {
        if (a.equals("--password") || a.startsWith("--password=")) {
          throw new ConfigException("--password is not accepted: it would stay in the shell history. Type the"
              + " password when asked, or give --password-file FILE");
        }
      }
      CommandOptions o = CommandOptions.take(args, Set.of("--username", "--display-name", "--password-file"));
      String username = o.required("--username", "create-admin");
      return new Options(o.rest(), username, o.get("--display-name").orElse(username),
          o.get("--password-file").map(Path::of).orElse(null));
    }
  }

  private CreateAdminCommand() {}

  /** Exit code: 0 created, 2 no password could be read, 4 refused (the reasons are printed). */
  static int run(ServerConfig config, Options o, Console console, PrintStream out) {
    char[] password;
    try {
      password = PasswordInput.read(o.passwordFile(), console, "Password for the new administrator", true);
    } catch (IllegalStateException e) {
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
}
