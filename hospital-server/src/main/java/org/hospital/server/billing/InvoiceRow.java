package org.hospital.server.billing;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * An invoice as stored; {@code number} is null while it is a draft. {@code credited} is what its credit notes
 * took off it (positive), so that what is due after a credit is right.
 */
public record InvoiceRow(long id, long patientId, long appointmentId, Status status, String number, String currency,
    BigDecimal netTotal, BigDecimal taxTotal, BigDecimal total, BigDecimal paid, int printCount, Instant issuedAt,
    String issuedBy, Instant createdAt, String createdBy, long version, Instant updatedAt, String updatedBy, BigDecimal credited) {

  public enum Status { DRAFT, ISSUED, DISCARDED }

  public BigDecimal due() {
    return total.subtract(paid).subtract(credited);
  }
}
