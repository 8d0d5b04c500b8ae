package org.hospital.client.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TableView;
import org.hospital.client.reports.Printouts;
import org.hospital.proto.billing.v1.Charge;
import org.hospital.proto.billing.v1.PaymentMethod;
import org.hospital.proto.billing.v1.PriceItem;
import org.hospital.proto.patients.v1.Patient;
import org.hospital.proto.scheduling.v1.Appointment;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The billing desk end to end as the billing account: a consultation completed by the doctor is waiting as a
 * charge; the clerk finds the patient by MRN, adds a certificate by hand, creates and issues the invoice,
 * takes a partial cash payment, and prints the receipt and the invoice, whose text is checked.
 */
class BillingUiTest extends ClientUiTest {

  private ServerBackdoor desk;
  private ServerBackdoor doctor;

  @AfterEach
  void closeBackdoors() {
    if (desk != null) {
      desk.close();
    }
    if (doctor != null) {
      doctor.close();
    }
  }

  @Test
  void aCompletedConsultationInvoicedPaidInPartAndPrinted() throws Exception {
    desk = new ServerBackdoor("reception");
    doctor = new ServerBackdoor("doctor");
    Patient patient = desk.register(ServerBackdoor.person("Castañeda", "Zoë", 1974, 6, 21, "+1 555 0190"));
    Appointment visit = desk.walkIn(desk.clinician("Dr. Daniel Doctor").getId(), patient.getId());
    doctor.complete(visit);

    signInAndWait("billing");
    openArea("billing");
    setText("#billingSearch", patient.getMrn());
    interact(() -> lookup("#billingSearch").queryAs(javafx.scene.control.TextField.class).fireEvent(
        new javafx.event.ActionEvent()));
    waitUntil(() -> charges().getItems().size() == 1);
    Charge consultation = charges().getItems().getFirst();
    assertEquals("CONS-GEN", consultation.getItemCode());
    assertEquals("70.00", consultation.getTotal());
    assertTrue(text("#billingPatient").startsWith("CASTAÑEDA, Zoë"), text("#billingPatient"));
    screenshot("billing-open-charges");

    interact(() -> items().getSelectionModel().select(items().getItems().stream()
        .filter(p -> p.getItemCode().equals("CERT-MED")).findFirst().orElseThrow()));
    setText("#billingQuantity", "1");
    setText("#billingReason", "Certificate for the employer");
    press("#billingAddCharge");
    waitUntil(() -> charges().getItems().size() == 2);
    assertTrue(text("#billingOpenTotal").contains("100.25"), text("#billingOpenTotal"));

    // a charge entered by mistake is reversed with a reason, not deleted
    interact(() -> items().getSelectionModel().select(items().getItems().stream()
        .filter(p -> p.getItemCode().equals("PROC-INJ")).findFirst().orElseThrow()));
    setText("#billingReason", "Entered at the desk");
    press("#billingAddCharge");
    waitUntil(() -> charges().getItems().size() == 3);
    interact(() -> charges().getSelectionModel().select(charges().getItems().stream()
        .filter(c -> c.getItemCode().equals("PROC-INJ")).findFirst().orElseThrow()));
    setText("#billingReason", "No injection was given");
    press("#billingReverse");
    waitUntil(() -> text("#billingNotice").startsWith("Charge reversed"));
    waitUntil(() -> charges().getItems().size() == 2);
    assertTrue(text("#billingOpenTotal").contains("100.25"), text("#billingOpenTotal"));

    press("#billingCreateInvoice");
    waitUntil(() -> text("#billingNotice").startsWith("Draft invoice created"));
    waitUntil(() -> charges().getItems().isEmpty());
    press("#billingIssue");
    String year = Integer.toString(LocalDate.now().getYear());
    waitUntil(() -> text("#billingNotice").startsWith("Invoice " + year + "-"));
    assertTrue(text("#billingInvoiceSummary").contains("due 100.25"), text("#billingInvoiceSummary"));
    assertEquals(2, lookup("#billingInvoiceLines").queryAs(javafx.scene.control.ListView.class).getItems().size());
    assertEquals("100.25", text("#billingAmount"), "the amount due is offered");
    screenshot("billing-issued");

    interact(() -> lookup("#billingMethod").queryAs(ComboBox.class).setValue(PaymentMethod.CASH));
    setText("#billingAmount", "60");
    press("#billingTakePayment");
    waitUntil(() -> text("#billingNotice").startsWith("Payment of 60.00 EUR taken"));
    assertTrue(text("#billingNotice").contains("40.25 still due"), text("#billingNotice"));
    assertTrue(text("#billingInvoiceSummary").contains("paid 60.00, due 40.25"), text("#billingInvoiceSummary"));
    screenshot("billing-paid");

    press("#billingPrintReceipt");
    waitUntil(() -> text("#billingNotice").startsWith("Saved as receipt-"));
    Path receipt = Printouts.defaultFolder().resolve(text("#billingNotice").substring("Saved as ".length())
        .split(" ")[0]);
    String receiptText = pdfText(Files.readAllBytes(receipt)).replace('\u00a0', ' ').replaceAll(" +", " ");
    assertTrue(receiptText.contains("€ 60.00") && receiptText.contains("€ 40.25"), receiptText);
    assertTrue(receiptText.contains("CASTAÑEDA, Zoë"), receiptText);

    press("#billingPrintInvoice");
    waitUntil(() -> text("#billingNotice").startsWith("Saved as invoice-"));
    Path invoice = Printouts.defaultFolder().resolve(text("#billingNotice").substring("Saved as ".length())
        .split(" ")[0]);
    String invoiceText = pdfText(Files.readAllBytes(invoice));
    assertTrue(invoiceText.contains("CONS-GEN") && invoiceText.contains("CERT-MED"), invoiceText);
    assertTrue(invoiceText.contains(year + "-"), invoiceText);
    Files.createDirectories(Screenshots.DIRECTORY);
    Files.copy(receipt, Screenshots.DIRECTORY.resolve("billing-receipt.pdf"),
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    Files.copy(invoice, Screenshots.DIRECTORY.resolve("billing-invoice.pdf"),
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
  }

  @Test
  void aDraftDiscardedAndAnIssuedInvoiceCreditedAndPrinted() throws Exception {
    desk = new ServerBackdoor("reception");
    doctor = new ServerBackdoor("doctor");
    Patient patient = desk.register(ServerBackdoor.person("Øster", "Åsa", 1981, 3, 9, "+1 555 0191"));
    doctor.complete(desk.walkIn(desk.clinician("Dr. Daniel Doctor").getId(), patient.getId()));

    signInAndWait("billing");
    openArea("billing");
    setText("#billingSearch", patient.getMrn());
    interact(() -> lookup("#billingSearch").queryAs(javafx.scene.control.TextField.class).fireEvent(
        new javafx.event.ActionEvent()));
    waitUntil(() -> charges().getItems().size() == 1);

    press("#billingCreateInvoice");
    waitUntil(() -> charges().getItems().isEmpty());
    press("#billingDiscardDraft");
    waitUntil(() -> text("#billingNotice").startsWith("Draft discarded"));
    waitUntil(() -> charges().getItems().size() == 1);
    assertTrue(text("#billingInvoiceSummary").contains("Discarded draft"), text("#billingInvoiceSummary"));

    press("#billingCreateInvoice");
    waitUntil(() -> charges().getItems().isEmpty());
    press("#billingIssue");
    waitUntil(() -> text("#billingNotice").startsWith("Invoice "));
    setText("#billingCreditReason", "Billed to the wrong insurer");
    press("#billingCreditNote");
    waitUntil(() -> text("#billingNotice").startsWith("Credit note CN-"));
    waitUntil(() -> charges().getItems().size() == 1);
    assertTrue(text("#billingInvoiceSummary").contains("credited 70.00, due 0.00"), text("#billingInvoiceSummary"));
    screenshot("billing-credited");

    press("#billingPrintCreditNote");
    waitUntil(() -> text("#billingNotice").startsWith("Saved as credit-note-"));
    Path note = Printouts.defaultFolder().resolve(text("#billingNotice").substring("Saved as ".length())
        .split(" ")[0]);
    String noteText = pdfText(Files.readAllBytes(note));
    assertTrue(noteText.contains("CREDIT NOTE") && noteText.contains("CONS-GEN")
        && noteText.contains("Billed to the wrong insurer"), noteText);
    Files.createDirectories(Screenshots.DIRECTORY);
    Files.copy(note, Screenshots.DIRECTORY.resolve("billing-credit-note.pdf"),
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
  }

  @SuppressWarnings("unchecked")
  private TableView<Charge> charges() {
    return lookup("#billingCharges").queryAs(TableView.class);
  }

  @SuppressWarnings("unchecked")
  private ComboBox<PriceItem> items() {
    return lookup("#billingItem").queryAs(ComboBox.class);
  }

  private static String pdfText(byte[] pdf) throws Exception {
    try (com.lowagie.text.pdf.PdfReader reader = new com.lowagie.text.pdf.PdfReader(pdf)) {
      var extractor = new com.lowagie.text.pdf.parser.PdfTextExtractor(reader);
      StringBuilder all = new StringBuilder();
      for (int page = 1; page <= reader.getNumberOfPages(); page++) {
        all.append(extractor.getTextFromPage(page)).append('\n');
      }
      return all.toString();
    }
  }
}
