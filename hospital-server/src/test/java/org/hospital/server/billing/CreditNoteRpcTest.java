package org.hospital.server.billing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.hospital.proto.billing.v1.AddManualChargeRequest;
import org.hospital.proto.billing.v1.Charge;
import org.hospital.proto.billing.v1.ChargeStatus;
import org.hospital.proto.billing.v1.CreateInvoiceRequest;
import org.hospital.proto.billing.v1.CreditNote;
import org.hospital.proto.billing.v1.CreditNoteKind;
import org.hospital.proto.billing.v1.DiscardInvoiceRequest;
import org.hospital.proto.billing.v1.GetInvoiceRequest;
import org.hospital.proto.billing.v1.Invoice;
import org.hospital.proto.billing.v1.InvoiceStatus;
import org.hospital.proto.billing.v1.IssueCreditNoteRequest;
import org.hospital.proto.billing.v1.IssueInvoiceRequest;
import org.hospital.proto.billing.v1.ListChargesRequest;
import org.hospital.proto.billing.v1.ListCreditNotesRequest;
import org.hospital.proto.billing.v1.PaymentMethod;
import org.hospital.proto.billing.v1.PrintCreditNoteRequest;
import org.hospital.proto.billing.v1.PrintInvoiceRequest;
import org.hospital.proto.reports.v1.PdfDocument;
import org.hospital.server.testing.Errors;
import org.hospital.server.testing.PdfText;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Credit notes and discarded drafts through the real server, on H2 and PostgreSQL: a correction opens the
 * charges again for a new invoice, a charge in error is reversed, an invoice is credited once and never with
 * payments on it, and a discarded draft gives its charges back.
 */
class CreditNoteRpcTest {

  @ParameterizedTest
  @MethodSource("org.hospital.server.testing.TestDatabases#kinds")
  void correctionReopensChargesAndPrintsACreditNote(String kind) throws Exception {
    try (BillingHospital h = BillingHospital.start(kind, 40)) {
      long patient = h.patients.get(2);
      Invoice issued = issued(h, patient, "PROC-DRESS", 2);
      long auditBefore = h.count("SELECT COUNT(*) FROM audit_entry WHERE action = 'CREDIT_NOTE_ISSUED'");

      CreditNote cn = h.billing("billing").issueCreditNote(credit(issued, CreditNoteKind.CORRECTION,
          "Billed to the wrong insurer"));
      assertTrue(cn.getNumber().matches("CN-\\d{4}-000001"), cn.getNumber());
      assertEquals(issued.getNumber(), cn.getInvoiceNumber());
      assertEquals("-" + issued.getTotal(), cn.getTotal());
      assertEquals(issued.getLinesCount(), cn.getLinesCount());
      assertTrue(cn.getLinesList().stream().allMatch(l -> l.getStatus() == ChargeStatus.OPEN));
      assertEquals(auditBefore + 1, h.count("SELECT COUNT(*) FROM audit_entry WHERE action = 'CREDIT_NOTE_ISSUED'"));

      Invoice after = h.billing("billing").getInvoice(GetInvoiceRequest.newBuilder().setInvoiceId(issued.getId())
          .build());
      assertEquals(InvoiceStatus.ISSUED, after.getStatus());
      assertEquals(issued.getTotal(), after.getTotal(), "an issued invoice never changes");
      assertEquals(issued.getTotal(), after.getCredited());
      assertEquals("0.00", after.getAmountDue());
      assertEquals(issued.getLinesCount(), after.getLinesCount(), "its lines are still what it billed");

      // the charges are open again and go on a new, correct invoice
      Invoice again = h.billing("billing").createInvoice(CreateInvoiceRequest.newBuilder().setPatientId(patient)
          .build());
      assertEquals(issued.getTotal(), again.getTotal());

      // credited once only, and no payment on a credited invoice
      StatusRuntimeException twice = assertThrows(StatusRuntimeException.class, () -> h.billing("billing")
          .issueCreditNote(credit(after, CreditNoteKind.CORRECTION, "again")));
      assertEquals("INVALID_TRANSITION", Errors.info(twice).getReason());
      StatusRuntimeException pay = assertThrows(StatusRuntimeException.class, () -> BillingRpcTest.pay(h, after,
          "1.00", PaymentMethod.CASH, "", BillingHospital.key()));
      assertEquals("EXCEEDS_AMOUNT_DUE", Errors.violations(pay).get("amount"));

      PdfDocument pdf = h.billing("billing").printCreditNote(PrintCreditNoteRequest.newBuilder()
          .setCreditNoteId(cn.getId()).build());
      String text = PdfText.of(pdf.getContent().toByteArray());
      assertTrue(text.contains("CREDIT NOTE") && text.contains(cn.getNumber()) && text.contains(issued.getNumber()),
          text);
      assertTrue(text.contains("-" + issued.getTotal()) && text.contains("Billed to the wrong insurer"), text);
      assertTrue(!text.contains("COPY"), text);
      assertTrue(PdfText.of(h.billing("billing").printCreditNote(PrintCreditNoteRequest.newBuilder()
          .setCreditNoteId(cn.getId()).build()).getContent().toByteArray()).contains("COPY"));
      String dir = System.getProperty("billing.pdf.dir");
      if (dir != null) {
        Files.write(Path.of(dir, "credit-note-" + kind + ".pdf"), pdf.getContent().toByteArray());
      }
      assertTrue(PdfText.of(h.billing("billing").printInvoice(PrintInvoiceRequest.newBuilder()
          .setInvoiceId(issued.getId()).build()).getContent().toByteArray()).contains("PROC-DRESS"));
      assertEquals(1, h.billing("billing").listCreditNotes(ListCreditNotesRequest.newBuilder().setPatientId(patient)
          .build()).getCreditNotesCount());
    }
  }

  @ParameterizedTest
  @MethodSource("org.hospital.server.testing.TestDatabases#kinds")
  void chargedInErrorReversesAndPaymentsOrDraftsAreRefused(String kind) {
    try (BillingHospital h = BillingHospital.start(kind, 40)) {
      long patient = h.patients.get(3);
      Invoice issued = issued(h, patient, "PROC-INJ", 1);
      CreditNote cn = h.billing("billing").issueCreditNote(credit(issued, CreditNoteKind.CHARGED_IN_ERROR,
          "Injection not given"));
      assertTrue(cn.getLinesList().stream().allMatch(l -> l.getStatus() == ChargeStatus.REVERSED));
      List<Charge> open = h.billing("billing").listCharges(ListChargesRequest.newBuilder().setPatientId(patient)
          .build()).getChargesList();
      assertTrue(open.isEmpty(), "nothing left to invoice: " + open);
      assertEquals(1, h.count("SELECT COUNT(*) FROM billing_charge WHERE patient_id = ? AND origin = 'REVERSAL'",
          patient));

      // a paid invoice: payments above what would remain due (nothing) are refused, nothing written
      Invoice paid = issued(h, h.patients.get(4), "PROC-DRESS", 1);
      BillingRpcTest.pay(h, paid, "1.00", PaymentMethod.CASH, "", BillingHospital.key());
      Invoice current = h.billing("billing").getInvoice(GetInvoiceRequest.newBuilder().setInvoiceId(paid.getId())
          .build());
      long notes = h.count("SELECT COUNT(*) FROM billing_credit_note");
      StatusRuntimeException payments = assertThrows(StatusRuntimeException.class, () -> h.billing("billing")
          .issueCreditNote(credit(current, CreditNoteKind.CORRECTION, "wrong")));
      assertEquals(Status.Code.FAILED_PRECONDITION, payments.getStatus().getCode());
      assertEquals("INVOICE_HAS_PAYMENTS", Errors.info(payments).getReason());
      assertEquals("1.00", Errors.info(payments).getMetadataMap().get("paid"));
      StatusRuntimeException stale = assertThrows(StatusRuntimeException.class, () -> h.billing("billing")
          .issueCreditNote(credit(paid, CreditNoteKind.CORRECTION, "wrong")));
      assertEquals("STALE_VERSION", Errors.info(stale).getReason());
      StatusRuntimeException bad = assertThrows(StatusRuntimeException.class, () -> h.billing("billing")
          .issueCreditNote(IssueCreditNoteRequest.newBuilder().setInvoiceId(paid.getId()).build()));
      assertEquals(Status.Code.INVALID_ARGUMENT, bad.getStatus().getCode());
      assertEquals("REQUIRED", Errors.violations(bad).get("kind"));
      assertEquals("REQUIRED", Errors.violations(bad).get("reason"));
      assertEquals("REQUIRED", Errors.violations(bad).get("whole_invoice"));
      StatusRuntimeException denied = assertThrows(StatusRuntimeException.class, () -> h.billing("doctor")
          .issueCreditNote(credit(current, CreditNoteKind.CORRECTION, "wrong")));
      assertEquals(Status.Code.PERMISSION_DENIED, denied.getStatus().getCode());
      assertEquals(notes, h.count("SELECT COUNT(*) FROM billing_credit_note"), "nothing written");

      // a draft is not credited but discarded: its charges are open again, it keeps no number
      Invoice draft = draft(h, h.patients.get(5), "PROC-INJ", 2);
      StatusRuntimeException draftCredit = assertThrows(StatusRuntimeException.class, () -> h.billing("billing")
          .issueCreditNote(credit(draft, CreditNoteKind.CORRECTION, "wrong")));
      assertEquals("INVALID_TRANSITION", Errors.info(draftCredit).getReason());
      StatusRuntimeException staleDiscard = assertThrows(StatusRuntimeException.class, () -> h.billing("billing")
          .discardInvoice(DiscardInvoiceRequest.newBuilder().setInvoiceId(draft.getId())
              .setExpectedVersion(draft.getVersion() + 1).build()));
      assertEquals("STALE_VERSION", Errors.info(staleDiscard).getReason());
      Invoice discarded = h.billing("billing").discardInvoice(DiscardInvoiceRequest.newBuilder()
          .setInvoiceId(draft.getId()).setExpectedVersion(draft.getVersion()).build());
      assertEquals(InvoiceStatus.DISCARDED, discarded.getStatus());
      assertEquals("", discarded.getNumber());
      assertEquals(1, h.billing("billing").listCharges(ListChargesRequest.newBuilder()
          .setPatientId(h.patients.get(5)).build()).getChargesCount());
      assertEquals(1, h.count("SELECT COUNT(*) FROM audit_entry WHERE action = 'INVOICE_DISCARDED'"));
      StatusRuntimeException issuedDiscard = assertThrows(StatusRuntimeException.class, () -> h.billing("billing")
          .discardInvoice(DiscardInvoiceRequest.newBuilder().setInvoiceId(issued.getId())
              .setExpectedVersion(h.billing("billing").getInvoice(GetInvoiceRequest.newBuilder()
                  .setInvoiceId(issued.getId()).build()).getVersion()).build()));
      assertEquals("INVALID_TRANSITION", Errors.info(issuedDiscard).getReason());
      StatusRuntimeException issueDiscarded = assertThrows(StatusRuntimeException.class, () -> h.billing("billing")
          .issueInvoice(IssueInvoiceRequest.newBuilder().setInvoiceId(draft.getId())
              .setExpectedVersion(discarded.getVersion()).build()));
      assertEquals("INVALID_TRANSITION", Errors.info(issueDiscarded).getReason());
    }
  }

  static IssueCreditNoteRequest credit(Invoice invoice, CreditNoteKind kind, String reason) {
    return IssueCreditNoteRequest.newBuilder().setInvoiceId(invoice.getId()).setExpectedVersion(invoice.getVersion())
        .setKind(kind).setReason(reason).setWholeInvoice(true).build();
  }

  static Invoice draft(BillingHospital h, long patient, String item, int quantity) {
    h.billing("billing").addManualCharge(AddManualChargeRequest.newBuilder().setPatientId(patient)
        .setItemCode(item).setQuantity(quantity).setReason("Credit note test").build());
    return h.billing("billing").createInvoice(CreateInvoiceRequest.newBuilder().setPatientId(patient).build());
  }

  static Invoice issued(BillingHospital h, long patient, String item, int quantity) {
    Invoice d = draft(h, patient, item, quantity);
    return h.billing("billing").issueInvoice(IssueInvoiceRequest.newBuilder().setInvoiceId(d.getId())
        .setExpectedVersion(d.getVersion()).build());
  }
}
