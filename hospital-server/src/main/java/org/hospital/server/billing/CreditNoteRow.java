package org.hospital.server.billing;

import java.math.BigDecimal;
import java.time.Instant;

/** A credit note as stored: its amounts are negative, what it takes off the invoice it corrects. */
public record CreditNoteRow(long id, long invoiceId, long patientId, String number, Kind kind, String reason,
    String currency, BigDecimal netTotal, BigDecimal taxTotal, BigDecimal total, int printCount, Instant createdAt,
    String createdBy) {

  /** What happens to the credited charges (decision 0803). */
  public enum Kind {
    /** The charges were right, the invoice was not: they are open again, to be invoiced anew. */
    CORRECTION,
    /** The charges were wrong: they are reversed. */
    CHARGED_IN_ERROR
  }
}
