package org.hospital.server.billing;

import io.grpc.stub.StreamObserver;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.hospital.proto.billing.v1.AddManualChargeRequest;
import org.hospital.proto.billing.v1.BillingServiceGrpc;
import org.hospital.proto.billing.v1.Charge;
import org.hospital.proto.billing.v1.CreateInvoiceRequest;
import org.hospital.proto.billing.v1.GetInvoiceRequest;
import org.hospital.proto.billing.v1.Invoice;
import org.hospital.proto.billing.v1.IssueInvoiceRequest;
import org.hospital.proto.billing.v1.ListChargesRequest;
import org.hospital.proto.billing.v1.ListChargesResponse;
import org.hospital.proto.billing.v1.ListInvoicesRequest;
import org.hospital.proto.billing.v1.ListInvoicesResponse;
import org.hospital.proto.billing.v1.ListPricesRequest;
import org.hospital.proto.billing.v1.ListPricesResponse;
import org.hospital.proto.billing.v1.Payment;
import org.hospital.proto.billing.v1.PriceItem;
import org.hospital.proto.billing.v1.PrintInvoiceRequest;
import org.hospital.proto.billing.v1.PrintReceiptRequest;
import org.hospital.proto.billing.v1.ReverseChargeRequest;
import org.hospital.proto.billing.v1.SetPriceRequest;
import org.hospital.proto.billing.v1.TakePaymentRequest;
import org.hospital.proto.reports.v1.PdfDocument;
import org.hospital.server.errors.Violations;
import org.hospital.server.security.CurrentUser;

/** The billing RPCs: check the request, call the service, map the answer. */
public final class BillingGrpcService extends BillingServiceGrpc.BillingServiceImplBase {

  private final PriceService prices;
  private final ChargeService charges;
  private final InvoiceService invoices;
  private final PaymentService payments;
  private final BillingPrints prints;
  private final CreditNoteService creditNotes;
  private final String currency;

  BillingGrpcService(PriceService prices, ChargeService charges, InvoiceService invoices, PaymentService payments,
      BillingPrints prints, CreditNoteService creditNotes, String currency) {
    this.creditNotes = creditNotes;
    this.prices = prices;
    this.charges = charges;
    this.invoices = invoices;
    this.payments = payments;
    this.prints = prints;
    this.currency = currency;
  }

  @Override
  public void listPrices(ListPricesRequest r, StreamObserver<ListPricesResponse> out) {
    Violations v = new Violations();
    LocalDate day = BillingRequests.optionalDay(v, "on", r.getOn());
    v.throwIfAny();
    ListPricesResponse.Builder b = ListPricesResponse.newBuilder().setCurrency(currency);
    prices.list(day).forEach(p -> b.addItems(BillingMapper.price(p, currency)));
    reply(out, b.build());
  }

  @Override
  public void setPrice(SetPriceRequest r, StreamObserver<PriceItem> out) {
    Violations v = new Violations();
    String code = BillingRequests.itemCode(v, "item_code", r.getItemCode());
    String description = BillingRequests.description(v, "description", r.getDescription());
    PriceRow.Category category = BillingRequests.category(v, "category", r.getCategory());
    BigDecimal price = BillingRequests.price(v, "unit_price", r.getUnitPrice());
    BigDecimal rate = BillingRequests.taxRate(v, "tax_rate", r.getTaxRate());
    LocalDate from = BillingRequests.validFrom(v, "valid_from", r.getValidFrom(), prices.today());
    v.throwIfAny();
    PriceRow saved = prices.set(new PriceRow(code, description, category, price, rate, from, null), CurrentUser.get());
    reply(out, BillingMapper.price(saved, currency));
  }

  @Override
  public void listCharges(ListChargesRequest r, StreamObserver<ListChargesResponse> out) {
    Violations v = new Violations();
    BillingRequests.id(v, "patient_id", r.getPatientId());
    v.throwIfAny();
    ChargeService.ChargeList list = charges.list(r.getPatientId(), r.getIncludeClosed(), CurrentUser.get());
    ListChargesResponse.Builder b = ListChargesResponse.newBuilder().setOpenTotal(Money.format(list.openTotal()))
        .setCurrency(currency);
    list.charges().forEach(c -> b.addCharges(BillingMapper.charge(c)));
    reply(out, b.build());
  }

  @Override
  public void addManualCharge(AddManualChargeRequest r, StreamObserver<Charge> out) {
    Violations v = new Violations();
    BillingRequests.id(v, "patient_id", r.getPatientId());
    String code = BillingRequests.itemCode(v, "item_code", r.getItemCode());
    int quantity = BillingRequests.quantity(v, "quantity", r.getQuantity());
    String reason = BillingRequests.reason(v, "reason", r.getReason());
    LocalDate day = BillingRequests.serviceDate(v, "service_date", r.getServiceDate(), prices.today());
    BillingRequests.optionalId(v, "appointment_id", r.getAppointmentId());
    v.throwIfAny();
    reply(out, BillingMapper.charge(charges.addManual(new ManualCharge(r.getPatientId(), code, quantity, reason, day,
        r.getAppointmentId()), CurrentUser.get())));
  }

  @Override
  public void reverseCharge(ReverseChargeRequest r, StreamObserver<Charge> out) {
    Violations v = new Violations();
    BillingRequests.id(v, "charge_id", r.getChargeId());
    if (r.getExpectedVersion() < 0) {
      v.add("expected_version", org.hospital.proto.common.v1.FieldViolationCode.OUT_OF_RANGE);
    }
    String reason = BillingRequests.reason(v, "reason", r.getReason());
    v.throwIfAny();
    reply(out, BillingMapper.charge(charges.reverse(r.getChargeId(), r.getExpectedVersion(), reason,
        CurrentUser.get())));
  }

  @Override
  public void createInvoice(CreateInvoiceRequest r, StreamObserver<Invoice> out) {
    Violations v = new Violations();
    BillingRequests.id(v, "patient_id", r.getPatientId());
    BillingRequests.optionalId(v, "appointment_id", r.getAppointmentId());
    v.throwIfAny();
    reply(out, BillingMapper.invoice(invoices.create(r.getPatientId(), r.getAppointmentId(), CurrentUser.get())));
  }

  @Override
  public void issueInvoice(IssueInvoiceRequest r, StreamObserver<Invoice> out) {
    Violations v = new Violations();
    BillingRequests.id(v, "invoice_id", r.getInvoiceId());
    if (r.getExpectedVersion() < 0) {
      v.add("expected_version", org.hospital.proto.common.v1.FieldViolationCode.OUT_OF_RANGE);
    }
    v.throwIfAny();
    reply(out, BillingMapper.invoice(invoices.issue(r.getInvoiceId(), r.getExpectedVersion(), CurrentUser.get())));
  }

  @Override
  public void getInvoice(GetInvoiceRequest r, StreamObserver<Invoice> out) {
    Violations v = new Violations();
    BillingRequests.id(v, "invoice_id", r.getInvoiceId());
    v.throwIfAny();
    reply(out, BillingMapper.invoice(invoices.get(r.getInvoiceId(), CurrentUser.get())));
  }

  @Override
  public void listInvoices(ListInvoicesRequest r, StreamObserver<ListInvoicesResponse> out) {
    Violations v = new Violations();
    BillingRequests.id(v, "patient_id", r.getPatientId());
    v.throwIfAny();
    List<InvoiceRow> rows = invoices.list(r.getPatientId(), CurrentUser.get());
    ListInvoicesResponse.Builder b = ListInvoicesResponse.newBuilder();
    rows.forEach(i -> b.addInvoices(BillingMapper.header(i)));
    reply(out, b.build());
  }

  @Override
  public void takePayment(TakePaymentRequest r, StreamObserver<Payment> out) {
    Violations v = new Violations();
    String key = BillingRequests.key(v, "idempotency_key", r.getIdempotencyKey());
    BillingRequests.id(v, "invoice_id", r.getInvoiceId());
    PaymentRow.Method method = BillingRequests.method(v, "method", r.getMethod());
    BigDecimal amount = BillingRequests.amount(v, "amount", r.getAmount());
    String reference = BillingRequests.reference(v, "reference", method, r.getReference());
    v.throwIfAny();
    reply(out, BillingMapper.payment(payments.take(key, new PaymentService.TakePayment(r.getInvoiceId(), method,
        amount, reference), CurrentUser.get())));
  }

  @Override
  public void printInvoice(PrintInvoiceRequest r, StreamObserver<PdfDocument> out) {
    Violations v = new Violations();
    BillingRequests.id(v, "invoice_id", r.getInvoiceId());
    v.throwIfAny();
    reply(out, pdf(prints.invoice(r.getInvoiceId(), CurrentUser.get())));
  }

  @Override
  public void printReceipt(PrintReceiptRequest r, StreamObserver<PdfDocument> out) {
    Violations v = new Violations();
    BillingRequests.id(v, "payment_id", r.getPaymentId());
    v.throwIfAny();
    reply(out, pdf(prints.receipt(r.getPaymentId(), CurrentUser.get())));
  }

  @Override
  public void issueCreditNote(org.hospital.proto.billing.v1.IssueCreditNoteRequest r,
      StreamObserver<org.hospital.proto.billing.v1.CreditNote> out) {
    Violations v = new Violations();
    BillingRequests.id(v, "invoice_id", r.getInvoiceId());
    if (r.getExpectedVersion() < 0) {
      v.add("expected_version", org.hospital.proto.common.v1.FieldViolationCode.OUT_OF_RANGE);
    }
    CreditNoteRow.Kind kind = BillingRequests.creditKind(v, "kind", r.getKind());
    String reason = BillingRequests.reason(v, "reason", r.getReason());
    // Crediting some lines only comes with partial credits; until then a request must say it credits all.
    if (!r.getWholeInvoice()) {
      v.add("whole_invoice", org.hospital.proto.common.v1.FieldViolationCode.REQUIRED);
    }
    v.throwIfAny();
    reply(out, BillingMapper.creditNote(creditNotes.issue(r.getInvoiceId(), r.getExpectedVersion(), kind, reason,
        CurrentUser.get())));
  }

  @Override
  public void listCreditNotes(org.hospital.proto.billing.v1.ListCreditNotesRequest r,
      StreamObserver<org.hospital.proto.billing.v1.ListCreditNotesResponse> out) {
    Violations v = new Violations();
    BillingRequests.id(v, "patient_id", r.getPatientId());
    v.throwIfAny();
    org.hospital.proto.billing.v1.ListCreditNotesResponse.Builder b =
        org.hospital.proto.billing.v1.ListCreditNotesResponse.newBuilder();
    creditNotes.list(r.getPatientId(), CurrentUser.get()).forEach(n -> b.addCreditNotes(BillingMapper.creditNote(n)));
    reply(out, b.build());
  }

  @Override
  public void printCreditNote(org.hospital.proto.billing.v1.PrintCreditNoteRequest r, StreamObserver<PdfDocument> out) {
    Violations v = new Violations();
    BillingRequests.id(v, "credit_note_id", r.getCreditNoteId());
    v.throwIfAny();
    reply(out, pdf(prints.creditNote(r.getCreditNoteId(), CurrentUser.get())));
  }

  @Override
  public void discardInvoice(org.hospital.proto.billing.v1.DiscardInvoiceRequest r, StreamObserver<Invoice> out) {
    Violations v = new Violations();
    BillingRequests.id(v, "invoice_id", r.getInvoiceId());
    if (r.getExpectedVersion() < 0) {
      v.add("expected_version", org.hospital.proto.common.v1.FieldViolationCode.OUT_OF_RANGE);
    }
    v.throwIfAny();
    reply(out, BillingMapper.invoice(invoices.discard(r.getInvoiceId(), r.getExpectedVersion(), CurrentUser.get())));
  }

  private static PdfDocument pdf(BillingPrints.Printed p) {
    return PdfDocument.newBuilder().setContent(com.google.protobuf.ByteString.copyFrom(p.pdf().content()))
        .setFileName(p.fileName()).setPages(p.pdf().pages()).build();
  }

  private static <T> void reply(StreamObserver<T> out, T value) {
    out.onNext(value);
    out.onCompleted();
  }
}
