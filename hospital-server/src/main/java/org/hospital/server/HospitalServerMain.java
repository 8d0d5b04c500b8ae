package org.hospital.server;

import java.time.Clock;
import java.util.Arrays;
import java.util.logging.Logger;
import org.hospital.server.audit.AuditChainVerifier;
import org.hospital.server.config.ConfigException;
import org.hospital.server.config.ConfigLoader;
import org.hospital.server.config.ServerConfig;
import org.hospital.server.persistence.Database;

/**
 * Command line: {@code serve} (the default) runs the server; {@code verify-audit} checks the audit chain and
 * exits 0 when intact, 3 when tampered with. Options as in {@link ConfigLoader}.
 */
public final class HospitalServerMain {

  private static final Logger LOG = Logger.getLogger(HospitalServerMain.class.getName());

  private HospitalServerMain() {}

  public static void main(String[] args) throws InterruptedException {
    String command = args.length > 0 && !args[0].startsWith("--") ? args[0] : "serve";
    String[] options = command.equals("serve") && (args.length == 0 || args[0].startsWith("--")) ? args
        : Arrays.copyOfRange(args, 1, args.length);
    ServerConfig config;
    try {
      config = ConfigLoader.load(options, System.getenv());
    } catch (ConfigException e) {
      System.err.println("Configuration error: " + e.getMessage());
      System.exit(2);
      return;
    }
    switch (command) {
      case "serve" -> serve(config);
      case "verify-audit" -> System.exit(verifyAudit(config));
      case "help", "--help" -> usage();
      default -> {
        System.err.println("Unknown command '" + command + "'");
        usage();
        System.exit(2);
      }
    }
  }

  private static void serve(ServerConfig config) throws InterruptedException {
    HospitalServer server = HospitalServer.start(config, Clock.systemUTC());
    Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().unstarted(() -> {
      LOG.info("Shutting down");
      server.close();
    }));
    LOG.info("Hospital server listening on " + config.bindAddress() + ":" + server.port()
        + (config.plaintext() ? " WITHOUT TLS" : " with TLS") + "; database " + redact(config.jdbcUrl()));
    server.caCertificate().ifPresent(ca -> LOG.info("Workstations must trust the CA certificate " + ca));
    System.out.println("READY port=" + server.port());
    server.awaitTermination();
  }

  /** Exit code 0 when the chain is intact, 3 when it is not. */
  static int verifyAudit(ServerConfig config) {
    try (Database db = Database.open(config.jdbcUrl(), config.dbUser(), config.dbPassword(), 2)) {
      AuditChainVerifier.Result r = new AuditChainVerifier(db.dataSource()).verify();
      if (r.intact()) {
        System.out.println("Audit log intact: " + r.entriesChecked() + " entries verified.");
        return 0;
      }
      System.out.println("Audit log TAMPERED: entry " + r.firstBrokenSequence() + " does not match its hash chain ("
          + r.entriesChecked() + " entries before it are intact).");
      return 3;
    }
  }

  private static String redact(String jdbcUrl) {
    return jdbcUrl.replaceAll("(?i)(password=)[^;&]*", "$1***");
  }

  private static void usage() {
    System.out.println("""
        Usage: hospital-server [serve|verify-audit] [--option=value ...]
        Options (also HOSPITAL_<OPTION> environment variables, or a server.properties file):
          --config FILE            properties file (default: <data.dir>/server.properties if present)
          --data.dir DIR           data directory: database, TLS certificates (default: data)
          --port N                 gRPC port (default 9443); --bind ADDRESS (default 0.0.0.0)
          --db.url URL             JDBC URL (default: H2 file database in <data.dir>/db)
          --db.user, --db.password database credentials
          --session.idle.timeout   e.g. 15m; --lockout.threshold N; --lockout.duration 15m
          --demo.data              create demo staff and patients in an empty database
          --plaintext              no TLS (loudly logged; never in production)
        """);
  }
}
