package org.hospital.server.billing;

import java.sql.SQLException;
import java.time.ZoneId;
import java.util.List;
import org.hospital.server.audit.AuditAction;
import org.hospital.server.audit.AuditEvent;
import org.hospital.server.audit.AuditOutcome;
import org.hospital.server.errors.DomainException;
import org.hospital.server.patients.Patient;
import org.hospital.server.security.CurrentUser;

/**
 * Credit notes: an issued invoice never changes, a credit note corrects it. This slice credits a whole invoice
 * that has no payments (a payment would be above the nothing that remains due). Its charges are open again for
 * a correction, reversed when they were charged in error (decision 0803).
 */
public final class CreditNoteService {

  /** A credit note with the number of the invoice it corrects and its charges as they are now. */
  public record CreditNoteView(CreditNoteRow note, String invoiceNumber, List<ChargeRow> lines) {}

  private final BillingWriter writer;
  private final ZoneId zone;

  CreditNoteService(BillingWriter writer, ZoneId zone) {
    this.writer = writer;
    this.zone = zone;
  }

  public CreditNoteView issue(long invoiceId, long expectedVersion, CreditNoteRow.Kind kind, String reason,
      CurrentUser user) {
    return writer.write(tx -> {
      // The invoice's row lock orders this credit against payments and other credits of the same invoice.
      InvoiceRow inv = InvoiceStore.lock(tx.connection(), invoiceId).orElseThrow(DomainException::notFound);
      if (inv.version() != expectedVersion) {
        throw DomainException.stale(inv.updatedBy(), inv.updatedAt(), inv.version());
      }
      if (inv.status() != InvoiceRow.Status.ISSUED) {
        throw DomainException.invalidTransition(inv.status().name());
      }
      if (!CreditNoteStore.forInvoice(tx.connection(), invoiceId).isEmpty()) {
        throw DomainException.invalidTransition("CREDITED");
      }
      // A whole credit leaves nothing due, so any payment is above it: refund first (not in this slice).
      if (inv.paid().signum() > 0) {
        throw DomainException.invoiceHasPayments(Money.format(inv.paid()));
      }
      List<ChargeRow> lines = ChargeStore.onInvoice(tx.connection(), invoiceId);
      int year = tx.now().atZone(zone).getYear();
      int seq = InvoiceSeries.nextCreditNote(tx.connection(), year);
      CreditNoteRow note = new CreditNoteRow(BillingIds.next(tx.connection()), invoiceId, inv.patientId(),
          InvoiceSeries.creditNoteNumber(year, seq), kind, reason, inv.currency(), inv.netTotal().negate(),
          inv.taxTotal().negate(), inv.total().negate(), 0, tx.now(), user.displayName());
      CreditNoteStore.insert(tx.connection(), note, year, seq, lines);
      for (ChargeRow c : lines) {
        ChargeStore.reopen(tx.connection(), c.id(), invoiceId);
        if (kind == CreditNoteRow.Kind.CHARGED_IN_ERROR) {
          ChargeRow reversal = Charges.reversalOf(tx.connection(), c, reversalReason(note, reason),
              tx.now(), user.displayName());
          ChargeStore.insert(tx.connection(), reversal, null);
          ChargeStore.markReversed(tx.connection(), c.id());
        }
      }
      InvoiceStore.touch(tx.connection(), invoiceId, tx.now(), user.displayName());
      tx.audit(AuditEvent.by(user, AuditAction.CREDIT_NOTE_ISSUED, inv.patientId(), "credit_note=" + note.number()
          + " invoice=" + inv.number() + " kind=" + kind + " total=" + Money.format(note.total()) + " "
          + note.currency() + " reason=" + reason, AuditOutcome.SUCCESS));
      return view(tx, note.id());
    });
  }

  /** The reversal names the note; the charge's reason column holds 300 characters. */
  private static String reversalReason(CreditNoteRow note, String reason) {
    String r = "Credit note " + note.number() + ": " + reason;
    return r.length() <= 300 ? r : r.substring(0, 300);
  }

  public List<CreditNoteView> list(long patientId, CurrentUser user) {
    return writer.write(tx -> {
      if (tx.em().find(Patient.class, patientId) == null) {
        throw DomainException.notFound();
      }
      List<CreditNoteView> out = new java.util.ArrayList<>();
      for (CreditNoteRow n : CreditNoteStore.forPatient(tx.connection(), patientId)) {
        out.add(view(tx, n.id()));
      }
      tx.audit(AuditEvent.by(user, AuditAction.BILLING_ACCOUNT_READ, patientId, "credit_notes=" + out.size(),
          AuditOutcome.SUCCESS));
      return out;
    });
  }

  static CreditNoteView view(BillingTx tx, long id) throws SQLException {
    CreditNoteRow n = CreditNoteStore.find(tx.connection(), id).orElseThrow();
    String invoiceNumber = InvoiceStore.find(tx.connection(), n.invoiceId()).orElseThrow().number();
    return new CreditNoteView(n, invoiceNumber, ChargeStore.onCreditNote(tx.connection(), id));
  }
}
