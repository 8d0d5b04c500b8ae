package org.hospital.server.persistence;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * The server's one database: a HikariCP pool, the schema brought up to date by Flyway (the only source of
 * schema), and an EclipseLink persistence unit on top. H2 and PostgreSQL run the same migrations, plus a
 * vendor folder for the few things only one of them has.
 *
 * <p>On H2 every write transaction runs under one fair lock ({@link #writing}): with commits written to
 * the file as they happen (see {@link H2Durability}), concurrent writers contending for the same row could
 * spin in H2's row-lock wait without end, and H2 writes one commit to its file at a time anyway. PostgreSQL
 * writers run concurrently, guarded by its own locks.
 */
public final class Database implements AutoCloseable {

  private final HikariDataSource dataSource;
  private final EntityManagerFactory emf;
  private final Vendor vendor;
  private final ReentrantLock writeLock = new ReentrantLock(true);

  public enum Vendor { H2, POSTGRESQL }

  private Database(HikariDataSource dataSource, EntityManagerFactory emf, Vendor vendor) {
    this.dataSource = dataSource;
    this.emf = emf;
    this.vendor = vendor;
  }

  public static Database open(String jdbcUrl, String user, String password, int poolSize) {
    return open(jdbcUrl, user, password, poolSize, hc -> { });
  }

  /** As above; {@code poolSettings} adds to the pool's configuration before it starts (metrics tracking). */
  public static Database open(String jdbcUrl, String user, String password, int poolSize,
      Consumer<HikariConfig> poolSettings) {
    Vendor vendor = jdbcUrl.startsWith("jdbc:postgresql:") ? Vendor.POSTGRESQL : Vendor.H2;
    HikariConfig hc = new HikariConfig();
    hc.setJdbcUrl(H2Durability.durable(jdbcUrl));
    hc.setUsername(user);
    hc.setPassword(password);
    hc.setMaximumPoolSize(poolSize);
    hc.setPoolName("hospital-db");
    hc.setAutoCommit(true);
    if (vendor == Vendor.H2) {
      // H2 gives up on a row lock after one second by default; writers queue for the event counters longer.
      // Set once per connection as it is made, not per transaction on a pooled connection.
      hc.setConnectionInitSql("SET LOCK_TIMEOUT 20000");
    }
    poolSettings.accept(hc);
    HikariDataSource ds = new HikariDataSource(hc);
    try {
      migrate(ds, vendor);
      Map<String, Object> props = new HashMap<>();
      props.put("jakarta.persistence.nonJtaDataSource", ds);
      props.put("eclipselink.weaving", "static");
      props.put("eclipselink.logging.level", "WARNING");
      props.put("eclipselink.logging.level.sql", "WARNING");
      props.put("eclipselink.logging.parameters", "false");
      props.put("eclipselink.jdbc.batch-writing", "JDBC");
      props.put("eclipselink.cache.shared.default", "false");
      props.put("eclipselink.target-database",
          vendor == Vendor.H2 ? "org.eclipse.persistence.platform.database.H2Platform"
              : "org.eclipse.persistence.platform.database.PostgreSQLPlatform");
      EntityManagerFactory emf = Persistence.createEntityManagerFactory("hospital", props);
      return new Database(ds, emf, vendor);
    } catch (RuntimeException e) {
      ds.close();
      throw e;
    }
  }

  private static void migrate(DataSource ds, Vendor vendor) {
    Flyway.configure()
        .dataSource(ds)
        .locations("classpath:db/migration/common",
            "classpath:db/migration/" + (vendor == Vendor.H2 ? "h2" : "postgresql"))
        .load()
        .migrate();
  }

  public Vendor vendor() {
    return vendor;
  }

  public DataSource dataSource() {
    return dataSource;
  }

  /**
   * A connection of its own, outside the pool, for a long-lived session (PostgreSQL LISTEN) that must not
   * hold one of the pool's connections for the server's lifetime. The caller closes it.
   */
  public Connection dedicatedConnection() throws SQLException {
    return DriverManager.getConnection(dataSource.getJdbcUrl(), dataSource.getUsername(),
        dataSource.getPassword());
  }

  public EntityManagerFactory emf() {
    return emf;
  }

  /** Runs work in one transaction: committed when it returns, rolled back when it throws. */
  public <T> T inTransaction(Function<EntityManager, T> work) {
    return writing(() -> emf.callInTransaction(work));
  }

  /** Like {@link #inTransaction(Function)} for work without a result. */
  public void runInTransaction(Consumer<EntityManager> work) {
    writing(() -> {
      emf.runInTransaction(work);
      return null;
    });
  }

  /**
   * Runs a write that does not go through {@link #inTransaction} (plain JDBC: bulk loads, demo data) as the
   * only writer on H2; on PostgreSQL it simply runs. Re-entrant, so a write may call another.
   */
  public <T> T writing(Supplier<T> work) {
    if (vendor != Vendor.H2) {
      return work.get();
    }
    writeLock.lock();
    try {
      return work.get();
    } finally {
      writeLock.unlock();
    }
  }

  /** Whether this thread is inside a write on H2: it must not wait for another thread's write then. */
  public boolean insideWrite() {
    return writeLock.isHeldByCurrentThread();
  }

  /** Read-only work without a transaction of its own (EclipseLink reads through the pool). */
  public <T> T read(Function<EntityManager, T> work) {
    EntityManager em = emf.createEntityManager();
    try {
      return work.apply(em);
    } finally {
      em.close();
    }
  }

  @Override
  public void close() {
    emf.close();
    dataSource.close();
  }
}
