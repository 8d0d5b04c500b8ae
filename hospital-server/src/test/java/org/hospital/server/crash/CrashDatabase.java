package org.hospital.server.crash;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.hospital.server.testing.TestDatabases;
import org.postgresql.ds.PGSimpleDataSource;

/** The database a crash run's server uses, and a way to read it from outside while the server is down. */
interface CrashDatabase extends AutoCloseable {

  /** Options added to the server's command line. */
  List<String> serverOptions();

  /** A data source for the checks; opening it must not repair or change anything the server would see. */
  DataSource forChecks();

  /** Bytes on disk (H2's file); 0 where it is not ours to measure. */
  long sizeOnDisk();

  @Override
  void close();

  static CrashDatabase of(String kind, Path dataDir) {
    return kind.equals("h2") ? new H2(dataDir) : new Postgres(TestDatabases.emptyPostgres());
  }

  /**
   * The server's default: an H2 file in its data directory, read here in read-only mode. The system
   * property {@code crash.h2.settings} (e.g. {@code ;WRITE_DELAY=500;REUSE_SPACE=TRUE}, H2's own defaults)
   * overrides the server's durability settings, to show what the test finds without them.
   */
  record H2(Path dataDir) implements CrashDatabase {
    @Override
    public List<String> serverOptions() {
      String settings = System.getProperty("crash.h2.settings", "");
      return settings.isEmpty() ? List.of() : List.of("--db.url=jdbc:h2:file:" + dataDir.resolve("db")
          .resolve("hospital") + TestDatabases.H2_OPTIONS + settings);
    }

    @Override
    public DataSource forChecks() {
      JdbcDataSource ds = new JdbcDataSource();
      ds.setURL("jdbc:h2:file:" + dataDir.resolve("db").resolve("hospital") + TestDatabases.H2_OPTIONS
          + ";ACCESS_MODE_DATA=r");
      ds.setUser("hospital");
      ds.setPassword("");
      return ds;
    }

    @Override
    public long sizeOnDisk() {
      try {
        return Files.size(dataDir.resolve("db").resolve("hospital.mv.db"));
      } catch (java.io.IOException e) {
        return 0;
      }
    }

    @Override
    public void close() {}
  }

  /** A fresh PostgreSQL database on the local server, dropped at the end. */
  record Postgres(TestDatabases.EmptyPostgres pg) implements CrashDatabase {
    @Override
    public List<String> serverOptions() {
      return List.of("--db.url=" + pg.url(), "--db.user=" + pg.user(), "--db.password=" + pg.password());
    }

    @Override
    public DataSource forChecks() {
      PGSimpleDataSource ds = new PGSimpleDataSource();
      ds.setURL(pg.url());
      ds.setUser(pg.user());
      ds.setPassword(pg.password());
      return ds;
    }

    @Override
    public long sizeOnDisk() {
      return 0;
    }

    @Override
    public void close() {
      pg.dropper().run();
    }
  }
}
