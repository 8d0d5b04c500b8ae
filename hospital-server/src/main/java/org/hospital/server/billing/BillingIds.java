package org.hospital.server.billing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** The next id of any billing row, from the one billing sequence. */
final class BillingIds {
  private BillingIds() {}

  static long next(Connection c) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT nextval('billing_seq')"); ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
