package org.hospital.server.billing;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hospital.server.persistence.DbTime;

/** The invoices table. A draft becomes ISSUED once; after that only its paid amount and print count change. */
final class InvoiceStore {
  private static final String COLUMNS = "id, patient_id, appointment_id, status, invoice_number, currency, net_total,"
      + " tax_total, total, paid, print_count, issued_at, issued_by, created_at, created_by, version, updated_at,"
      + " updated_by, (SELECT COALESCE(-SUM(n.total), 0) FROM billing_credit_note n WHERE n.invoice_id = billing_invoice.id)";

  private InvoiceStore() {}

  static void insertDraft(Connection c, InvoiceRow r) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO billing_invoice (id, patient_id, appointment_id,"
        + " status, currency, net_total, tax_total, total, paid, print_count, created_at, created_by, version,"
        + " updated_at, updated_by) VALUES (?, ?, ?, 'DRAFT', ?, ?, ?, ?, 0, 0, ?, ?, 0, ?, ?)")) {
      ps.setLong(1, r.id());
      ps.setLong(2, r.patientId());
      ChargeStore.setId(ps, 3, r.appointmentId());
      ps.setString(4, r.currency());
      ps.setBigDecimal(5, r.netTotal());
      ps.setBigDecimal(6, r.taxTotal());
      ps.setBigDecimal(7, r.total());
      DbTime.set(ps, 8, r.createdAt());
      ps.setString(9, r.createdBy());
      DbTime.set(ps, 10, r.createdAt());
      ps.setString(11, r.createdBy());
      ps.executeUpdate();
    }
  }

  static Optional<InvoiceRow> find(Connection c, long id) throws SQLException {
    return query(c, "SELECT " + COLUMNS + " FROM billing_invoice WHERE id = ?", id).stream().findFirst();
  }

  /** Reads and row-locks the invoice: issuing and payments on one invoice queue here. */
  static Optional<InvoiceRow> lock(Connection c, long id) throws SQLException {
    return query(c, "SELECT " + COLUMNS + " FROM billing_invoice WHERE id = ? FOR UPDATE", id).stream().findFirst();
  }

  static List<InvoiceRow> forPatient(Connection c, long patientId) throws SQLException {
    return query(c, "SELECT " + COLUMNS + " FROM billing_invoice WHERE patient_id = ? ORDER BY id DESC", patientId);
  }

  static void issue(Connection c, long id, int year, int seq, String number, Instant now, String by)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("UPDATE billing_invoice SET status = 'ISSUED', invoice_year = ?,"
        + " invoice_seq = ?, invoice_number = ?, issued_at = ?, issued_by = ?, version = version + 1,"
        + " updated_at = ?, updated_by = ? WHERE id = ? AND status = 'DRAFT'")) {
      ps.setInt(1, year);
      ps.setInt(2, seq);
      ps.setString(3, number);
      DbTime.set(ps, 4, now);
      ps.setString(5, by);
      DbTime.set(ps, 6, now);
      ps.setString(7, by);
      ps.setLong(8, id);
      if (ps.executeUpdate() != 1) {
        throw new IllegalStateException("invoice " + id + " was not a draft");
      }
    }
  }

  /** A draft is given up: it keeps no number. */
  static void discard(Connection c, long id, Instant now, String by) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("UPDATE billing_invoice SET status = 'DISCARDED',"
        + " version = version + 1, updated_at = ?, updated_by = ? WHERE id = ? AND status = 'DRAFT'")) {
      DbTime.set(ps, 1, now);
      ps.setString(2, by);
      ps.setLong(3, id);
      if (ps.executeUpdate() != 1) {
        throw new IllegalStateException("invoice " + id + " was not a draft");
      }
    }
  }

  /** A new version of an issued invoice whose content does not change (a credit note now corrects it). */
  static void touch(Connection c, long id, Instant now, String by) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("UPDATE billing_invoice SET version = version + 1,"
        + " updated_at = ?, updated_by = ? WHERE id = ?")) {
      DbTime.set(ps, 1, now);
      ps.setString(2, by);
      ps.setLong(3, id);
      ps.executeUpdate();
    }
  }

  static void addPaid(Connection c, long id, BigDecimal amount, Instant now, String by) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("UPDATE billing_invoice SET paid = paid + ?, version = version + 1,"
        + " updated_at = ?, updated_by = ? WHERE id = ?")) {
      ps.setBigDecimal(1, amount);
      DbTime.set(ps, 2, now);
      ps.setString(3, by);
      ps.setLong(4, id);
      ps.executeUpdate();
    }
  }

  /** Counts a print and answers which print this is (1 for the original). */
  static int countPrint(Connection c, long id) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("UPDATE billing_invoice SET print_count = print_count + 1"
        + " WHERE id = ?")) {
      ps.setLong(1, id);
      ps.executeUpdate();
    }
    return find(c, id).orElseThrow().printCount();
  }

  private static List<InvoiceRow> query(Connection c, String sql, long id) throws SQLException {
    List<InvoiceRow> out = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setLong(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(new InvoiceRow(rs.getLong(1), rs.getLong(2), rs.getLong(3),
              InvoiceRow.Status.valueOf(rs.getString(4)), rs.getString(5), rs.getString(6).strip(),
              rs.getBigDecimal(7).setScale(Money.SCALE), rs.getBigDecimal(8).setScale(Money.SCALE),
              rs.getBigDecimal(9).setScale(Money.SCALE), rs.getBigDecimal(10).setScale(Money.SCALE), rs.getInt(11),
              DbTime.get(rs, 12), rs.getString(13), DbTime.get(rs, 14), rs.getString(15), rs.getLong(16),
              DbTime.get(rs, 17), rs.getString(18), rs.getBigDecimal(19).setScale(Money.SCALE)));
        }
      }
    }
    return out;
  }
}
