package org.hospital.server.billing;

import java.math.BigDecimal;
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
 * Invoices: a draft gathers the patient's open charges (their rows locked, so a charge lands on one invoice
 * only); issuing gives it the next number of the year's series and makes it final.
 */
public final class InvoiceService {

  private final BillingWriter writer;
  private final String currency;
  private final ZoneId zone;

  InvoiceService(BillingWriter writer, String currency, ZoneId zone) {
    this.writer = writer;
    this.currency = currency;
    this.zone = zone;
  }

  public InvoiceView create(long patientId, long appointmentId, CurrentUser user) {
    return writer.write(tx -> {
      if (tx.em().find(Patient.class, patientId) == null) {
        throw DomainException.notFound();
      }
      List<ChargeRow> open = ChargeStore.lockOpen(tx.connection(), patientId, appointmentId);
      if (open.isEmpty()) {
        throw DomainException.noOpenCharges();
      }
      BigDecimal net = Money.ZERO;
      BigDecimal tax = Money.ZERO;
      for (ChargeRow c : open) {
        net = net.add(c.net());
        tax = tax.add(c.tax());
      }
      if (net.add(tax).compareTo(Money.MAX_TOTAL) > 0) {
        throw BillingRefusals.invoiceTooLarge();
      }
      long id = BillingIds.next(tx.connection());
      InvoiceStore.insertDraft(tx.connection(), new InvoiceRow(id, patientId, appointmentId, InvoiceRow.Status.DRAFT,
          null, currency, net, tax, net.add(tax), Money.ZERO, 0, null, null, tx.now(), user.displayName(), 0,
          tx.now(), user.displayName(), Money.ZERO));
      for (ChargeRow c : open) {
        ChargeStore.markInvoiced(tx.connection(), c.id(), id);
      }
      tx.audit(AuditEvent.by(user, AuditAction.INVOICE_CREATED, patientId, "invoice=" + id + " lines=" + open.size()
          + " total=" + Money.format(net.add(tax)) + " " + currency, AuditOutcome.SUCCESS));
      return view(tx, id);
    });
  }

  public InvoiceView issue(long invoiceId, long expectedVersion, CurrentUser user) {
    return writer.write(tx -> {
      InvoiceRow inv = InvoiceStore.lock(tx.connection(), invoiceId).orElseThrow(DomainException::notFound);
      if (inv.version() != expectedVersion) {
        throw DomainException.stale(inv.updatedBy(), inv.updatedAt(), inv.version());
      }
      if (inv.status() != InvoiceRow.Status.DRAFT) {
        throw DomainException.invalidTransition(inv.status().name());
      }
      int year = tx.now().atZone(zone).getYear();
      int seq = InvoiceSeries.next(tx.connection(), year);
      String number = InvoiceSeries.number(year, seq);
      InvoiceStore.issue(tx.connection(), invoiceId, year, seq, number, tx.now(), user.displayName());
      tx.audit(AuditEvent.by(user, AuditAction.INVOICE_ISSUED, inv.patientId(), "invoice=" + invoiceId + " number="
          + number + " total=" + Money.format(inv.total()) + " " + inv.currency(), AuditOutcome.SUCCESS));
      return view(tx, invoiceId);
    });
  }

  /** Gives up a draft: it keeps no number and its charges are open again, to be invoiced another time. */
  public InvoiceView discard(long invoiceId, long expectedVersion, CurrentUser user) {
    return writer.write(tx -> {
      InvoiceRow inv = InvoiceStore.lock(tx.connection(), invoiceId).orElseThrow(DomainException::notFound);
      if (inv.version() != expectedVersion) {
        throw DomainException.stale(inv.updatedBy(), inv.updatedAt(), inv.version());
      }
      if (inv.status() != InvoiceRow.Status.DRAFT) {
        throw DomainException.invalidTransition(inv.status().name());
      }
      List<ChargeRow> lines = ChargeStore.onInvoice(tx.connection(), invoiceId);
      for (ChargeRow c : lines) {
        ChargeStore.reopen(tx.connection(), c.id(), invoiceId);
      }
      InvoiceStore.discard(tx.connection(), invoiceId, tx.now(), user.displayName());
      tx.audit(AuditEvent.by(user, AuditAction.INVOICE_DISCARDED, inv.patientId(), "invoice=" + invoiceId
          + " reopened=" + lines.size(), AuditOutcome.SUCCESS));
      return view(tx, invoiceId);
    });
  }

  public InvoiceView get(long invoiceId, CurrentUser user) {
    return writer.write(tx -> {
      if (InvoiceStore.find(tx.connection(), invoiceId).isEmpty()) {
        throw DomainException.notFound();
      }
      InvoiceView v = view(tx, invoiceId);
      tx.audit(AuditEvent.by(user, AuditAction.BILLING_ACCOUNT_READ, v.invoice().patientId(), "invoice="
          + invoiceId, AuditOutcome.SUCCESS));
      return v;
    });
  }

  public List<InvoiceRow> list(long patientId, CurrentUser user) {
    return writer.write(tx -> {
      if (tx.em().find(Patient.class, patientId) == null) {
        throw DomainException.notFound();
      }
      List<InvoiceRow> rows = InvoiceStore.forPatient(tx.connection(), patientId);
      tx.audit(AuditEvent.by(user, AuditAction.BILLING_ACCOUNT_READ, patientId, "invoices=" + rows.size(),
          AuditOutcome.SUCCESS));
      return rows;
    });
  }

  static InvoiceView view(BillingTx tx, long invoiceId) throws SQLException {
    return new InvoiceView(InvoiceStore.find(tx.connection(), invoiceId).orElseThrow(),
        ChargeStore.onInvoice(tx.connection(), invoiceId), PaymentStore.forInvoice(tx.connection(), invoiceId));
  }
}
