package org.hospital.server.billing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hospital.server.persistence.DbTime;

/** The credit notes table and the charges each one took off its invoice. Rows never change but their print count. */
final class CreditNoteStore {
  private static final String COLUMNS = "id, invoice_id, patient_id, credit_number, kind, reason, currency,"
      + " net_total, tax_total, total, print_count, created_at, created_by";

  private CreditNoteStore() {}

  static void insert(Connection c, CreditNoteRow r, int year, int seq, List<ChargeRow> lines) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO billing_credit_note (id, invoice_id, patient_id,"
        + " credit_year, credit_seq, credit_number, kind, reason, currency, net_total, tax_total, total, print_count,"
        + " created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)")) {
      ps.setLong(1, r.id());
      ps.setLong(2, r.invoiceId());
      ps.setLong(3, r.patientId());
      ps.setInt(4, year);
      ps.setInt(5, seq);
      ps.setString(6, r.number());
      ps.setString(7, r.kind().name());
      ps.setString(8, r.reason());
      ps.setString(9, r.currency());
      ps.setBigDecimal(10, r.netTotal());
      ps.setBigDecimal(11, r.taxTotal());
      ps.setBigDecimal(12, r.total());
      DbTime.set(ps, 13, r.createdAt());
      ps.setString(14, r.createdBy());
      ps.executeUpdate();
    }
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO billing_credit_note_line (credit_note_id, charge_id)"
        + " VALUES (?, ?)")) {
      for (ChargeRow line : lines) {
        ps.setLong(1, r.id());
        ps.setLong(2, line.id());
        ps.executeUpdate();
      }
    }
  }

  static Optional<CreditNoteRow> find(Connection c, long id) throws SQLException {
    return query(c, "SELECT " + COLUMNS + " FROM billing_credit_note WHERE id = ?", id).stream().findFirst();
  }

  static List<CreditNoteRow> forInvoice(Connection c, long invoiceId) throws SQLException {
    return query(c, "SELECT " + COLUMNS + " FROM billing_credit_note WHERE invoice_id = ? ORDER BY id", invoiceId);
  }

  static List<CreditNoteRow> forPatient(Connection c, long patientId) throws SQLException {
    return query(c, "SELECT " + COLUMNS + " FROM billing_credit_note WHERE patient_id = ? ORDER BY id DESC",
        patientId);
  }

  /** Counts a print and answers which print this is (1 for the original). */
  static int countPrint(Connection c, long id) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("UPDATE billing_credit_note SET print_count = print_count + 1"
        + " WHERE id = ?")) {
      ps.setLong(1, id);
      ps.executeUpdate();
    }
    return find(c, id).orElseThrow().printCount();
  }

  private static List<CreditNoteRow> query(Connection c, String sql, long id) throws SQLException {
    List<CreditNoteRow> out = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setLong(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(new CreditNoteRow(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4),
              CreditNoteRow.Kind.valueOf(rs.getString(5)), rs.getString(6), rs.getString(7).strip(),
              rs.getBigDecimal(8).setScale(Money.SCALE), rs.getBigDecimal(9).setScale(Money.SCALE),
              rs.getBigDecimal(10).setScale(Money.SCALE), rs.getInt(11), DbTime.get(rs, 12), rs.getString(13)));
        }
      }
    }
    return out;
  }
}
