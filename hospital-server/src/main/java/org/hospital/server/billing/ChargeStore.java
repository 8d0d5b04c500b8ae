package org.hospital.server.billing;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hospital.server.persistence.DbTime;

/** The charges table. Rows are never deleted: a charge leaves OPEN by being invoiced or reversed. */
final class ChargeStore {
  private static final String COLUMNS = "id, patient_id, appointment_id, origin, status, item_code, description,"
      + " quantity, unit_price, tax_rate, net_amount, tax_amount, total, currency, service_date, reason, reverses_id,"
      + " invoice_id, created_at, created_by, version";

  private ChargeStore() {}

  /** A new charge; {@code sourceKey} is unique in the table (the clinical event that made it), or null. */
  static void insert(Connection c, ChargeRow r, String sourceKey) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO billing_charge (" + COLUMNS + ", source_key) VALUES"
        + " (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      ps.setLong(1, r.id());
      ps.setLong(2, r.patientId());
      setId(ps, 3, r.appointmentId());
      ps.setString(4, r.origin().name());
      ps.setString(5, r.status().name());
      ps.setString(6, r.itemCode());
      ps.setString(7, r.description());
      ps.setInt(8, r.quantity());
      ps.setBigDecimal(9, r.unitPrice());
      ps.setBigDecimal(10, r.taxRate());
      ps.setBigDecimal(11, r.net());
      ps.setBigDecimal(12, r.tax());
      ps.setBigDecimal(13, r.total());
      ps.setString(14, r.currency());
      ps.setDate(15, Date.valueOf(r.serviceDate()));
      ps.setString(16, r.reason());
      setId(ps, 17, r.reversesId());
      setId(ps, 18, r.invoiceId());
      DbTime.set(ps, 19, r.createdAt());
      ps.setString(20, r.createdBy());
      ps.setLong(21, r.version());
      ps.setString(22, sourceKey);
      ps.executeUpdate();
    }
  }

  static boolean sourceCharged(Connection c, String sourceKey) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM billing_charge WHERE source_key = ?")) {
      ps.setString(1, sourceKey);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    }
  }

  static Optional<ChargeRow> find(Connection c, long id) throws SQLException {
    List<ChargeRow> rows = query(c, "SELECT " + COLUMNS + " FROM billing_charge WHERE id = ?", id);
    return rows.stream().findFirst();
  }

  /** Reads and row-locks the charge, so that the caller's checks hold until commit. */
  static Optional<ChargeRow> lock(Connection c, long id) throws SQLException {
    List<ChargeRow> rows = query(c, "SELECT " + COLUMNS + " FROM billing_charge WHERE id = ? FOR UPDATE", id);
    return rows.stream().findFirst();
  }

  /** The patient's charges, open ones first, then newest first. */
  static List<ChargeRow> forPatient(Connection c, long patientId, boolean includeClosed) throws SQLException {
    return query(c, "SELECT " + COLUMNS + " FROM billing_charge WHERE patient_id = ?"
        + (includeClosed ? "" : " AND status = 'OPEN'")
        + " ORDER BY CASE WHEN status = 'OPEN' THEN 0 ELSE 1 END, service_date DESC, id DESC", patientId);
  }

  /** The patient's open charges (of one consultation when {@code appointmentId} is not 0), locked, oldest first. */
  static List<ChargeRow> lockOpen(Connection c, long patientId, long appointmentId) throws SQLException {
    if (appointmentId == 0) {
      return query(c, "SELECT " + COLUMNS + " FROM billing_charge WHERE patient_id = ? AND status = 'OPEN'"
          + " ORDER BY service_date, id FOR UPDATE", patientId);
    }
    return query(c, "SELECT " + COLUMNS + " FROM billing_charge WHERE patient_id = ? AND status = 'OPEN'"
        + " AND appointment_id = ? ORDER BY service_date, id FOR UPDATE", patientId, appointmentId);
  }

  /** The invoice's lines: its charges, and those a credit note took off it (they are still what it billed). */
  static List<ChargeRow> onInvoice(Connection c, long invoiceId) throws SQLException {
    return query(c, "SELECT " + COLUMNS + " FROM billing_charge WHERE invoice_id = ? OR id IN (SELECT l.charge_id"
        + " FROM billing_credit_note_line l JOIN billing_credit_note n ON n.id = l.credit_note_id"
        + " WHERE n.invoice_id = ?) ORDER BY service_date, id", invoiceId, invoiceId);
  }

  /** The charges a credit note took off its invoice, as they are now. */
  static List<ChargeRow> onCreditNote(Connection c, long creditNoteId) throws SQLException {
    return query(c, "SELECT " + COLUMNS + " FROM billing_charge WHERE id IN (SELECT charge_id FROM"
        + " billing_credit_note_line WHERE credit_note_id = ?) ORDER BY service_date, id", creditNoteId);
  }

  /** An invoiced charge is open again (its invoice was credited or its draft discarded). */
  static void reopen(Connection c, long chargeId, long invoiceId) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("UPDATE billing_charge SET status = 'OPEN', invoice_id = NULL,"
        + " version = version + 1 WHERE id = ? AND status = 'INVOICED' AND invoice_id = ?")) {
      ps.setLong(1, chargeId);
      ps.setLong(2, invoiceId);
      if (ps.executeUpdate() != 1) {
        throw new IllegalStateException("charge " + chargeId + " was not on invoice " + invoiceId);
      }
    }
  }

  static void markInvoiced(Connection c, long chargeId, long invoiceId) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("UPDATE billing_charge SET status = 'INVOICED', invoice_id = ?,"
        + " version = version + 1 WHERE id = ? AND status = 'OPEN'")) {
      ps.setLong(1, invoiceId);
      ps.setLong(2, chargeId);
      if (ps.executeUpdate() != 1) {
        throw new IllegalStateException("charge " + chargeId + " was not open");
      }
    }
  }

  static void markReversed(Connection c, long chargeId) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("UPDATE billing_charge SET status = 'REVERSED',"
        + " version = version + 1 WHERE id = ? AND status = 'OPEN'")) {
      ps.setLong(1, chargeId);
      if (ps.executeUpdate() != 1) {
        throw new IllegalStateException("charge " + chargeId + " was not open");
      }
    }
  }

  private static List<ChargeRow> query(Connection c, String sql, long... ids) throws SQLException {
    List<ChargeRow> out = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < ids.length; i++) {
        ps.setLong(i + 1, ids[i]);
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(row(rs));
        }
      }
    }
    return out;
  }

  private static ChargeRow row(ResultSet rs) throws SQLException {
    return new ChargeRow(rs.getLong(1), rs.getLong(2), rs.getLong(3), ChargeRow.Origin.valueOf(rs.getString(4)),
        ChargeRow.Status.valueOf(rs.getString(5)), rs.getString(6), rs.getString(7), rs.getInt(8),
        rs.getBigDecimal(9).setScale(Money.SCALE), rs.getBigDecimal(10).setScale(Money.SCALE),
        rs.getBigDecimal(11).setScale(Money.SCALE), rs.getBigDecimal(12).setScale(Money.SCALE),
        rs.getBigDecimal(13).setScale(Money.SCALE), rs.getString(14).strip(), rs.getDate(15).toLocalDate(), rs.getString(16),
        rs.getLong(17), rs.getLong(18), DbTime.get(rs, 19), rs.getString(20), rs.getLong(21));
  }

  static void setId(PreparedStatement ps, int index, long id) throws SQLException {
    if (id == 0) {
      ps.setNull(index, Types.BIGINT);
    } else {
      ps.setLong(index, id);
    }
  }
}
