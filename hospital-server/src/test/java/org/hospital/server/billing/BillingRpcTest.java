package org.hospital.server.billing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Supplier;
import org.hospital.proto.billing.v1.AddManualChargeRequest;
import org.hospital.proto.billing.v1.Charge;
import org.hospital.proto.billing.v1.ChargeOrigin;
import org.hospital.proto.billing.v1.ChargeStatus;
import org.hospital.proto.billing.v1.CreateInvoiceRequest;
import org.hospital.proto.billing.v1.GetInvoiceRequest;
import org.hospital.proto.billing.v1.Invoice;
import org.hospital.proto.billing.v1.InvoiceStatus;
import org.hospital.proto.billing.v1.IssueInvoiceRequest;
import org.hospital.proto.billing.v1.ListChargesRequest;
import org.hospital.proto.billing.v1.ListChargesResponse;
import org.hospital.proto.billing.v1.ListPricesRequest;
import org.hospital.proto.billing.v1.Payment;
import org.hospital.proto.billing.v1.PaymentMethod;
import org.hospital.proto.billing.v1.PriceCategory;
import org.hospital.proto.billing.v1.PrintInvoiceRequest;
import org.hospital.proto.billing.v1.PrintReceiptRequest;
import org.hospital.proto.billing.v1.ReverseChargeRequest;
import org.hospital.proto.billing.v1.SetPriceRequest;
import org.hospital.proto.billing.v1.TakePaymentRequest;
import org.hospital.proto.common.v1.Date;
import org.hospital.proto.reports.v1.PdfDocument;
import org.hospital.proto.scheduling.v1.Appointment;
import org.hospital.proto.scheduling.v1.ListCliniciansRequest;
import org.hospital.proto.scheduling.v1.VisitType;
import org.hospital.server.persistence.UniqueViolation;
import org.hospital.server.testing.Errors;
import org.hospital.server.testing.PdfText;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The billing office through the real server on H2 and PostgreSQL: a completed consultation becomes one charge
 * at the price of its day; manual charges and reversals; a draft invoice issued with the year's next number
 * and then final; partial payments up to the amount due, idempotent by key; invoice and receipt PDFs, reprints
 * marked COPY; bad input refused with field details and nothing written; clinicians kept out.
 */
class BillingRpcTest {

  @ParameterizedTest
  @MethodSource("org.hospital.server.testing.TestDatabases#kinds")
  void fromConsultationToReceipt(String kind) throws Exception {
    try (BillingHospital h = BillingHospital.start(kind, 40)) {
      long patient = h.patients.get(3);
      LocalDate today = LocalDate.now(ZoneId.of(h.scheduling("reception")
          .listClinicians(ListCliniciansRequest.getDefaultInstance()).getTimeZone()));

      // completing the consultation charges it, once, at the new-patient price of the demo list
      Appointment visit = h.consultation(patient, VisitType.NEW_PATIENT);
      ListChargesResponse open = h.billing("billing").listCharges(ListChargesRequest.newBuilder()
          .setPatientId(patient).build());
      assertEquals(1, open.getChargesCount(), open.toString());
      Charge captured = open.getCharges(0);
      assertEquals(ChargeOrigin.CAPTURED, captured.getOrigin());
      assertEquals("CONS-NEW", captured.getItemCode());
      assertEquals("95.00", captured.getTotal());
      assertEquals(visit.getId(), captured.getAppointmentId());
      assertEquals("EUR", open.getCurrency());
      assertEquals(1, h.count("SELECT COUNT(*) FROM audit_entry WHERE action = 'CHARGE_CAPTURED' AND patient_id = ?",
          patient));
      // the database refuses a second charge of the same event
      SQLException twice = assertThrows(SQLException.class, () -> insertCharge(h, patient,
          ChargeCapture.consultationKey(visit.getId())));
      assertTrue(UniqueViolation.of(twice, "billing_charge_source_unique"), twice.toString());

      // a new price from today applies to new charges only
      h.billing("admin").setPrice(SetPriceRequest.newBuilder().setItemCode("CONS-NEW")
          .setDescription("Consultation, new patient").setCategory(PriceCategory.CONSULTATION).setUnitPrice("99.5")
          .setTaxRate("0").setValidFrom(date(today)).build());
      assertEquals("99.50", h.billing("billing").listPrices(ListPricesRequest.getDefaultInstance()).getItemsList()
          .stream().filter(p -> p.getItemCode().equals("CONS-NEW")).findFirst().orElseThrow().getUnitPrice());
      Charge certificate = h.billing("billing").addManualCharge(AddManualChargeRequest.newBuilder()
          .setPatientId(patient).setItemCode("CERT-MED").setQuantity(2).setReason("Two copies for the employer")
          .build());
      assertEquals("50.00", certificate.getNetAmount());
      assertEquals("10.50", certificate.getTaxAmount());
      assertEquals("60.50", certificate.getTotal());
      Charge mistaken = h.billing("billing").addManualCharge(AddManualChargeRequest.newBuilder()
          .setPatientId(patient).setItemCode("PROC-ECG").setQuantity(1).setReason("Entered at the desk").build());
      Charge reversal = h.billing("billing").reverseCharge(ReverseChargeRequest.newBuilder()
          .setChargeId(mistaken.getId()).setExpectedVersion(mistaken.getVersion()).setReason("No ECG was done")
          .build());
      assertEquals("-48.50", reversal.getTotal());
      assertEquals(mistaken.getId(), reversal.getReversesChargeId());
      StatusRuntimeException again = assertThrows(StatusRuntimeException.class, () -> h.billing("billing")
          .reverseCharge(ReverseChargeRequest.newBuilder().setChargeId(mistaken.getId()).setExpectedVersion(1)
              .setReason("again").build()));
      assertEquals("INVALID_TRANSITION", Errors.info(again).getReason());
      assertEquals("95.00", captured.getTotal(), "the charge made before the new price keeps its own");
      ListChargesResponse all = h.billing("billing").listCharges(ListChargesRequest.newBuilder()
          .setPatientId(patient).setIncludeClosed(true).build());
      assertEquals(4, all.getChargesCount());
      assertEquals("155.50", h.billing("billing").listCharges(ListChargesRequest.newBuilder().setPatientId(patient)
          .build()).getOpenTotal());

      // the draft gathers the open charges; issuing numbers it; then it is final
      Invoice draft = h.billing("billing").createInvoice(CreateInvoiceRequest.newBuilder().setPatientId(patient)
          .build());
      assertEquals(InvoiceStatus.DRAFT, draft.getStatus());
      assertEquals(2, draft.getLinesCount());
      assertEquals("155.50", draft.getTotal());
      assertEquals("", draft.getNumber());
      StatusRuntimeException nothing = assertThrows(StatusRuntimeException.class, () -> h.billing("billing")
          .createInvoice(CreateInvoiceRequest.newBuilder().setPatientId(patient).build()));
      assertEquals(Status.Code.FAILED_PRECONDITION, nothing.getStatus().getCode());
      assertEquals("NO_OPEN_CHARGES", Errors.info(nothing).getReason());
      StatusRuntimeException onDraft = assertThrows(StatusRuntimeException.class, () -> pay(h, draft, "10",
          PaymentMethod.CASH, "", BillingHospital.key()));
      assertEquals("INVALID_TRANSITION", Errors.info(onDraft).getReason());
      StatusRuntimeException stale = assertThrows(StatusRuntimeException.class, () -> h.billing("billing")
          .issueInvoice(IssueInvoiceRequest.newBuilder().setInvoiceId(draft.getId())
              .setExpectedVersion(draft.getVersion() + 1).build()));
      assertEquals(Status.Code.ABORTED, stale.getStatus().getCode());
      Invoice issued = h.billing("billing").issueInvoice(IssueInvoiceRequest.newBuilder()
          .setInvoiceId(draft.getId()).setExpectedVersion(draft.getVersion()).build());
      assertEquals(InvoiceStatus.ISSUED, issued.getStatus());
      assertEquals(today.getYear() + "-000001", issued.getNumber());
      StatusRuntimeException reissue = assertThrows(StatusRuntimeException.class, () -> h.billing("billing")
          .issueInvoice(IssueInvoiceRequest.newBuilder().setInvoiceId(issued.getId())
              .setExpectedVersion(issued.getVersion()).build()));
      assertEquals("INVALID_TRANSITION", Errors.info(reissue).getReason());

      // payments: positive, not above what is due, taken once per key
      long paymentsBefore = h.count("SELECT COUNT(*) FROM billing_payment");
      assertEquals("INVALID_AMOUNT", amountViolation(() -> pay(h, issued, "0", PaymentMethod.CASH, "",
          BillingHospital.key())));
      assertEquals("INVALID_AMOUNT", amountViolation(() -> pay(h, issued, "-5", PaymentMethod.CASH, "",
          BillingHospital.key())));
      assertEquals("INVALID_AMOUNT", amountViolation(() -> pay(h, issued, "10.005", PaymentMethod.CASH, "",
          BillingHospital.key())));
      StatusRuntimeException tooMuch = assertThrows(StatusRuntimeException.class, () -> pay(h, issued, "155.51",
          PaymentMethod.CASH, "", BillingHospital.key()));
      assertEquals("EXCEEDS_AMOUNT_DUE", Errors.violations(tooMuch).get("amount"));
      assertEquals("155.50", Errors.info(tooMuch).getMetadataMap().get("amount_due"));
      StatusRuntimeException noReference = assertThrows(StatusRuntimeException.class, () -> pay(h, issued, "10",
          PaymentMethod.CARD, "", BillingHospital.key()));
      assertEquals("REQUIRED", Errors.violations(noReference).get("reference"));
      assertEquals(paymentsBefore, h.count("SELECT COUNT(*) FROM billing_payment"), "refusals write nothing");

      String key = BillingHospital.key();
      Payment cash = pay(h, issued, "100", PaymentMethod.CASH, "", key);
      assertEquals("55.50", cash.getAmountDueAfter());
      assertEquals(cash.getId(), pay(h, issued, "100", PaymentMethod.CASH, "", key).getId(), "a retry");
      assertEquals(paymentsBefore + 1, h.count("SELECT COUNT(*) FROM billing_payment"), "a retry takes nothing");
      Payment card = pay(h, issued, "55.50", PaymentMethod.CARD, "TERM-7 AUTH 123456", BillingHospital.key());
      assertEquals("0.00", card.getAmountDueAfter());
      Invoice settled = h.billing("billing").getInvoice(GetInvoiceRequest.newBuilder().setInvoiceId(issued.getId())
          .build());
      assertEquals("155.50", settled.getPaid());
      assertEquals("0.00", settled.getAmountDue());
      assertEquals(2, settled.getPaymentsCount());

      // the printed invoice and receipt; the second print of each says COPY
      PdfDocument invoicePdf = h.billing("billing").printInvoice(PrintInvoiceRequest.newBuilder()
          .setInvoiceId(issued.getId()).build());
      String text = PdfText.of(invoicePdf.getContent().toByteArray());
      assertTrue(text.contains(issued.getNumber()), text);
      assertTrue(text.contains("€"), text);
      assertTrue(text.contains("CONS-NEW") && text.contains("CERT-MED"), text);
      assertTrue(!text.contains("COPY"), text);
      String copy = PdfText.of(h.billing("billing").printInvoice(PrintInvoiceRequest.newBuilder()
          .setInvoiceId(issued.getId()).build()).getContent().toByteArray());
      assertTrue(copy.contains("COPY"), copy);
      PdfDocument receipt = h.billing("billing").printReceipt(PrintReceiptRequest.newBuilder()
          .setPaymentId(cash.getId()).build());
      String receiptText = PdfText.of(receipt.getContent().toByteArray());
      assertTrue(receiptText.contains("100.00") && receiptText.contains("55.50"), receiptText);
      Path out = Path.of("target", "reports");
      Files.createDirectories(out);
      Files.write(out.resolve("invoice-" + kind + ".pdf"), invoicePdf.getContent().toByteArray());
      Files.write(out.resolve("receipt-" + kind + ".pdf"), receipt.getContent().toByteArray());
    }
  }

  @ParameterizedTest
  @MethodSource("org.hospital.server.testing.TestDatabases#kinds")
  void refusesBadInputAndClinicians(String kind) {
    try (BillingHospital h = BillingHospital.start(kind, 40)) {
      long patient = h.patients.get(1);
      long before = h.count("SELECT COUNT(*) FROM billing_charge");
      StatusRuntimeException empty = assertThrows(StatusRuntimeException.class, () -> h.billing("billing")
          .addManualCharge(AddManualChargeRequest.getDefaultInstance()));
      assertEquals(Status.Code.INVALID_ARGUMENT, empty.getStatus().getCode());
      assertEquals("REQUIRED", Errors.violations(empty).get("patient_id"));
      assertEquals("REQUIRED", Errors.violations(empty).get("item_code"));
      assertEquals("REQUIRED", Errors.violations(empty).get("quantity"));
      assertEquals("REQUIRED", Errors.violations(empty).get("reason"));
      StatusRuntimeException unknownItem = assertThrows(StatusRuntimeException.class, () -> h.billing("billing")
          .addManualCharge(AddManualChargeRequest.newBuilder().setPatientId(patient).setItemCode("NO-SUCH-ITEM")
              .setQuantity(1).setReason("test").build()));
      assertEquals("UNKNOWN_VALUE", Errors.violations(unknownItem).get("item_code"));
      StatusRuntimeException unknownPatient = assertThrows(StatusRuntimeException.class, () -> h.billing("billing")
          .addManualCharge(AddManualChargeRequest.newBuilder().setPatientId(987_654_321L).setItemCode("PROC-INJ")
              .setQuantity(1).setReason("test").build()));
      assertEquals("UNKNOWN_ID", Errors.violations(unknownPatient).get("patient_id"));
      StatusRuntimeException past = assertThrows(StatusRuntimeException.class, () -> h.billing("admin")
          .setPrice(SetPriceRequest.newBuilder().setItemCode("PROC-INJ").setDescription("Injection")
              .setCategory(PriceCategory.PROCEDURE).setUnitPrice("1e3").setTaxRate("101")
              .setValidFrom(Date.newBuilder().setYear(2021).setMonth(1).setDay(1)).build()));
      assertEquals("INVALID_AMOUNT", Errors.violations(past).get("unit_price"));
      assertEquals("OUT_OF_RANGE", Errors.violations(past).get("tax_rate"));
      assertEquals("IN_PAST", Errors.violations(past).get("valid_from"));
      assertEquals(before, h.count("SELECT COUNT(*) FROM billing_charge"), "nothing written");

      for (String clinician : List.of("doctor", "nurse", "reception")) {
        StatusRuntimeException denied = assertThrows(StatusRuntimeException.class, () -> h.billing(clinician)
            .listCharges(ListChargesRequest.newBuilder().setPatientId(patient).build()));
        assertEquals(Status.Code.PERMISSION_DENIED, denied.getStatus().getCode(), clinician);
      }
      StatusRuntimeException notFound = assertThrows(StatusRuntimeException.class, () -> h.billing("billing")
          .getInvoice(GetInvoiceRequest.newBuilder().setInvoiceId(987_654_321L).build()));
      assertEquals(Status.Code.NOT_FOUND, notFound.getStatus().getCode());
    }
  }

  private static String amountViolation(Supplier<Payment> call) {
    StatusRuntimeException e = assertThrows(StatusRuntimeException.class, call::get);
    assertEquals(Status.Code.INVALID_ARGUMENT, e.getStatus().getCode());
    return Errors.violations(e).get("amount");
  }

  static Payment pay(BillingHospital h, Invoice invoice, String amount, PaymentMethod method, String reference,
      String key) {
    return h.billing("billing").takePayment(TakePaymentRequest.newBuilder().setIdempotencyKey(key)
        .setInvoiceId(invoice.getId()).setAmount(amount).setMethod(method).setReference(reference).build());
  }

  private static void insertCharge(BillingHospital h, long patient, String sourceKey) throws SQLException {
    try (Connection c = h.server.server().database().dataSource().getConnection();
        PreparedStatement ps = c.prepareStatement("INSERT INTO billing_charge (id, patient_id, source_key, origin,"
            + " item_code, description, quantity, unit_price, tax_rate, net_amount, tax_amount, total, currency,"
            + " service_date, status, created_at, created_by, version) VALUES (999999, ?, ?, 'CAPTURED', 'CONS-NEW',"
            + " 'x', 1, 1, 0, 1, 0, 1, 'EUR', CURRENT_DATE, 'OPEN', CURRENT_TIMESTAMP, 'test', 0)")) {
      ps.setLong(1, patient);
      ps.setString(2, sourceKey);
      ps.executeUpdate();
    }
  }

  static Date date(LocalDate d) {
    return Date.newBuilder().setYear(d.getYear()).setMonth(d.getMonthValue()).setDay(d.getDayOfMonth()).build();
  }
}
