package org.hospital.server.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** The benchmark's own PostgreSQL database, created on first use and kept for reruns. */
final class BenchDatabase {

  private BenchDatabase() {}

  static String ensurePostgres(String name) throws SQLException {
    String adminUrl = System.getProperty("pg.url", "jdbc:postgresql://127.0.0.1:5432/postgres");
    try (Connection c = DriverManager.getConnection(adminUrl, System.getProperty("pg.user", "postgres"),
        System.getProperty("pg.password", "")); Statement s = c.createStatement()) {
      try (ResultSet rs = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + name + "'")) {
        if (!rs.next()) {
          s.execute("CREATE DATABASE " + name);
        }
      }
    }
    return adminUrl.substring(0, adminUrl.lastIndexOf('/') + 1) + name;
  }
}
