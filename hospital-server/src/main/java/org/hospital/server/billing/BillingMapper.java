package org.hospital.server.billing;

import java.time.LocalDate;
import org.hospital.proto.billing.v1.Charge;
import org.hospital.proto.billing.v1.ChargeOrigin;
import org.hospital.proto.billing.v1.ChargeStatus;
import org.hospital.proto.billing.v1.Invoice;
import org.hospital.proto.billing.v1.InvoiceStatus;
import org.hospital.proto.billing.v1.Payment;
import org.hospital.proto.billing.v1.PaymentMethod;
import org.hospital.proto.billing.v1.PriceCategory;
import org.hospital.proto.billing.v1.PriceItem;
import org.hospital.proto.common.v1.Date;
import org.hospital.server.errors.ProtoDates;

/** Billing rows to the wire. */
final class BillingMapper {
  private BillingMapper() {}

  static PriceItem price(PriceRow p, String currency) {
    return PriceItem.newBuilder().setItemCode(p.itemCode()).setDescription(p.description())
        .setCategory(PriceCategory.valueOf(p.category().name())).setUnitPrice(Money.format(p.unitPrice()))
        .setTaxRate(Money.format(p.taxRate())).setValidFrom(date(p.validFrom())).setCurrency(currency).build();
  }

  static Charge charge(ChargeRow c) {
    Charge.Builder b = Charge.newBuilder().setId(c.id()).setPatientId(c.patientId()).setAppointmentId(c.appointmentId())
        .setOrigin(ChargeOrigin.valueOf(c.origin().name())).setStatus(status(c.status())).setItemCode(c.itemCode())
        .setDescription(c.description()).setQuantity(c.quantity()).setUnitPrice(Money.format(c.unitPrice()))
        .setTaxRate(Money.format(c.taxRate())).setNetAmount(Money.format(c.net())).setTaxAmount(Money.format(c.tax()))
        .setTotal(Money.format(c.total())).setCurrency(c.currency()).setServiceDate(date(c.serviceDate()))
        .setReversesChargeId(c.reversesId()).setInvoiceId(c.invoiceId())
        .setCreatedAt(ProtoDates.timestamp(c.createdAt())).setCreatedBy(c.createdBy()).setVersion(c.version());
    if (c.reason() != null) {
      b.setReason(c.reason());
    }
    return b.build();
  }

  static Invoice invoice(InvoiceView v) {
    Invoice.Builder b = header(v.invoice()).toBuilder();
    v.lines().forEach(l -> b.addLines(charge(l)));
    v.payments().forEach(p -> b.addPayments(payment(p)));
    return b.build();
  }

  static Invoice header(InvoiceRow i) {
    Invoice.Builder b = Invoice.newBuilder().setId(i.id()).setPatientId(i.patientId()).setAppointmentId(i.appointmentId())
        .setStatus(InvoiceStatus.valueOf(i.status().name())).setCurrency(i.currency())
        .setNetTotal(Money.format(i.netTotal())).setTaxTotal(Money.format(i.taxTotal())).setTotal(Money.format(i.total()))
        .setPaid(Money.format(i.paid())).setAmountDue(Money.format(i.due())).setVersion(i.version())
        .setCredited(Money.format(i.credited()))
        .setCreatedAt(ProtoDates.timestamp(i.createdAt()));
    if (i.number() != null) {
      b.setNumber(i.number()).setIssuedAt(ProtoDates.timestamp(i.issuedAt())).setIssuedBy(i.issuedBy());
    }
    return b.build();
  }

  static Payment payment(PaymentRow p) {
    Payment.Builder b = Payment.newBuilder().setId(p.id()).setInvoiceId(p.invoiceId())
        .setMethod(PaymentMethod.valueOf(p.method().name())).setAmount(Money.format(p.amount())).setCurrency(p.currency())
        .setReceivedAt(ProtoDates.timestamp(p.receivedAt())).setReceivedBy(p.receivedBy())
        .setAmountDueAfter(Money.format(p.dueAfter()));
    if (p.reference() != null) {
      b.setReference(p.reference());
    }
    return b.build();
  }

  private static ChargeStatus status(ChargeRow.Status s) {
    return switch (s) {
      case OPEN -> ChargeStatus.OPEN;
      case INVOICED -> ChargeStatus.INVOICED;
      case REVERSED -> ChargeStatus.REVERSED;
      case REVERSAL -> ChargeStatus.REVERSING;
    };
  }

  static Date date(LocalDate d) {
    return Date.newBuilder().setYear(d.getYear()).setMonth(d.getMonthValue()).setDay(d.getDayOfMonth()).build();
  }

  static org.hospital.proto.billing.v1.CreditNote creditNote(CreditNoteService.CreditNoteView v) {
    CreditNoteRow n = v.note();
    org.hospital.proto.billing.v1.CreditNote.Builder b = org.hospital.proto.billing.v1.CreditNote.newBuilder()
        .setId(n.id()).setInvoiceId(n.invoiceId()).setInvoiceNumber(v.invoiceNumber()).setPatientId(n.patientId())
        .setNumber(n.number()).setKind(org.hospital.proto.billing.v1.CreditNoteKind.valueOf(n.kind().name()))
        .setReason(n.reason()).setCurrency(n.currency()).setNetTotal(Money.format(n.netTotal()))
        .setTaxTotal(Money.format(n.taxTotal())).setTotal(Money.format(n.total()))
        .setCreatedAt(ProtoDates.timestamp(n.createdAt())).setCreatedBy(n.createdBy());
    v.lines().forEach(l -> b.addLines(charge(l)));
    return b.build();
  }
}
