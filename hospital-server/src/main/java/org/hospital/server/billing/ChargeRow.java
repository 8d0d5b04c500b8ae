package org.hospital.server.billing;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** A charge as stored: its price and tax copied from the price list when it was made. */
public record ChargeRow(long id, long patientId, long appointmentId, Origin origin, Status status, String itemCode,
    String description, int quantity, BigDecimal unitPrice, BigDecimal taxRate, BigDecimal net, BigDecimal tax,
    BigDecimal total, String currency, LocalDate serviceDate, String reason, long reversesId, long invoiceId,
    Instant createdAt, String createdBy, long version) {

  public enum Origin { CAPTURED, MANUAL, REVERSAL }

  /** OPEN until invoiced; REVERSED when a reversal cancels it; the reversal itself is REVERSAL. */
  public enum Status { OPEN, INVOICED, REVERSED, REVERSAL }
}
