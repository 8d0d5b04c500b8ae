package org.hospital.server.billing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The gap-free series of invoice numbers, one per year: a counter row per year, read under its row lock and
 * advanced in the issuing transaction. A rolled-back issue rolls the counter back with it, so no number is
 * ever skipped; the lock, held to commit, makes concurrent issuers take the numbers one after another. A
 * database sequence would be faster and leave gaps (decision 0802).
 */
final class InvoiceSeries {

  private InvoiceSeries() {}

  /** The year's next number (1, 2, ...), taken for this transaction. */
  static int next(Connection c, int year) throws SQLException {
    return next(c, "billing_invoice_counter", "invoice_year", year);
  }

  /** The year's next credit note number: its own series, taken the same way (decision 0803). */
  static int nextCreditNote(Connection c, int year) throws SQLException {
    return next(c, "billing_credit_note_counter", "credit_year", year);
  }

  private static int next(Connection c, String table, String yearColumn, int year) throws SQLException {
    // The year's first issuer makes the row; a concurrent first issuer waits on the key and does nothing.
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + table + " (" + yearColumn + ", last_seq)"
        + " VALUES (?, 0) ON CONFLICT DO NOTHING")) {
      ps.setInt(1, year);
      ps.executeUpdate();
    }
    int last;
    try (PreparedStatement ps = c.prepareStatement("SELECT last_seq FROM " + table + " WHERE " + yearColumn + " = ?"
        + " FOR UPDATE")) {
      ps.setInt(1, year);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        last = rs.getInt(1);
      }
    }
    try (PreparedStatement ps = c.prepareStatement("UPDATE " + table + " SET last_seq = ? WHERE " + yearColumn
        + " = ?")) {
      ps.setInt(1, last + 1);
      ps.setInt(2, year);
      ps.executeUpdate();
    }
    return last + 1;
  }

  /** The printed form of a credit note's number: "CN-2026-000007". */
  static String creditNoteNumber(int year, int seq) {
    return "CN-" + number(year, seq);
  }

  /** The printed form: "2026-000042". */
  static String number(int year, int seq) {
    return String.format("%04d-%06d", year, seq);
  }
}
