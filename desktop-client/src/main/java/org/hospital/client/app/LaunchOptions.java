package org.hospital.client.app;

import java.nio.file.Path;
import java.util.List;
import org.hospital.client.connection.ChannelSecurity;
import org.hospital.client.connection.ServerAddress;
import org.hospital.client.i18n.Language;

/** The command line of the client. */
public record LaunchOptions(ServerAddress server, Path caCertificate, Language language, boolean plaintext,
    boolean serverLocked) {

  public LaunchOptions(ServerAddress server, Path caCertificate, Language language, boolean plaintext) {
    this(server, caCertificate, language, plaintext, false);
  }

  public static final String USAGE = """
      Usage: hospital-client [--server host:port] [--ca path/to/ca.pem] [--lang en|es] [--plaintext]
        Defaults come from the machine's workstation.properties (server=, ca=, lang=; locked=true forbids
        --server, --ca and --plaintext), on Linux /etc/hospital/workstation.properties.
        --server     the hospital server (default localhost:9443)
        --ca         the CA certificate (PEM) that signed the server's certificate (default data/tls/ca.pem)
        --lang       language of the user interface (default: the system's, if supported, else English)
        --plaintext  no TLS; only for a server explicitly started without it
      """;

  public static LaunchOptions defaults(Language language) {
    return new LaunchOptions(new ServerAddress("localhost", ServerAddress.DEFAULT_PORT),
        Path.of("data", "tls", "ca.pem"), language, false);
  }

  /**
   * The command line over this machine's settings ({@link MachineSettings}) over the built-in defaults.
   *
   * @throws IllegalArgumentException with a message for the user when an argument or a setting is wrong
   */
  public static LaunchOptions parse(List<String> args, Language defaultLanguage) {
    return parse(args, defaultLanguage, MachineSettings.load());
  }

  public static LaunchOptions parse(List<String> args, Language defaultLanguage, MachineSettings machine) {
    LaunchOptions options = fromMachine(defaults(defaultLanguage), machine);
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      if (machine.locked() && LOCKED_ARGUMENTS.contains(arg)) {
        throw new IllegalArgumentException(arg + ": this workstation's server is set by IT in " + machine.describe()
            + " (locked=true)");
      }
      switch (arg) {
        case "--plaintext" -> options = options.with(options.server, options.caCertificate, options.language, true);
        case "--server" -> {
          String value = value(args, ++i, arg);
          ServerAddress server = ServerAddress.parse(value)
              .orElseThrow(() -> new IllegalArgumentException("--server: not a server address (host:port): " + value));
          options = options.with(server, options.caCertificate, options.language, options.plaintext);
        }
        case "--ca" -> options = options.with(options.server, Path.of(value(args, ++i, arg)), options.language,
            options.plaintext);
        case "--lang" -> {
          String value = value(args, ++i, arg);
          Language language = Language.fromCode(value)
              .orElseThrow(() -> new IllegalArgumentException("--lang: unsupported language " + value + " (en or es)"));
          options = options.with(options.server, options.caCertificate, language, options.plaintext);
        }
        default -> throw new IllegalArgumentException("Unknown argument: " + arg);
      }
    }
    return options;
  }

  private static final java.util.Set<String> LOCKED_ARGUMENTS = java.util.Set.of("--server", "--ca", "--plaintext");

  private static LaunchOptions fromMachine(LaunchOptions options, MachineSettings machine) {
    String where = " in " + machine.describe();
    ServerAddress server = machine.get("server").map(value -> ServerAddress.parse(value).orElseThrow(
        () -> new IllegalArgumentException("server: not a server address (host:port): " + value + where)))
        .orElse(options.server);
    Path ca = machine.get("ca").map(Path::of).orElse(options.caCertificate);
    Language language = machine.get("lang").map(value -> Language.fromCode(value).orElseThrow(
        () -> new IllegalArgumentException("lang: unsupported language " + value + " (en or es)" + where)))
        .orElse(options.language);
    return new LaunchOptions(server, ca, language, options.plaintext, machine.locked());
  }

  public ChannelSecurity security() {
    return plaintext ? new ChannelSecurity.Plaintext() : new ChannelSecurity.Tls(caCertificate);
  }

  private LaunchOptions with(ServerAddress server, Path ca, Language language, boolean plaintext) {
    return new LaunchOptions(server, ca, language, plaintext, serverLocked);
  }

  private static String value(List<String> args, int index, String name) {
    if (index >= args.size() || args.get(index).startsWith("--")) {
      throw new IllegalArgumentException(name + " needs a value");
    }
    return args.get(index);
  }
}
