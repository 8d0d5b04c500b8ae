package org.hospital.client.billing;

import java.util.List;
import java.util.UUID;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.hospital.client.errors.ErrorMessages;
import org.hospital.client.i18n.I18n;
import org.hospital.client.reports.Printouts;
import org.hospital.client.tasks.ActionStatus;
import org.hospital.client.tasks.TaskRunner;
import org.hospital.proto.billing.v1.Charge;
import org.hospital.proto.billing.v1.Invoice;
import org.hospital.proto.billing.v1.InvoiceStatus;
import org.hospital.proto.billing.v1.ListChargesResponse;
import org.hospital.proto.billing.v1.Payment;
import org.hospital.proto.billing.v1.PaymentMethod;
import org.hospital.proto.billing.v1.PriceItem;
import org.hospital.proto.patients.v1.PatientSummary;
import org.hospital.proto.reports.v1.PdfDocument;

/**
 * The billing desk for one patient at a time: find the patient, see the open charges, add a charge by hand
 * (with a reason), put the open charges on an invoice and issue it, take a payment (method, amount, reference)
 * and print the invoice and the receipt. A payment carries a key made when the clerk starts it, so that a retry
 * after a lost answer is never taken twice.
 */
public final class BillingViewModel {

  public static final List<PaymentMethod> METHODS = List.of(PaymentMethod.CASH, PaymentMethod.CARD,
      PaymentMethod.BANK_TRANSFER);

  private final BillingGateway gateway;
  private final I18n i18n;
  private final Printouts printouts;
  private final ErrorMessages errors;
  private final ActionStatus status;
  private final ObservableList<PatientSummary> found = FXCollections.observableArrayList();
  private final ObjectProperty<PatientSummary> patient = new SimpleObjectProperty<>();
  private final ObservableList<Charge> charges = FXCollections.observableArrayList();
  private final StringProperty openTotal = new SimpleStringProperty("");
  private final ObjectProperty<Charge> selectedCharge = new SimpleObjectProperty<>();
  private final ObservableList<PriceItem> prices = FXCollections.observableArrayList();
  private final ObjectProperty<PriceItem> chargeItem = new SimpleObjectProperty<>();
  private final StringProperty chargeQuantity = new SimpleStringProperty("1");
  private final StringProperty chargeReason = new SimpleStringProperty("");
  private final ObservableList<Invoice> invoices = FXCollections.observableArrayList();
  private final ObjectProperty<Invoice> invoice = new SimpleObjectProperty<>();
  private final ObservableList<Charge> invoiceLines = FXCollections.observableArrayList();
  private final ObjectProperty<PaymentMethod> method = new SimpleObjectProperty<>(PaymentMethod.CASH);
  private final StringProperty amount = new SimpleStringProperty("");
  private final StringProperty reference = new SimpleStringProperty("");
  private final ObjectProperty<Payment> lastPayment = new SimpleObjectProperty<>();
  private final BooleanProperty open = new SimpleBooleanProperty(false);
  private final StringProperty creditReason = new SimpleStringProperty("");
  private final BooleanProperty chargedInError = new SimpleBooleanProperty(false);
  private final ObjectProperty<org.hospital.proto.billing.v1.CreditNote> lastCreditNote = new SimpleObjectProperty<>();
  /** The key of the payment being entered; a new one once it is taken, or when what is asked changes. */
  private String paymentKey = newKey();

  public BillingViewModel(BillingGateway gateway, I18n i18n, ErrorMessages errors, TaskRunner tasks,
      Printouts printouts) {
    this.gateway = gateway;
    this.i18n = i18n;
    this.printouts = printouts;
    this.errors = errors;
    this.status = new ActionStatus(tasks, errors);
    invoice.subscribe(inv -> invoiceLines.setAll(inv == null ? List.of() : inv.getLinesList()));
    amount.subscribe(a -> paymentKey = newKey());
    method.subscribe(m -> paymentKey = newKey());
    reference.subscribe(r -> paymentKey = newKey());
  }

  /** A name or MRN typed (or scanned): one match opens at once. */
  public void find(String query) {
    String q = query.strip();
    if (q.isEmpty()) {
      return;
    }
    run(() -> gateway.findPatients(q), results -> {
      found.setAll(results);
      if (results.size() == 1) {
        openPatient(results.getFirst());
        return "";
      }
      return results.isEmpty() ? i18n.get("billing.noPatient") : i18n.format("billing.patientsFound",
          results.size());
    });
  }

  public void openPatient(PatientSummary p) {
    run(() -> {
      List<Invoice> list = gateway.invoices(p.getId());
      // the newest invoice with its lines and payments: the one the clerk most likely works on
      Invoice latest = list.isEmpty() ? null : gateway.invoice(list.getFirst().getId());
      return new Opened(new Account(gateway.openCharges(p.getId()), list,
          prices.isEmpty() ? gateway.prices() : List.copyOf(prices)), latest);
    }, o -> {
          Account a = o.account();
          patient.set(p);
          show(a);
          invoice.set(o.latest());
          lastPayment.set(null);
          open.set(true);
          return "";
        });
  }

  private record Account(ListChargesResponse charges, List<Invoice> invoices, List<PriceItem> prices) {}

  private record Opened(Account account, Invoice latest) {}

  private void show(Account a) {
    charges.setAll(a.charges().getChargesList());
    openTotal.set(a.charges().getOpenTotal() + " " + a.charges().getCurrency());
    invoices.setAll(a.invoices());
    if (prices.isEmpty()) {
      prices.setAll(a.prices());
    }
  }

  public void addCharge() {
    PatientSummary p = patient.get();
    PriceItem item = chargeItem.get();
    if (p == null || item == null) {
      status.refuse(i18n.get("billing.chooseItem"));
      return;
    }
    int quantity;
    try {
      quantity = Integer.parseInt(chargeQuantity.get().strip());
    } catch (NumberFormatException e) {
      status.refuse(i18n.get("billing.quantityNumber"));
      return;
    }
    String reason = chargeReason.get();
    run(() -> {
      Charge c = gateway.addCharge(p.getId(), item.getItemCode(), quantity, reason);
      return new Added(c, reload(p.getId()));
    }, added -> {
      show(added.account());
      chargeReason.set("");
      chargeQuantity.set("1");
      return i18n.format("billing.chargeAdded", added.charge().getDescription(), added.charge().getTotal());
    });
  }

  private record Added(Charge charge, Account account) {}

  /** Reverses the selected open charge; the reason field says why (a reversal, like a manual charge, needs one). */
  public void reverseSelected() {
    PatientSummary p = patient.get();
    Charge c = selectedCharge.get();
    if (p == null || c == null) {
      status.refuse(i18n.get("billing.selectCharge"));
      return;
    }
    String reason = chargeReason.get();
    run(() -> new Added(gateway.reverse(c.getId(), c.getVersion(), reason), reload(p.getId())), done -> {
      show(done.account());
      chargeReason.set("");
      return i18n.format("billing.reversed", c.getDescription(), c.getTotal());
    });
  }

  public void createInvoice() {
    PatientSummary p = patient.get();
    if (p == null) {
      return;
    }
    run(() -> {
      Invoice draft = gateway.createInvoice(p.getId());
      return new Changed(draft, reload(p.getId()));
    }, c -> {
      show(c.account());
      invoice.set(c.invoice());
      return i18n.format("billing.draftCreated", c.invoice().getTotal(), c.invoice().getCurrency());
    });
  }

  private record Changed(Invoice invoice, Account account) {}

  public void issueInvoice() {
    Invoice current = invoice.get();
    PatientSummary p = patient.get();
    if (current == null || current.getStatus() != InvoiceStatus.DRAFT || p == null) {
      status.refuse(i18n.get("billing.noDraft"));
      return;
    }
    run(() -> new Changed(gateway.issue(current.getId(), current.getVersion()), reload(p.getId())), c -> {
      show(c.account());
      invoice.set(c.invoice());
      amount.set(c.invoice().getAmountDue());
      return i18n.format("billing.issued", c.invoice().getNumber());
    });
  }

  public void takePayment() {
    Invoice current = invoice.get();
    if (current == null || current.getStatus() != InvoiceStatus.ISSUED) {
      status.refuse(i18n.get("billing.noIssued"));
      return;
    }
    String key = paymentKey;
    PaymentMethod m = method.get();
    String a = amount.get().strip().replace(',', '.');
    String r = reference.get().strip();
    run(() -> new Paid(gateway.pay(key, current.getId(), m, a, r), gateway.invoice(current.getId())), paid -> {
      lastPayment.set(paid.payment());
      invoice.set(paid.invoice());
      paymentKey = newKey();
      amount.set("");
      reference.set("");
      return i18n.format("billing.paid", paid.payment().getAmount(), paid.payment().getCurrency(),
          paid.payment().getAmountDueAfter());
    });
  }

  private record Paid(Payment payment, Invoice invoice) {}

  /** Prints the current invoice: saved as PDF and opened in the system's viewer. */
  public void printInvoice() {
    Invoice current = invoice.get();
    if (current == null || current.getStatus() != InvoiceStatus.ISSUED) {
      status.refuse(i18n.get("billing.noIssued"));
      return;
    }
    print(() -> gateway.printInvoice(current.getId()));
  }

  /** Credits the whole issued invoice with the reason typed; its charges open again or are reversed. */
  public void creditNote() {
    Invoice current = invoice.get();
    PatientSummary p = patient.get();
    if (current == null || current.getStatus() != InvoiceStatus.ISSUED || p == null) {
      status.refuse(i18n.get("billing.noIssued"));
      return;
    }
    String reason = creditReason.get().strip();
    boolean wrong = chargedInError.get();
    run(() -> new Credited(gateway.creditNote(current.getId(), current.getVersion(), reason, wrong),
        gateway.invoice(current.getId()), reload(p.getId())), c -> {
          show(c.account());
          invoice.set(c.invoice());
          lastCreditNote.set(c.note());
          amount.set("");
          creditReason.set("");
          chargedInError.set(false);
          return i18n.format("billing.credited", c.note().getNumber(), c.invoice().getNumber());
        });
  }

  private record Credited(org.hospital.proto.billing.v1.CreditNote note, Invoice invoice, Account account) {}

  /** Discards the current draft: it never gets a number, its charges are open again. */
  public void discardDraft() {
    Invoice current = invoice.get();
    PatientSummary p = patient.get();
    if (current == null || current.getStatus() != InvoiceStatus.DRAFT || p == null) {
      status.refuse(i18n.get("billing.noDraft"));
      return;
    }
    run(() -> new Changed(gateway.discard(current.getId(), current.getVersion()), reload(p.getId())), c -> {
      show(c.account());
      invoice.set(c.invoice());
      return i18n.get("billing.discarded");
    });
  }

  public void printCreditNote() {
    org.hospital.proto.billing.v1.CreditNote n = lastCreditNote.get();
    if (n == null) {
      return;
    }
    print(() -> gateway.printCreditNote(n.getId()));
  }

  public void printReceipt() {
    Payment p = lastPayment.get();
    if (p == null) {
      status.refuse(i18n.get("billing.noPayment"));
      return;
    }
    print(() -> gateway.printReceipt(p.getId()));
  }

  private void print(java.util.concurrent.Callable<PdfDocument> render) {
    run(() -> {
      PdfDocument pdf = render.call();
      return printouts.save(pdf.getFileName(), pdf.getContent().toByteArray());
    }, file -> {
      printouts.open(file);
      return i18n.format("billing.printed", file.getFileName());
    });
  }

  /** Runs a call; refusals that name fields say which field and why ("Amount: Is more than is due"). */
  private <T> void run(java.util.concurrent.Callable<T> work, java.util.function.Function<? super T, String> success) {
    status.run(work, success, failure -> errors.describeByField(failure, "billing.field.", errors::fieldMessage));
  }

  private Account reload(long patientId) {
    return new Account(gateway.openCharges(patientId), gateway.invoices(patientId), List.copyOf(prices));
  }

  private static String newKey() {
    return UUID.randomUUID().toString();
  }

  public ActionStatus status() { return status; }
  public ObservableList<PatientSummary> found() { return found; }
  public ObjectProperty<PatientSummary> patientProperty() { return patient; }
  public ObservableList<Charge> charges() { return charges; }
  public StringProperty openTotalProperty() { return openTotal; }
  public ObjectProperty<Charge> selectedChargeProperty() { return selectedCharge; }
  public ObservableList<PriceItem> prices() { return prices; }
  public ObjectProperty<PriceItem> chargeItemProperty() { return chargeItem; }
  public StringProperty chargeQuantityProperty() { return chargeQuantity; }
  public StringProperty chargeReasonProperty() { return chargeReason; }
  public ObservableList<Invoice> invoices() { return invoices; }
  public ObjectProperty<Invoice> invoiceProperty() { return invoice; }
  /** The current invoice's lines. */
  public ObservableList<Charge> invoiceLines() { return invoiceLines; }
  public ObjectProperty<PaymentMethod> methodProperty() { return method; }
  public StringProperty amountProperty() { return amount; }
  public StringProperty referenceProperty() { return reference; }
  public ObjectProperty<Payment> lastPaymentProperty() { return lastPayment; }
  public BooleanProperty openProperty() { return open; }
  public StringProperty creditReasonProperty() { return creditReason; }
  public BooleanProperty chargedInErrorProperty() { return chargedInError; }
  public ObjectProperty<org.hospital.proto.billing.v1.CreditNote> lastCreditNoteProperty() { return lastCreditNote; }
}
