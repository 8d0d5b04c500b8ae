package org.hospital.server.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Reads the server configuration. Sources, each overriding the one before: built-in defaults, the properties
 * file ({@code --config FILE}, else {@code <data.dir>/server.properties} if present), environment variables
 * ({@code HOSPITAL_DB_URL} for {@code db.url}) and command-line options ({@code --db.url=...}).
 */
public final class ConfigLoader {

  static final Map<String, String> DEFAULTS = defaults();

  private ConfigLoader() {}

  private static Map<String, String> defaults() {
    Map<String, String> d = new LinkedHashMap<>();
    d.put("data.dir", "data");
    d.put("bind", "0.0.0.0");
    d.put("port", "9443");
    d.put("plaintext", "false");
    d.put("tls.hostnames", "");
    d.put("db.url", "");
    d.put("db.user", "");
    d.put("db.password", "");
    d.put("db.pool.size", "16");
    d.put("grpc.threads", "32");
    d.put("session.idle.timeout", "PT15M");
    d.put("login.throttle.name.free", "3");
    d.put("login.throttle.name.daily.cap", "20");
    d.put("login.throttle.address.free", "10");
    d.put("login.throttle.address.daily.cap", "100");
    d.put("login.throttle.max.delay", "5m");
    // Roles whose holders sign in with a one-time code after the password, e.g. "ADMIN" or "ADMIN,DOCTOR".
    d.put("two.factor.roles", "");
    d.put("demo.data", "false");
    d.put("demo.patients", "3000");
    d.put("demo.outside.records", "true");
    // Empty: the zone of the machine the server runs on.
    d.put("hospital.zone", "");
    d.put("audit.checkpoint.interval", "1m");
    d.put("hospital.name", ServerConfig.DEFAULT_HOSPITAL_NAME);
    OperationsSettings ops = OperationsSettings.DEFAULTS;
    d.put("metrics.enabled", Boolean.toString(ops.metricsEnabled()));
    // Loopback unless told otherwise: the endpoint is plain HTTP without authentication.
    d.put("metrics.bind", ops.metricsBind());
    d.put("metrics.port", Integer.toString(ops.metricsPort()));
    d.put("session.retention.days", Long.toString(ops.sessionRetention().toDays()));
    d.put("backup.keep", Integer.toString(ops.backupKeep()));
    d.put("checkin.opens.before", "2h");
    d.put("billing.currency", BillingSettings.DEFAULTS.currency());
    d.put("billing.tax.id", BillingSettings.DEFAULTS.taxId());
    return Map.copyOf(d);
  }

  /** Known option names, for the usage message and to reject typos. */
  public static List<String> keys() {
    return DEFAULTS.keySet().stream().sorted().toList();
  }

  public static ServerConfig load(String[] args, Map<String, String> env) {
    Map<String, String> cli = parseArgs(args);
    Map<String, String> values = new LinkedHashMap<>(DEFAULTS);
    String explicitFile = cli.remove("config");
    Path dataDir = Path.of(cli.getOrDefault("data.dir", env.getOrDefault("HOSPITAL_DATA_DIR", "data")));
    Path file = explicitFile != null ? Path.of(explicitFile) : dataDir.resolve("server.properties");
    if (explicitFile != null || Files.isRegularFile(file)) {
      values.putAll(readFile(file));
    }
    for (String key : DEFAULTS.keySet()) {
      String envValue = env.get("HOSPITAL_" + key.toUpperCase().replace('.', '_'));
      if (envValue != null) {
        values.put(key, envValue);
      }
    }
    values.putAll(cli);
    return build(values);
  }

  static Map<String, String> parseArgs(String[] args) {
    Map<String, String> out = new LinkedHashMap<>();
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (!arg.startsWith("--")) {
        throw new ConfigException("Unexpected argument '" + arg + "'");
      }
      String body = arg.substring(2);
      int eq = body.indexOf('=');
      String key;
      String value;
      if (eq >= 0) {
        key = body.substring(0, eq);
        value = body.substring(eq + 1);
      } else if (body.equals("plaintext") || body.equals("demo.data")) {
        key = body;
        value = "true";
      } else if (i + 1 < args.length) {
        key = body;
        value = args[++i];
      } else {
        throw new ConfigException("Option --" + body + " needs a value");
      }
      if (!key.equals("config") && !DEFAULTS.containsKey(key)) {
        throw new ConfigException("Unknown option --" + key + "; known: " + String.join(", ", keys()));
      }
      out.put(key, value);
    }
    return out;
  }

  private static Map<String, String> readFile(Path file) {
    Properties p = new Properties();
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      p.load(r);
    } catch (IOException e) {
      throw new ConfigException("Cannot read configuration file " + file + ": " + e.getMessage());
    }
    Map<String, String> out = new LinkedHashMap<>();
    for (String key : p.stringPropertyNames()) {
      if (!DEFAULTS.containsKey(key)) {
        throw new ConfigException("Unknown key '" + key + "' in " + file);
      }
      out.put(key, p.getProperty(key).trim());
    }
    return out;
  }

  private static ServerConfig build(Map<String, String> v) {
    Path dataDir = Path.of(v.get("data.dir")).toAbsolutePath().normalize();
    String url = v.get("db.url").isBlank()
        ? "jdbc:h2:file:" + dataDir.resolve("db").resolve("hospital")
            + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"
        : v.get("db.url");
    String user = v.get("db.user").isBlank() && url.startsWith("jdbc:h2:") ? "hospital" : v.get("db.user");
    List<String> hostnames = Arrays.stream(v.get("tls.hostnames").split(","))
        .map(String::trim).filter(s -> !s.isEmpty()).toList();
    return new ServerConfig(
        dataDir,
        v.get("bind"),
        intIn(v, "port", 0, 65535),
        bool(v, "plaintext"),
        hostnames,
        url,
        user,
        v.get("db.password"),
        intIn(v, "db.pool.size", 1, 500),
        intIn(v, "grpc.threads", 2, 1000),
        duration(v, "session.idle.timeout"),
        signInLimits(v),
        bool(v, "demo.data"),
        intIn(v, "demo.patients", 0, 10_000_000),
        zone(v, "hospital.zone"),
        duration(v, "audit.checkpoint.interval"),
        hospitalName(v),
        bool(v, "demo.outside.records"),
        operations(v),
        checkInOpensBefore(v),
        billing(v));
  }

  private static OperationsSettings operations(Map<String, String> v) {
    String bind = v.get("metrics.bind").strip();
    if (bind.isEmpty()) {
      throw new ConfigException("metrics.bind must be an address such as 127.0.0.1");
    }
    // The audit must be able to name who was signed in for as long as it is read: years, not days.
    return new OperationsSettings(bool(v, "metrics.enabled"), bind, intIn(v, "metrics.port", 0, 65535),
        Duration.ofDays(intIn(v, "session.retention.days", 1, 36_500)), intIn(v, "backup.keep", 1, 10_000));
  }

  private static BillingSettings billing(Map<String, String> v) {
    String currency = v.get("billing.currency").strip().toUpperCase(java.util.Locale.ROOT);
    try {
      return new BillingSettings(currency, v.get("billing.tax.id").strip());
    } catch (IllegalArgumentException e) {
      throw new ConfigException("billing.currency must be an ISO 4217 code such as EUR, and billing.tax.id at most"
          + " 40 characters");
    }
  }

  private static String hospitalName(Map<String, String> v) {
    String name = v.get("hospital.name").strip();
    if (name.isEmpty() || name.length() > 120) {
      throw new ConfigException("hospital.name must be 1 to 120 characters");
    }
    return name;
  }

  /** Within the day: check-in is for the appointment's own day, so more than a day before would mean nothing. */
  private static Duration checkInOpensBefore(Map<String, String> v) {
    Duration d = duration(v, "checkin.opens.before");
    if (d.compareTo(Duration.ofHours(24)) > 0) {
      throw new ConfigException("checkin.opens.before must be at most 24h, not " + v.get("checkin.opens.before"));
    }
    return d;
  }

  private static SignInLimits signInLimits(Map<String, String> v) {
    int nameFree = intIn(v, "login.throttle.name.free", 1, 99);
    int nameCap = intIn(v, "login.throttle.name.daily.cap", nameFree + 1, 100);
    int addressFree = intIn(v, "login.throttle.address.free", 1, 99_999);
    int addressCap = intIn(v, "login.throttle.address.daily.cap", addressFree + 1, 100_000);
    java.util.Set<String> twoFactorRoles = java.util.Arrays.stream(v.getOrDefault("two.factor.roles", "").split(","))
        .map(String::trim).filter(r -> !r.isEmpty()).map(r -> r.toUpperCase(java.util.Locale.ROOT))
        .collect(java.util.stream.Collectors.toSet());
    return new SignInLimits(nameFree, nameCap, addressFree, addressCap, duration(v, "login.throttle.max.delay"),
        twoFactorRoles);
  }

  private static int intIn(Map<String, String> v, String key, int min, int max) {
    try {
      int n = Integer.parseInt(v.get(key).trim());
      if (n < min || n > max) {
        throw new ConfigException(key + " must be between " + min + " and " + max + ", not " + n);
      }
      return n;
    } catch (NumberFormatException e) {
      throw new ConfigException(key + " must be a whole number, not '" + v.get(key) + "'");
    }
  }

  private static ZoneId zone(Map<String, String> v, String key) {
    String s = v.get(key).trim();
    if (s.isEmpty()) {
      return ZoneId.systemDefault();
    }
    try {
      return ZoneId.of(s);
    } catch (java.time.DateTimeException e) {
      throw new ConfigException(key + " must be a time zone such as Europe/Prague, not '" + s + "'");
    }
  }

  private static boolean bool(Map<String, String> v, String key) {
    String s = v.get(key).trim().toLowerCase();
    return switch (s) {
      case "true", "yes", "1" -> true;
      case "false", "no", "0" -> false;
      default -> throw new ConfigException(key + " must be true or false, not '" + s + "'");
    };
  }

  /** Accepts ISO-8601 (PT15M) or a number with a unit: 90s, 15m, 2h. */
  static Duration duration(Map<String, String> v, String key) {
    String s = v.get(key).trim();
    try {
      if (s.matches("\\d+[smh]")) {
        long n = Long.parseLong(s.substring(0, s.length() - 1));
        return switch (s.charAt(s.length() - 1)) {
          case 's' -> Duration.ofSeconds(n);
          case 'm' -> Duration.ofMinutes(n);
          default -> Duration.ofHours(n);
        };
      }
      Duration d = Duration.parse(s);
      if (d.isNegative() || d.isZero()) {
        throw new ConfigException(key + " must be positive");
      }
      return d;
    } catch (java.time.format.DateTimeParseException e) {
      throw new ConfigException(key + " must be a duration such as 15m or PT15M, not '" + s + "'");
    }
  }
}
