package org.hospital.server.billing;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;

/** Makes charge rows: the price list's price and tax copied, the line's amounts rounded once. */
final class Charges {
  private Charges() {}

  static ChargeRow newCharge(Connection c, ChargeRow.Origin origin, PriceRow price, int quantity, long patientId,
      long appointmentId, LocalDate day, String reason, String currency, Instant now, String by) throws SQLException {
    Money.LineAmounts a = Money.line(price.unitPrice(), price.taxRate(), quantity);
    return new ChargeRow(BillingIds.next(c), patientId, appointmentId, origin, ChargeRow.Status.OPEN,
        price.itemCode(), price.description(), quantity, price.unitPrice(), price.taxRate(), a.net(), a.tax(),
        a.total(), currency, day, reason, 0, 0, now, by, 0);
  }

  /** The reversal of an open charge: the same line with the opposite quantity and amounts. */
  static ChargeRow reversalOf(Connection c, ChargeRow original, String reason, Instant now, String by)
      throws SQLException {
    return new ChargeRow(BillingIds.next(c), original.patientId(), original.appointmentId(),
        ChargeRow.Origin.REVERSAL, ChargeRow.Status.REVERSAL, original.itemCode(), original.description(),
        -original.quantity(), original.unitPrice(), original.taxRate(), original.net().negate(),
        original.tax().negate(), original.total().negate(), original.currency(), original.serviceDate(), reason,
        original.id(), 0, now, by, 0);
  }
}
