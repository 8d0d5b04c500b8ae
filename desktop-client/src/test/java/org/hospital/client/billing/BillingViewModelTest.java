package org.hospital.client.billing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hospital.client.reports.Printouts;
import org.hospital.client.testing.Direct;
import org.hospital.client.testing.Failures;
import org.hospital.proto.billing.v1.Charge;
import org.hospital.proto.billing.v1.Invoice;
import org.hospital.proto.billing.v1.InvoiceStatus;
import org.hospital.proto.billing.v1.ListChargesResponse;
import org.hospital.proto.billing.v1.Payment;
import org.hospital.proto.billing.v1.PaymentMethod;
import org.hospital.proto.billing.v1.PriceItem;
import org.hospital.proto.patients.v1.PatientSummary;
import org.hospital.proto.reports.v1.PdfDocument;
import org.junit.jupiter.api.Test;

/** The billing desk without the toolkit: payment keys across retries, and the server's refusals in words. */
class BillingViewModelTest {

  private final List<String> paymentKeys = new ArrayList<>();
  private RuntimeException paymentAnswer;

  private final BillingGateway gateway = new BillingGateway() {
    @Override public List<PatientSummary> findPatients(String query) {
      return List.of(PatientSummary.newBuilder().setId(7).setFamilyName("Nuñez").setGivenNames("Ana").build());
    }
    @Override public ListChargesResponse openCharges(long patientId) {
      return ListChargesResponse.newBuilder().setOpenTotal("0.00").setCurrency("EUR").build();
    }
    @Override public List<PriceItem> prices() { return List.of(); }
    @Override public Charge addCharge(long patientId, String itemCode, int quantity, String reason) {
      throw new UnsupportedOperationException();
    }
    @Override public Charge reverse(long chargeId, long expectedVersion, String reason) {
      throw new UnsupportedOperationException();
    }
    @Override public List<Invoice> invoices(long patientId) { return List.of(issued()); }
    @Override public Invoice invoice(long invoiceId) { return issued(); }
    @Override public Invoice createInvoice(long patientId) { throw new UnsupportedOperationException(); }
    @Override public Invoice issue(long invoiceId, long expectedVersion) { throw new UnsupportedOperationException(); }
    @Override public Payment pay(String key, long invoiceId, PaymentMethod method, String amount, String reference) {
      paymentKeys.add(key);
      if (paymentAnswer != null) {
        throw paymentAnswer;
      }
      return Payment.newBuilder().setId(99).setAmount(amount).setCurrency("EUR").setAmountDueAfter("40.00").build();
    }
    @Override public PdfDocument printInvoice(long invoiceId) { throw new UnsupportedOperationException(); }
    @Override public PdfDocument printReceipt(long paymentId) { throw new UnsupportedOperationException(); }
    @Override public org.hospital.proto.billing.v1.CreditNote creditNote(long invoiceId, long expectedVersion,
        String reason, boolean chargedInError) {
      throw new UnsupportedOperationException();
    }
    @Override public Invoice discard(long invoiceId, long expectedVersion) {
      throw new UnsupportedOperationException();
    }
    @Override public PdfDocument printCreditNote(long creditNoteId) { throw new UnsupportedOperationException(); }
  };

  private static Invoice issued() {
    return Invoice.newBuilder().setId(5).setStatus(InvoiceStatus.ISSUED).setNumber("2026-000001").setTotal("100.00")
        .setPaid("0.00").setAmountDue("100.00").setCurrency("EUR").build();
  }

  private BillingViewModel open() throws Exception {
    Path folder = Files.createTempDirectory("billing-printouts");
    BillingViewModel vm = new BillingViewModel(gateway, Direct.ENGLISH, Direct.ERRORS, Direct.tasks(),
        new Printouts(folder, f -> { }));
    vm.find("nunez");
    assertTrue(vm.openProperty().get());
    return vm;
  }

  @Test
  void aRetryAfterAFailureSendsTheSameKeyAndTheNextPaymentANewOne() throws Exception {
    BillingViewModel vm = open();
    vm.amountProperty().set("60");
    paymentAnswer = Failures.reason(io.grpc.Status.Code.UNAVAILABLE,
        org.hospital.proto.common.v1.ErrorReason.ERROR_REASON_UNSPECIFIED, Map.of());
    vm.takePayment();
    paymentAnswer = null;
    vm.takePayment();
    assertEquals(2, paymentKeys.size());
    assertEquals(paymentKeys.get(0), paymentKeys.get(1), "the retry is the same request");
    assertEquals("Payment of 60 EUR taken; 40.00 still due.", vm.status().noticeProperty().get());
    assertEquals(99, vm.lastPaymentProperty().get().getId());
    vm.amountProperty().set("40");
    vm.takePayment();
    assertNotEquals(paymentKeys.get(1), paymentKeys.get(2), "a new payment has a key of its own");
  }

  @Test
  void anAmountAboveWhatIsDueIsNamedInWords() throws Exception {
    BillingViewModel vm = open();
    vm.amountProperty().set("500");
    paymentAnswer = Failures.invalid(Map.of("amount_due", "100.00"), "amount", "EXCEEDS_AMOUNT_DUE");
    vm.takePayment();
    String error = vm.status().errorProperty().get();
    assertEquals("Amount: Is more than is due on the invoice.", error);
    assertEquals("500", vm.amountProperty().get(), "kept for the clerk to correct");
  }
}
