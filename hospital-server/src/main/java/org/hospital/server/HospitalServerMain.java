package org.hospital.server;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.logging.Logger;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.hospital.server.audit.AuditChainVerifier;
import org.hospital.server.audit.CheckpointKeys;
import org.hospital.server.audit.CheckpointLog;
import org.hospital.server.audit.CheckpointVerifier;
import org.hospital.server.config.ConfigException;
import org.hospital.server.config.ConfigLoader;
import org.hospital.server.config.ServerConfig;
import org.hospital.server.operations.RestoreCommand;
import org.hospital.server.persistence.Database;

/**
 * Command line: {@code serve} (the default) runs the server (exit 5 when it refuses to: demo accounts with the
 * published password outside demo mode); {@code verify-audit} checks the audit chain and its signed checkpoints
 * and exits 0 when intact, 3 when tampered with; {@code create-admin} makes an administrator
 * ({@link CreateAdminCommand}); {@code backup} asks the running server for a backup ({@link BackupCommand});
 * {@code restore} puts one back ({@link RestoreCommand}). Options as in {@link ConfigLoader}, and for {@code verify-audit} also
 * {@code --checkpoints FILE} and {@code --public-key FILE} (a copy kept elsewhere).
 */
public final class HospitalServerMain {

  private static final Logger LOG = Logger.getLogger(HospitalServerMain.class.getName());

  private HospitalServerMain() {}

  public static void main(String[] args) throws InterruptedException {
    String command = args.length > 0 && !args[0].startsWith("--") ? args[0] : "serve";
    String[] options = command.equals("serve") && (args.length == 0 || args[0].startsWith("--")) ? args
        : Arrays.copyOfRange(args, 1, args.length);
    ServerConfig config;
    VerifyOptions verify = new VerifyOptions(options, null, null);
    CreateAdminCommand.Options admin = null;
    BackupCommand.Options backup = null;
    HealthCommand.Options health = null;
    Path restoreFrom = null;
    try {
      String[] rest = options;
      switch (command) {
        case "verify-audit" -> {
          verify = VerifyOptions.take(options);
          rest = verify.rest();
        }
        case "create-admin" -> {
          admin = CreateAdminCommand.Options.take(options);
          rest = admin.rest();
        }
        case "backup" -> {
          backup = BackupCommand.Options.take(options);
          rest = backup.rest();
        }
        case "health" -> {
          health = HealthCommand.Options.take(options);
          rest = health.rest();
        }
        case "restore" -> {
          CommandOptions o = CommandOptions.take(options, java.util.Set.of("--from"));
          restoreFrom = Path.of(o.required("--from", "restore"));
          rest = o.rest();
        }
        default -> { }
      }
      config = ConfigLoader.load(rest, System.getenv());
    } catch (ConfigException e) {
      System.err.println("Configuration error: " + e.getMessage());
      System.exit(2);
      return;
    }
    switch (command) {
      case "serve" -> serve(config);
      case "verify-audit" -> System.exit(verifyAudit(config, verify.checkpoints(), verify.publicKey()));
      case "create-admin" -> System.exit(CreateAdminCommand.run(config, admin, System.console(), System.out));
      case "backup" -> System.exit(BackupCommand.run(config, backup, System.console(), System.out));
      case "restore" -> System.exit(RestoreCommand.run(config, restoreFrom, System.out));
      case "health" -> System.exit(HealthCommand.run(config, health, System.out));
      case "help", "--help" -> usage();
      default -> {
        System.err.println("Unknown command '" + command + "'");
        usage();
        System.exit(2);
      }
    }
  }

  private static void serve(ServerConfig config) throws InterruptedException {
    HospitalServer server;
    try {
      server = HospitalServer.start(config, Clock.systemUTC());
    } catch (HospitalServer.DemoAccountsPresent e) {
      System.err.println("Not starting: " + e.getMessage());
      System.exit(5);
      return;
    }
    Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().unstarted(() -> {
      // straight to the standard error (the journal): the logging system's own shutdown hook runs beside this
      // one and may already have closed its handlers
      System.err.println("Shutting down");
      server.close();
    }));
    LOG.info("Hospital server listening on " + config.bindAddress() + ":" + server.port()
        + (config.plaintext() ? " WITHOUT TLS" : " with TLS") + "; database " + redact(config.jdbcUrl()));
    server.caCertificate().ifPresent(ca -> LOG.info("Workstations must trust the CA certificate " + ca));
    System.out.println("READY port=" + server.port());
    server.awaitTermination();
  }

  /** The two options only {@code verify-audit} knows, taken out before the rest goes to {@link ConfigLoader}. */
  record VerifyOptions(String[] rest, Path checkpoints, Path publicKey) {
    static VerifyOptions take(String[] args) {
      List<String> rest = new ArrayList<>();
      Path checkpoints = null;
      Path publicKey = null;
      for (int i = 0; i < args.length; i++) {
        String a = args[i];
        String name = a.contains("=") ? a.substring(0, a.indexOf('=')) : a;
        if (!name.equals("--checkpoints") && !name.equals("--public-key")) {
          rest.add(a);
          continue;
        }
        String value = a.contains("=") ? a.substring(a.indexOf('=') + 1) : i + 1 < args.length ? args[++i] : null;
        if (value == null || value.isBlank()) {
          throw new ConfigException("Option " + name + " needs a file");
        }
        if (name.equals("--checkpoints")) {
          checkpoints = Path.of(value);
        } else {
          publicKey = Path.of(value);
        }
      }
      return new VerifyOptions(rest.toArray(String[]::new), checkpoints, publicKey);
    }
  }

  static int verifyAudit(ServerConfig config) {
    return verifyAudit(config, null, null);
  }

  /**
   * Exit code 0 when the chain is intact and matches every checkpoint, 3 when it is not. The checkpoint file and
   * public key default to those in {@code <data.dir>/audit/}; pass copies kept on another machine to trust
   * nothing on this one but the database being checked.
   */
  static int verifyAudit(ServerConfig config, Path checkpointsFile, Path publicKeyFile) {
    Path checkpoints = checkpointsFile != null ? checkpointsFile : config.auditDir().resolve(CheckpointLog.FILE);
    Path publicKey = publicKeyFile != null ? publicKeyFile
        : config.auditDir().resolve(CheckpointKeys.PUBLIC_KEY_FILE);
    try (Database db = Database.open(config.jdbcUrl(), config.dbUser(), config.dbPassword(), 2)) {
      AuditChainVerifier.Result r = new AuditChainVerifier(db.dataSource()).verify();
      boolean intact = r.intact();
      if (!intact) {
        System.out.println("Audit log TAMPERED: entry " + r.firstBrokenSequence() + " does not match its hash"
            + " chain (" + r.entriesChecked() + " entries before it are intact).");
      }
      Ed25519PublicKeyParameters key;
      try {
        key = CheckpointKeys.readPublic(publicKey);
      } catch (IOException e) {
        System.out.println("Audit log NOT VERIFIED: cannot read the checkpoint public key " + publicKey + ": "
            + e.getMessage());
        return 3;
      }
      CheckpointVerifier.Result c = new CheckpointVerifier(db.dataSource()).verify(new CheckpointLog(checkpoints),
          key);
      c.warnings().forEach(w -> System.out.println("WARNING: " + w));
      c.problems().forEach(p -> System.out.println("Audit log TAMPERED: " + p));
      if (!intact || !c.intact()) {
        return 3;
      }
      System.out.println("Audit log intact: " + r.entriesChecked() + " entries verified against "
          + c.checkpointsChecked() + " signed checkpoints in " + checkpoints + ".");
      return 0;
    }
  }

  private static String redact(String jdbcUrl) {
    return jdbcUrl.replaceAll("(?i)(password=)[^;&]*", "$1***");
  }

  private static void usage() {
    System.out.println("""
        Usage: hospital-server [serve|verify-audit|create-admin|backup|restore|health] [--option=value ...]
        Options (also HOSPITAL_<OPTION> environment variables, or a server.properties file):
          --config FILE            properties file (default: <data.dir>/server.properties if present)
          --data.dir DIR           data directory: database, TLS certificates (default: data)
          --port N                 gRPC port (default 9443); --bind ADDRESS (default 0.0.0.0)
          --db.url URL             JDBC URL (default: H2 file database in <data.dir>/db)
          --db.user, --db.password database credentials
          --session.idle.timeout   e.g. 15m
          --login.throttle.name.free N, --login.throttle.name.daily.cap N        failures of one name
                                   at one address before delays begin (3), and a day at most (20)
          --login.throttle.address.free N, --login.throttle.address.daily.cap N  all names from one
                                   address (10, 100); --login.throttle.max.delay (5m)
          --demo.data              create demo staff and patients in an empty database
          --plaintext              no TLS (loudly logged; never in production)
          --audit.checkpoint.interval  how often to sign the audit chain head (default 1m)
          --metrics.enabled        serve Prometheus metrics (plain HTTP) at /metrics (default false)
          --metrics.bind, --metrics.port  where (default 127.0.0.1 and 9464)
          --session.retention.days N  delete sessions N days after they ended (default 90)
          --backup.keep N          after a backup, keep the N newest backups (default 14)
        create-admin --username NAME [--display-name "Full Name"] [--password-file FILE]
          makes an administrator (run it with the server stopped on H2); the password is typed twice
          at the terminal, or read from the first line of FILE; never given as an argument
        backup --username ADMIN [--password-file FILE] [--server HOST:PORT] [--ca FILE]
          asks the running server for an online backup in <data.dir>/backups/ (database, audit
          checkpoints, TLS material, manifest with the audit chain head); see docs/operations.md
        restore --from BACKUP_DIR   with the server stopped, into an empty data directory / database;
          refuses a damaged backup or a non-empty target, then verifies the audit chain and counts
        health [--server HOST:PORT] [--ca FILE]   exit 0 when the server answers SERVING over TLS
        A server started without --demo.data refuses to serve while a demo account still opens with the
          published demo password.
        verify-audit also takes --checkpoints FILE and --public-key FILE: copies kept off this machine
          (default: <data.dir>/audit/checkpoints.log and checkpoint-signing.pub)
        """);
  }
}
