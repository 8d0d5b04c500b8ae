package org.hospital.server.billing;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hospital.server.persistence.DbTime;

/** The price list's rows: one per item and day it took effect. */
final class PriceStore {
  private static final String COLUMNS = "item_code, description, category, unit_price, tax_rate, valid_from, valid_to";

  private PriceStore() {}

  /** The item's price that applies on {@code day}: the latest that took effect by then and is not withdrawn. */
  static Optional<PriceRow> validOn(Connection c, String itemCode, LocalDate day) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM billing_price WHERE item_code = ?"
        + " AND valid_from <= ? ORDER BY valid_from DESC FETCH FIRST 1 ROWS ONLY")) {
      ps.setString(1, itemCode);
      ps.setDate(2, Date.valueOf(day));
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        PriceRow p = row(rs);
        return p.validTo() != null && !p.validTo().isAfter(day) ? Optional.empty() : Optional.of(p);
      }
    }
  }

  /** Every item's price on {@code day}, by code. */
  static List<PriceRow> listOn(Connection c, LocalDate day) throws SQLException {
    List<PriceRow> out = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM billing_price p WHERE valid_from <= ?"
        + " AND (valid_to IS NULL OR valid_to > ?) AND valid_from = (SELECT MAX(q.valid_from) FROM billing_price q"
        + " WHERE q.item_code = p.item_code AND q.valid_from <= ?) ORDER BY item_code")) {
      Date d = Date.valueOf(day);
      ps.setDate(1, d);
      ps.setDate(2, d);
      ps.setDate(3, d);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(row(rs));
        }
      }
    }
    return out;
  }

  static boolean exists(Connection c, String itemCode, LocalDate validFrom) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM billing_price WHERE item_code = ? AND valid_from = ?")) {
      ps.setString(1, itemCode);
      ps.setDate(2, Date.valueOf(validFrom));
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    }
  }

  static long count(Connection c) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM billing_price"); ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }

  static void insert(Connection c, PriceRow p, Instant now, String by) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO billing_price (id, " + COLUMNS
        + ", created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      ps.setLong(1, BillingIds.next(c));
      ps.setString(2, p.itemCode());
      ps.setString(3, p.description());
      ps.setString(4, p.category().name());
      ps.setBigDecimal(5, p.unitPrice());
      ps.setBigDecimal(6, p.taxRate());
      ps.setDate(7, Date.valueOf(p.validFrom()));
      ps.setDate(8, p.validTo() == null ? null : Date.valueOf(p.validTo()));
      ps.setString(9, by);
      DbTime.set(ps, 10, now);
      ps.executeUpdate();
    }
  }

  private static PriceRow row(ResultSet rs) throws SQLException {
    Date to = rs.getDate(7);
    return new PriceRow(rs.getString(1), rs.getString(2), PriceRow.Category.valueOf(rs.getString(3)),
        rs.getBigDecimal(4).setScale(Money.SCALE), rs.getBigDecimal(5).setScale(Money.SCALE),
        rs.getDate(6).toLocalDate(), to == null ? null : to.toLocalDate());
  }
}
