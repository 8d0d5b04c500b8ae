package org.hospital.client.billing;

import java.util.List;
import org.hospital.proto.billing.v1.Charge;
import org.hospital.proto.billing.v1.Invoice;
import org.hospital.proto.billing.v1.ListChargesResponse;
import org.hospital.proto.billing.v1.Payment;
import org.hospital.proto.billing.v1.PaymentMethod;
import org.hospital.proto.billing.v1.PriceItem;
import org.hospital.proto.patients.v1.PatientSummary;
import org.hospital.proto.reports.v1.PdfDocument;

/** What the billing desk asks of the server; blocking, called off the FX thread. */
public interface BillingGateway {

  /** Patients for a name or an MRN, through the one patient search. */
  List<PatientSummary> findPatients(String query);

  /** The patient's open charges and their total. */
  ListChargesResponse openCharges(long patientId);

  /** Today's price list. */
  List<PriceItem> prices();

  Charge addCharge(long patientId, String itemCode, int quantity, String reason);

  /** Cancels an open charge by a reversal with the reason; the charge is kept, reversed. */
  Charge reverse(long chargeId, long expectedVersion, String reason);

  /** The patient's invoices, newest first, without lines. */
  List<Invoice> invoices(long patientId);

  Invoice invoice(long invoiceId);

  /** A draft of all the patient's open charges. */
  Invoice createInvoice(long patientId);

  Invoice issue(long invoiceId, long expectedVersion);

  /** A payment; the key makes a retry safe (the server takes it once). */
  Payment pay(String key, long invoiceId, PaymentMethod method, String amount, String reference);

  PdfDocument printInvoice(long invoiceId);

  PdfDocument printReceipt(long paymentId);

  /** Credits the whole issued invoice; {@code chargedInError} reverses its charges, else they open again. */
  org.hospital.proto.billing.v1.CreditNote creditNote(long invoiceId, long expectedVersion, String reason,
      boolean chargedInError);

  /** Discards a draft invoice; its charges are open again. */
  Invoice discard(long invoiceId, long expectedVersion);

  PdfDocument printCreditNote(long creditNoteId);
}
