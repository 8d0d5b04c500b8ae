package org.hospital.server.billing;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.util.Optional;
import org.hospital.server.audit.AuditAction;
import org.hospital.server.audit.AuditEvent;
import org.hospital.server.audit.AuditOutcome;
import org.hospital.server.errors.DomainException;
import org.hospital.server.idempotency.IdempotencyKeys;
import org.hospital.server.persistence.UniqueViolation;
import org.hospital.server.security.CurrentUser;

/**
 * Payments on issued invoices. The invoice's row lock orders the payments on one invoice, so two clerks taking
 * money at once never pay it beyond its total (and the database's check on the paid amount stands behind
 * that). Idempotent by the sender's key through the one idempotency-key table: a retry answers with the
 * payment the first attempt took and takes nothing.
 */
public final class PaymentService {

  static final String OPERATION = "TAKE_PAYMENT";
  private static final int KEY_RACE_ATTEMPTS = 200;

  /** A payment as asked for; the amount is positive with two places, checked by the adapter. */
  public record TakePayment(long invoiceId, PaymentRow.Method method, BigDecimal amount, String reference) {}

  /** Another transaction holds the same key and has not committed yet: try again, it will have answered. */
  private static final class KeyRace extends RuntimeException {
    KeyRace() {
      super("idempotency key race", null, false, false);
    }
  }

  private final BillingWriter writer;

  PaymentService(BillingWriter writer) {
    this.writer = writer;
  }

  public PaymentRow take(String key, TakePayment p, CurrentUser user) {
    String fingerprint = IdempotencyKeys.fingerprint("take-payment", p.invoiceId(), p.method(),
        Money.format(p.amount()), p.reference());
    for (int attempt = 1; ; attempt++) {
      try {
        return writer.write(tx -> takeOnce(tx, key, fingerprint, p, user));
      } catch (KeyRace race) {
        if (attempt >= KEY_RACE_ATTEMPTS) {
          throw new IllegalStateException("Idempotency key still undecided after " + attempt + " attempts");
        }
        pause();
      }
    }
  }

  private static PaymentRow takeOnce(BillingTx tx, String key, String fingerprint, TakePayment p, CurrentUser user)
      throws SQLException {
    Optional<Long> earlier = IdempotencyKeys.replay(tx.connection(), user.staffId(), key, OPERATION, fingerprint);
    if (earlier.isPresent()) {
      PaymentRow row = PaymentStore.find(tx.connection(), earlier.get()).orElseThrow();
      InvoiceRow inv = InvoiceStore.find(tx.connection(), row.invoiceId()).orElseThrow();
      tx.audit(AuditEvent.by(user, AuditAction.BILLING_ACCOUNT_READ, inv.patientId(), "retry of " + OPERATION
          + " payment=" + row.id(), AuditOutcome.SUCCESS));
      return row;
    }
    InvoiceRow inv = InvoiceStore.lock(tx.connection(), p.invoiceId()).orElseThrow(DomainException::notFound);
    if (inv.status() != InvoiceRow.Status.ISSUED) {
      throw DomainException.invalidTransition(inv.status().name());
    }
    if (p.amount().compareTo(inv.due()) > 0) {
      throw BillingRefusals.exceedsAmountDue(inv.due());
    }
    BigDecimal dueAfter = inv.due().subtract(p.amount());
    PaymentRow row = new PaymentRow(BillingIds.next(tx.connection()), inv.id(), p.method(), p.amount(),
        inv.currency(), p.reference(), tx.now(), user.displayName(), dueAfter, 0);
    PaymentStore.insert(tx.connection(), row);
    InvoiceStore.addPaid(tx.connection(), inv.id(), p.amount(), tx.now(), user.displayName());
    try {
      IdempotencyKeys.claim(tx.connection(), user.staffId(), key, OPERATION, fingerprint, row.id(),
          user.displayName(), tx.now());
    } catch (SQLException e) {
      if (UniqueViolation.in(e)) {
        throw new KeyRace();
      }
      throw e;
    }
    tx.audit(AuditEvent.by(user, AuditAction.PAYMENT_TAKEN, inv.patientId(), "payment=" + row.id() + " invoice="
        + inv.number() + " method=" + p.method() + " amount=" + Money.format(p.amount()) + " " + inv.currency()
        + " due_after=" + Money.format(dueAfter), AuditOutcome.SUCCESS));
    return row;
  }

  private static void pause() {
    try {
      Thread.sleep(10);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while waiting for a concurrent retry", e);
    }
  }
}
