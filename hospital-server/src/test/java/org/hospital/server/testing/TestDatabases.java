package org.hospital.server.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import java.util.logging.Logger;
import org.hospital.server.persistence.Database;
import org.junit.jupiter.api.Assumptions;

/**
 * Real databases for tests. H2 runs in memory, always. PostgreSQL runs when the system property
 * {@code pg.tests} is {@code true} (then it must be reachable) or {@code auto} (the default: skipped with a
 * message when nothing answers at {@code pg.url}). Each PostgreSQL test database is created fresh and dropped
 * when the test closes it.
 */
public final class TestDatabases {

  private static final Logger LOG = Logger.getLogger(TestDatabases.class.getName());

  private TestDatabases() {}

  public static final String H2_OPTIONS = ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";

  /** A database handle that also drops its PostgreSQL database on close. */
  public record TestDatabase(Database db, String name, Runnable dropper) implements AutoCloseable {
    @Override
    public void close() {
      db.close();
      dropper.run();
    }
  }

  public static TestDatabase h2() {
    String name = "test_" + UUID.randomUUID().toString().replace("-", "");
    Database db = Database.open("jdbc:h2:mem:" + name + H2_OPTIONS + ";DB_CLOSE_DELAY=-1", "sa", "", 8);
    return new TestDatabase(db, "h2:" + name, () -> dropH2(name));
  }

  private static void dropH2(String name) {
    try (Connection c = DriverManager.getConnection("jdbc:h2:mem:" + name + H2_OPTIONS, "sa", "");
        Statement s = c.createStatement()) {
      s.execute("SHUTDOWN");
    } catch (SQLException e) {
      LOG.fine("H2 test database already gone: " + e.getMessage());
    }
  }

  /** A fresh PostgreSQL database, or the test is skipped (aborted) with a message saying why. */
  public static TestDatabase postgres() {
    EmptyPostgres pg = emptyPostgres();
    try {
      Database db = Database.open(pg.url(), pg.user(), pg.password(), 8);
      return new TestDatabase(db, "postgresql:" + pg.url(), pg.dropper());
    } catch (RuntimeException e) {
      pg.dropper().run();
      throw e;
    }
  }

  /** A created, empty PostgreSQL database not yet opened (for a whole server to open); drop it when done. */
  public record EmptyPostgres(String url, String user, String password, Runnable dropper) {}

  public static EmptyPostgres emptyPostgres() {
    String mode = System.getProperty("pg.tests", "auto");
    String adminUrl = System.getProperty("pg.url", "jdbc:postgresql://127.0.0.1:5432/postgres");
    String user = System.getProperty("pg.user", "postgres");
    String password = System.getProperty("pg.password", "");
    if (mode.equals("false")) {
      Assumptions.abort("PostgreSQL tests switched off (pg.tests=false)");
    }
    String name = "hospital_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    try (Connection c = DriverManager.getConnection(adminUrl, user, password);
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      if (mode.equals("true")) {
        throw new IllegalStateException("PostgreSQL required (pg.tests=true) but not reachable at " + adminUrl
            + ": " + e.getMessage(), e);
      }
      Assumptions.abort("PostgreSQL not reachable at " + adminUrl + " (" + e.getMessage()
          + "): skipping; run with -Dpg.tests=true to require it");
    }
    String url = adminUrl.substring(0, adminUrl.lastIndexOf('/') + 1) + name;
    return new EmptyPostgres(url, user, password, () -> dropPostgres(adminUrl, user, password, name));
  }

  private static void dropPostgres(String adminUrl, String user, String password, String name) {
    try (Connection c = DriverManager.getConnection(adminUrl, user, password);
        Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    } catch (SQLException e) {
      LOG.warning("Could not drop test database " + name + ": " + e.getMessage());
    }
  }

  /** Both kinds, for parameterized tests: {@code @MethodSource("org.hospital.server.testing.TestDatabases#kinds")}. */
  public static java.util.stream.Stream<String> kinds() {
    return java.util.stream.Stream.of("h2", "postgresql");
  }

  public static TestDatabase open(String kind) {
    return kind.equals("h2") ? h2() : postgres();
  }
}
