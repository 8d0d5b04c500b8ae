package org.hospital.server.billing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hospital.server.persistence.DbTime;

/** The payments table; a payment is written once and never changed but for its print count. */
final class PaymentStore {
  private static final String COLUMNS = "id, invoice_id, method, amount, currency, reference, received_at,"
      + " received_by, due_after, print_count";

  private PaymentStore() {}

  static void insert(Connection c, PaymentRow p) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO billing_payment (" + COLUMNS + ") VALUES"
        + " (?, ?, ?, ?, ?, ?, ?, ?, ?, 0)")) {
      ps.setLong(1, p.id());
      ps.setLong(2, p.invoiceId());
      ps.setString(3, p.method().name());
      ps.setBigDecimal(4, p.amount());
      ps.setString(5, p.currency());
      ps.setString(6, p.reference());
      DbTime.set(ps, 7, p.receivedAt());
      ps.setString(8, p.receivedBy());
      ps.setBigDecimal(9, p.dueAfter());
      ps.executeUpdate();
    }
  }

  static Optional<PaymentRow> find(Connection c, long id) throws SQLException {
    return query(c, "SELECT " + COLUMNS + " FROM billing_payment WHERE id = ?", id).stream().findFirst();
  }

  static List<PaymentRow> forInvoice(Connection c, long invoiceId) throws SQLException {
    return query(c, "SELECT " + COLUMNS + " FROM billing_payment WHERE invoice_id = ? ORDER BY id", invoiceId);
  }

  static int countPrint(Connection c, long id) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("UPDATE billing_payment SET print_count = print_count + 1"
        + " WHERE id = ?")) {
      ps.setLong(1, id);
      ps.executeUpdate();
    }
    return find(c, id).orElseThrow().printCount();
  }

  private static List<PaymentRow> query(Connection c, String sql, long id) throws SQLException {
    List<PaymentRow> out = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setLong(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(new PaymentRow(rs.getLong(1), rs.getLong(2), PaymentRow.Method.valueOf(rs.getString(3)),
              rs.getBigDecimal(4).setScale(Money.SCALE), rs.getString(5).strip(), rs.getString(6), DbTime.get(rs, 7),
              rs.getString(8), rs.getBigDecimal(9).setScale(Money.SCALE), rs.getInt(10)));
        }
      }
    }
    return out;
  }
}
