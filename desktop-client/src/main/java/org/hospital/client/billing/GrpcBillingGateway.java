package org.hospital.client.billing;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.hospital.client.connection.ServerConnection;
import org.hospital.client.patients.PatientDirectory;
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
import org.hospital.proto.billing.v1.ListPricesRequest;
import org.hospital.proto.billing.v1.Payment;
import org.hospital.proto.billing.v1.PaymentMethod;
import org.hospital.proto.billing.v1.PriceItem;
import org.hospital.proto.billing.v1.PrintInvoiceRequest;
import org.hospital.proto.billing.v1.PrintReceiptRequest;
import org.hospital.proto.billing.v1.TakePaymentRequest;
import org.hospital.proto.patients.v1.PatientSummary;
import org.hospital.proto.reports.v1.PdfDocument;

/** {@link BillingGateway} over the BillingService RPCs; the channel adds the session and the default deadline. */
public final class GrpcBillingGateway implements BillingGateway {

  /** Longer for prints: the server compiles a template on its first use (a second or two). */
  private static final long PRINT_DEADLINE_SECONDS = 20;

  private final ServerConnection connection;
  private final PatientDirectory patients;

  public GrpcBillingGateway(ServerConnection connection, PatientDirectory patients) {
    this.connection = connection;
    this.patients = patients;
  }

  @Override
  public List<PatientSummary> findPatients(String query) {
    return patients.search(query, "").getResultsList();
  }

  @Override
  public ListChargesResponse openCharges(long patientId) {
    return billing().listCharges(ListChargesRequest.newBuilder().setPatientId(patientId).build());
  }

  @Override
  public List<PriceItem> prices() {
    return billing().listPrices(ListPricesRequest.getDefaultInstance()).getItemsList();
  }

  @Override
  public Charge addCharge(long patientId, String itemCode, int quantity, String reason) {
    return billing().addManualCharge(AddManualChargeRequest.newBuilder().setPatientId(patientId)
        .setItemCode(itemCode).setQuantity(quantity).setReason(reason).build());
  }

  @Override
  public Charge reverse(long chargeId, long expectedVersion, String reason) {
    return billing().reverseCharge(org.hospital.proto.billing.v1.ReverseChargeRequest.newBuilder()
        .setChargeId(chargeId).setExpectedVersion(expectedVersion).setReason(reason).build());
  }

  @Override
  public List<Invoice> invoices(long patientId) {
    return billing().listInvoices(ListInvoicesRequest.newBuilder().setPatientId(patientId).build())
        .getInvoicesList();
  }

  @Override
  public Invoice invoice(long invoiceId) {
    return billing().getInvoice(GetInvoiceRequest.newBuilder().setInvoiceId(invoiceId).build());
  }

  @Override
  public Invoice createInvoice(long patientId) {
    return billing().createInvoice(CreateInvoiceRequest.newBuilder().setPatientId(patientId).build());
  }

  @Override
  public Invoice issue(long invoiceId, long expectedVersion) {
    return billing().issueInvoice(IssueInvoiceRequest.newBuilder().setInvoiceId(invoiceId)
        .setExpectedVersion(expectedVersion).build());
  }

  @Override
  public Payment pay(String key, long invoiceId, PaymentMethod method, String amount, String reference) {
    return billing().takePayment(TakePaymentRequest.newBuilder().setIdempotencyKey(key).setInvoiceId(invoiceId)
        .setMethod(method).setAmount(amount).setReference(reference).build());
  }

  @Override
  public PdfDocument printInvoice(long invoiceId) {
    return billing().withDeadlineAfter(PRINT_DEADLINE_SECONDS, TimeUnit.SECONDS)
        .printInvoice(PrintInvoiceRequest.newBuilder().setInvoiceId(invoiceId).build());
  }

  @Override
  public PdfDocument printReceipt(long paymentId) {
    return billing().withDeadlineAfter(PRINT_DEADLINE_SECONDS, TimeUnit.SECONDS)
        .printReceipt(PrintReceiptRequest.newBuilder().setPaymentId(paymentId).build());
  }

  @Override
  public org.hospital.proto.billing.v1.CreditNote creditNote(long invoiceId, long expectedVersion, String reason,
      boolean chargedInError) {
    return billing().issueCreditNote(org.hospital.proto.billing.v1.IssueCreditNoteRequest.newBuilder()
        .setInvoiceId(invoiceId).setExpectedVersion(expectedVersion).setReason(reason).setWholeInvoice(true)
        .setKind(chargedInError ? org.hospital.proto.billing.v1.CreditNoteKind.CHARGED_IN_ERROR
            : org.hospital.proto.billing.v1.CreditNoteKind.CORRECTION).build());
  }

  @Override
  public Invoice discard(long invoiceId, long expectedVersion) {
    return billing().discardInvoice(org.hospital.proto.billing.v1.DiscardInvoiceRequest.newBuilder()
        .setInvoiceId(invoiceId).setExpectedVersion(expectedVersion).build());
  }

  @Override
  public PdfDocument printCreditNote(long creditNoteId) {
    return billing().withDeadlineAfter(PRINT_DEADLINE_SECONDS, TimeUnit.SECONDS)
        .printCreditNote(org.hospital.proto.billing.v1.PrintCreditNoteRequest.newBuilder()
            .setCreditNoteId(creditNoteId).build());
  }

  private BillingServiceGrpc.BillingServiceBlockingStub billing() {
    return BillingServiceGrpc.newBlockingStub(connection.channel());
  }
}
