package org.hospital.server.billing;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.hospital.server.audit.AuditAction;
import org.hospital.server.audit.AuditEvent;
import org.hospital.server.audit.AuditOutcome;
import org.hospital.server.errors.DomainException;
import org.hospital.server.patients.Patient;
import org.hospital.server.reports.PdfReports;
import org.hospital.server.security.CurrentUser;

/** Puts the invoice's and the receipt's pages together, counts the print (reprints say COPY) and renders. */
public final class BillingPrints {

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);
  private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm", Locale.ENGLISH);
  static final String TERMS = "Payment due within 30 days of the invoice date. Please quote the invoice number.";

  /** A rendered print and the name to save it under. */
  public record Printed(PdfReports.Pdf pdf, String fileName) {}

  private final BillingWriter writer;
  private final InvoiceReport report;
  private final BillingSettingsView settings;
  private final ZoneId zone;

  /** What the printed forms name the hospital by. */
  record BillingSettingsView(String hospital, String taxId, String currency) {}

  BillingPrints(BillingWriter writer, InvoiceReport report, BillingSettingsView settings, ZoneId zone) {
    this.writer = writer;
    this.report = report;
    this.settings = settings;
    this.zone = zone;
  }

  public Printed invoice(long invoiceId, CurrentUser user) {
    InvoiceReport.InvoicePage page = writer.write(tx -> {
      InvoiceRow inv = InvoiceStore.lock(tx.connection(), invoiceId).orElseThrow(DomainException::notFound);
      if (inv.status() != InvoiceRow.Status.ISSUED) {
        throw DomainException.invalidTransition(inv.status().name());
      }
      int print = InvoiceStore.countPrint(tx.connection(), invoiceId);
      Patient patient = tx.em().find(Patient.class, inv.patientId());
      List<InvoiceReport.Line> lines = new ArrayList<>();
      for (ChargeRow c : ChargeStore.onInvoice(tx.connection(), invoiceId)) {
        lines.add(new InvoiceReport.Line(c.itemCode(), c.description(), c.serviceDate().format(DAY),
            Integer.toString(c.quantity()), amount(c.unitPrice()), c.taxRate().stripTrailingZeros().toPlainString()
            + " %", amount(c.total())));
      }
      tx.audit(AuditEvent.by(user, AuditAction.INVOICE_PRINTED, inv.patientId(), "invoice=" + inv.number()
          + " print=" + print, AuditOutcome.SUCCESS));
      return new InvoiceReport.InvoicePage(settings.hospital(), settings.taxId(), inv.number(),
          inv.issuedAt().atZone(zone).format(DAY), name(patient), patient.mrn(), address(patient), print > 1, print,
          amount(inv.netTotal()), amount(inv.taxTotal()), amount(inv.total()), amount(inv.paid()), amount(inv.due()),
          TERMS, tx.now().atZone(zone).format(MOMENT), lines);
    });
    return new Printed(report.invoice(page), "invoice-" + page.number() + ".pdf");
  }

  public Printed creditNote(long creditNoteId, CurrentUser user) {
    String[] invoiceNumber = new String[1];
    InvoiceReport.InvoicePage page = writer.write(tx -> {
      CreditNoteRow n = CreditNoteStore.find(tx.connection(), creditNoteId).orElseThrow(DomainException::notFound);
      int print = CreditNoteStore.countPrint(tx.connection(), creditNoteId);
      InvoiceRow inv = InvoiceStore.find(tx.connection(), n.invoiceId()).orElseThrow();
      invoiceNumber[0] = inv.number();
      Patient patient = tx.em().find(Patient.class, n.patientId());
      List<InvoiceReport.Line> lines = new ArrayList<>();
      for (ChargeRow c : ChargeStore.onCreditNote(tx.connection(), creditNoteId)) {
        lines.add(new InvoiceReport.Line(c.itemCode(), c.description(), c.serviceDate().format(DAY),
            Integer.toString(-c.quantity()), amount(c.unitPrice()), c.taxRate().stripTrailingZeros().toPlainString()
            + " %", amount(c.total().negate())));
      }
      tx.audit(AuditEvent.by(user, AuditAction.CREDIT_NOTE_PRINTED, n.patientId(), "credit_note=" + n.number()
          + " print=" + print, AuditOutcome.SUCCESS));
      String terms = "Corrects invoice " + inv.number() + " of " + inv.issuedAt().atZone(zone).format(DAY)
          + ". Reason: " + n.reason();
      return new InvoiceReport.InvoicePage(settings.hospital(), settings.taxId(), n.number(),
          n.createdAt().atZone(zone).format(DAY), name(patient), patient.mrn(), address(patient), print > 1, print,
          amount(n.netTotal()), amount(n.taxTotal()), amount(n.total()), inv.number(), amount(n.total()), terms,
          tx.now().atZone(zone).format(MOMENT), lines);
    });
    return new Printed(report.creditNote(page, invoiceNumber[0]), "credit-note-" + page.number() + ".pdf");
  }

  public Printed receipt(long paymentId, CurrentUser user) {
    InvoiceReport.ReceiptPage page = writer.write(tx -> {
      PaymentRow p = PaymentStore.find(tx.connection(), paymentId).orElseThrow(DomainException::notFound);
      int print = PaymentStore.countPrint(tx.connection(), paymentId);
      InvoiceRow inv = InvoiceStore.find(tx.connection(), p.invoiceId()).orElseThrow();
      Patient patient = tx.em().find(Patient.class, inv.patientId());
      tx.audit(AuditEvent.by(user, AuditAction.RECEIPT_PRINTED, inv.patientId(), "payment=" + paymentId
          + " invoice=" + inv.number() + " print=" + print, AuditOutcome.SUCCESS));
      return new InvoiceReport.ReceiptPage(settings.hospital(), settings.taxId(), receiptNumber(p), inv.number(),
          name(patient), patient.mrn(), p.receivedAt().atZone(zone).format(MOMENT), method(p.method()),
          p.reference() == null ? "\u2014" : p.reference(), amount(p.amount()), amount(inv.total()), amount(p.dueAfter()),
          p.receivedBy(), print > 1, print, tx.now().atZone(zone).format(MOMENT));
    });
    return new Printed(report.receipt(page), "receipt-" + page.receiptNumber() + ".pdf");
  }

  static String receiptNumber(PaymentRow p) {
    return "R-" + p.id();
  }

  private String amount(BigDecimal value) {
    return Currency.getInstance(settings.currency()).getSymbol(Locale.ROOT) + "\u00a0" + Money.format(value);
  }

  private static String method(PaymentRow.Method m) {
    return switch (m) {
      case CASH -> "Cash";
      case CARD -> "Card";
      case BANK_TRANSFER -> "Bank transfer";
    };
  }

  private static String name(Patient p) {
    return p.familyName().toUpperCase(Locale.ROOT) + ", " + p.givenNames();
  }

  private static String address(Patient p) {
    String place = Stream.of(p.postalCode(), p.city()).filter(s -> s != null && !s.isBlank())
        .collect(Collectors.joining(" "));
    return Stream.of(p.addressLine1(), p.addressLine2(), place, p.region(), p.country())
        .filter(s -> s != null && !s.isBlank()).collect(Collectors.joining(", "));
  }
}
