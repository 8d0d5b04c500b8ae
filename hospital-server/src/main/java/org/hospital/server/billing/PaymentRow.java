package org.hospital.server.billing;

import java.math.BigDecimal;
import java.time.Instant;

/** A payment taken on an invoice. */
public record PaymentRow(long id, long invoiceId, Method method, BigDecimal amount, String currency, String reference,
    Instant receivedAt, String receivedBy, BigDecimal dueAfter, int printCount) {

  public enum Method { CASH, CARD, BANK_TRANSFER }
}
