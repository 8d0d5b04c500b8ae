package org.hospital.client.billing;

import atlantafx.base.theme.Styles;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.hospital.client.i18n.I18n;
import org.hospital.client.patients.PatientChoiceList;
import org.hospital.client.ui.Banner;
import org.hospital.proto.billing.v1.Charge;
import org.hospital.proto.billing.v1.Invoice;
import org.hospital.proto.billing.v1.InvoiceStatus;
import org.hospital.proto.billing.v1.PaymentMethod;
import org.hospital.proto.billing.v1.PriceItem;
import org.hospital.proto.patients.v1.PatientSummary;

/**
 * The Billing area: find a patient by name or MRN, then their open charges (with a manual charge below), and
 * beside them the invoice (create, issue, print) and the payment (method, amount, reference, Enter takes it).
 */
public final class BillingAreaView extends VBox {

  private final BillingViewModel vm;
  private final I18n i18n;

  public BillingAreaView(BillingViewModel vm, I18n i18n) {
    this.vm = vm;
    this.i18n = i18n;
    setId("billingArea");
    getStyleClass().add("area");
    setSpacing(8);

    TextField search = new TextField();
    search.setId("billingSearch");
    search.setPromptText(i18n.get("billing.searchPrompt"));
    search.setOnAction(e -> vm.find(search.getText()));
    HBox.setHgrow(search, Priority.ALWAYS);
    Button find = new Button(i18n.get("billing.find"));
    find.setOnAction(e -> vm.find(search.getText()));
    Styles.toggleStyleClass(find, Styles.ACCENT);
    HBox bar = new HBox(8, search, find);
    bar.setAlignment(Pos.CENTER_LEFT);

    PatientChoiceList found = new PatientChoiceList(vm.found(), vm.openProperty(), vm::openPatient);
    found.setId("billingFound");

    Banner error = new Banner(Banner.Kind.DANGER, vm.status().errorProperty());
    error.setId("billingError");
    Banner notice = new Banner(Banner.Kind.SUCCESS, vm.status().noticeProperty());
    notice.setId("billingNotice");

    Label patient = new Label();
    patient.setId("billingPatient");
    patient.getStyleClass().add(Styles.TITLE_4);
    vm.patientProperty().subscribe(p -> patient.setText(p == null ? "" : PatientChoiceList.name(p) + "   MRN " + p.getMrn()));

    HBox account = new HBox(16, charges(), invoiceAndPayment());
    VBox.setVgrow(account, Priority.ALWAYS);
    VBox accountPane = new VBox(8, patient, account);
    VBox.setVgrow(accountPane, Priority.ALWAYS);
    accountPane.visibleProperty().bind(vm.openProperty());
    accountPane.managedProperty().bind(accountPane.visibleProperty());
    vm.patientProperty().subscribe(p -> {
      if (p != null) {
        search.clear();
      }
    });
    search.textProperty().subscribe(t -> {
      if (!t.isEmpty()) {
        vm.openProperty().set(false);
      }
    });
    getChildren().addAll(bar, found, error, notice, accountPane);
    javafx.application.Platform.runLater(search::requestFocus);
  }

  private VBox charges() {
    Label title = heading(i18n.get("billing.openCharges"));
    TableView<Charge> table = new TableView<>(vm.charges());
    table.setId("billingCharges");
    table.setPlaceholder(new Label(i18n.get("billing.noCharges")));
    table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    table.getColumns().add(column("billing.col.code", Charge::getItemCode, 95));
    table.getColumns().add(column("billing.col.description", Charge::getDescription, 200));
    table.getColumns().add(column("billing.col.date", c -> c.getServiceDate().getYear() + "-"
        + two(c.getServiceDate().getMonth()) + "-" + two(c.getServiceDate().getDay()), 95));
    table.getColumns().add(column("billing.col.quantity", c -> Integer.toString(c.getQuantity()), 50));
    table.getColumns().add(column("billing.col.total", Charge::getTotal, 80));
    table.getColumns().add(column("billing.col.origin", c -> i18n.dynamic("billing.origin.", c.getOrigin().name()),
        90));
    VBox.setVgrow(table, Priority.ALWAYS);
    table.getSelectionModel().selectedItemProperty().subscribe(c -> vm.selectedChargeProperty().set(c));
    Label total = new Label();
    total.setId("billingOpenTotal");
    total.textProperty().bind(javafx.beans.binding.Bindings.concat(i18n.get("billing.openTotal"), " ",
        vm.openTotalProperty()));

    ComboBox<PriceItem> item = new ComboBox<>(vm.prices());
    item.setId("billingItem");
    item.setPromptText(i18n.get("billing.itemPrompt"));
    item.setMaxWidth(Double.MAX_VALUE);
    item.setConverter(new StringConverter<>() {
      @Override
      public String toString(PriceItem p) {
        return p == null ? "" : p.getItemCode() + "  " + p.getDescription() + "  " + p.getUnitPrice();
      }

      @Override
      public PriceItem fromString(String s) {
        return null;
      }
    });
    item.valueProperty().bindBidirectional(vm.chargeItemProperty());
    HBox.setHgrow(item, Priority.ALWAYS);
    TextField quantity = new TextField();
    quantity.setId("billingQuantity");
    quantity.setPrefColumnCount(3);
    quantity.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
    quantity.textProperty().bindBidirectional(vm.chargeQuantityProperty());
    TextField reason = new TextField();
    reason.setId("billingReason");
    reason.setPromptText(i18n.get("billing.reasonPrompt"));
    reason.textProperty().bindBidirectional(vm.chargeReasonProperty());
    reason.setOnAction(e -> vm.addCharge());
    HBox.setHgrow(reason, Priority.ALWAYS);
    Button add = new Button(i18n.get("billing.addCharge"));
    add.setId("billingAddCharge");
    add.setOnAction(e -> vm.addCharge());
    add.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
    Label quantityLabel = new Label(i18n.get("billing.quantity"));
    quantityLabel.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
    HBox itemRow = new HBox(8, item, quantityLabel, quantity);
    itemRow.setAlignment(Pos.CENTER_LEFT);
    Button reverse = new Button(i18n.get("billing.reverse"));
    reverse.setId("billingReverse");
    reverse.setOnAction(e -> vm.reverseSelected());
    reverse.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
    reverse.disableProperty().bind(vm.selectedChargeProperty().isNull());
    HBox reasonRow = new HBox(8, reason, add, reverse);
    reasonRow.setAlignment(Pos.CENTER_LEFT);
    VBox box = new VBox(8, title, table, total, heading(i18n.get("billing.manualCharge")), itemRow, reasonRow);
    HBox.setHgrow(box, Priority.ALWAYS);
    return box;
  }

  private VBox invoiceAndPayment() {
    Label summary = new Label();
    summary.setId("billingInvoiceSummary");
    summary.setWrapText(true);
    summary.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE); // all of it: total, paid, credited, due
    vm.invoiceProperty().subscribe(inv -> summary.setText(describe(inv)));
    Button create = new Button(i18n.get("billing.createInvoice"));
    create.setId("billingCreateInvoice");
    create.setOnAction(e -> vm.createInvoice());
    Button issue = new Button(i18n.get("billing.issue"));
    issue.setId("billingIssue");
    issue.setOnAction(e -> vm.issueInvoice());
    Button print = new Button(i18n.get("billing.printInvoice"));
    print.setId("billingPrintInvoice");
    print.setOnAction(e -> vm.printInvoice());
    for (Button b : new Button[] {create, issue, print}) {
      b.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
    }
    Button discard = new Button(i18n.get("billing.discardDraft"));
    discard.setId("billingDiscardDraft");
    discard.setOnAction(e -> vm.discardDraft());
    discard.disableProperty().bind(vm.invoiceProperty().map(i -> i.getStatus() != InvoiceStatus.DRAFT).orElse(true));
    discard.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
    HBox invoiceButtons = new HBox(8, create, issue, print);
    TextField creditReason = new TextField();
    creditReason.setId("billingCreditReason");
    creditReason.setPromptText(i18n.get("billing.creditReasonPrompt"));
    creditReason.textProperty().bindBidirectional(vm.creditReasonProperty());
    javafx.scene.control.CheckBox wrong = new javafx.scene.control.CheckBox(i18n.get("billing.chargedInError"));
    wrong.setId("billingChargedInError");
    wrong.selectedProperty().bindBidirectional(vm.chargedInErrorProperty());
    Button credit = new Button(i18n.get("billing.creditNote"));
    credit.setId("billingCreditNote");
    credit.setOnAction(e -> vm.creditNote());
    credit.disableProperty().bind(vm.invoiceProperty().map(i -> i.getStatus() != InvoiceStatus.ISSUED).orElse(true));
    Button printCredit = new Button(i18n.get("billing.printCreditNote"));
    printCredit.setId("billingPrintCreditNote");
    printCredit.setOnAction(e -> vm.printCreditNote());
    printCredit.disableProperty().bind(vm.lastCreditNoteProperty().isNull());
    for (Button b : new Button[] {credit, printCredit}) {
      b.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
    }
    wrong.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
    HBox creditButtons = new HBox(8, wrong, credit);
    creditButtons.setAlignment(Pos.CENTER_LEFT);
    HBox correctionButtons = new HBox(8, discard, printCredit);
    ListView<Charge> lines = new ListView<>(vm.invoiceLines());
    lines.setId("billingInvoiceLines");
    lines.setPrefHeight(150);
    lines.setMinHeight(60);
    lines.setPlaceholder(new Label(i18n.get("billing.noLines")));
    lines.setCellFactory(l -> new ListCell<>() {
      @Override
      protected void updateItem(Charge c, boolean empty) {
        super.updateItem(c, empty);
        setText(empty || c == null ? null : c.getItemCode() + "   " + c.getDescription() + "   x" + c.getQuantity()
            + "   " + c.getTotal());
      }
    });

    ComboBox<PaymentMethod> method = new ComboBox<>(javafx.collections.FXCollections.observableList(
        BillingViewModel.METHODS));
    method.setId("billingMethod");
    method.setConverter(new StringConverter<>() {
      @Override
      public String toString(PaymentMethod m) {
        return m == null ? "" : i18n.dynamic("billing.method.", m.name());
      }

      @Override
      public PaymentMethod fromString(String s) {
        return null;
      }
    });
    method.valueProperty().bindBidirectional(vm.methodProperty());
    TextField amount = new TextField();
    amount.setId("billingAmount");
    amount.setPromptText(i18n.get("billing.amountPrompt"));
    amount.setPrefColumnCount(8);
    amount.textProperty().bindBidirectional(vm.amountProperty());
    amount.setOnAction(e -> vm.takePayment());
    TextField reference = new TextField();
    reference.setId("billingReference");
    reference.setPromptText(i18n.get("billing.referencePrompt"));
    reference.textProperty().bindBidirectional(vm.referenceProperty());
    reference.setOnAction(e -> vm.takePayment());
    Button take = new Button(i18n.get("billing.takePayment"));
    take.setId("billingTakePayment");
    take.setOnAction(e -> vm.takePayment());
    Styles.toggleStyleClass(take, Styles.ACCENT);
    Button receipt = new Button(i18n.get("billing.printReceipt"));
    receipt.setId("billingPrintReceipt");
    receipt.setOnAction(e -> vm.printReceipt());
    receipt.disableProperty().bind(vm.lastPaymentProperty().isNull());
    for (Button b : new Button[] {take, receipt}) {
      b.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
    }
    HBox methodRow = new HBox(8, method, amount);
    methodRow.setAlignment(Pos.CENTER_LEFT);
    HBox.setHgrow(amount, Priority.ALWAYS);
    HBox payButtons = new HBox(8, take, receipt);
    VBox box = new VBox(8, heading(i18n.get("billing.invoice")), summary, lines, invoiceButtons,
        creditReason, creditButtons, correctionButtons, heading(i18n.get("billing.payment")), methodRow, reference, payButtons);
    box.setPrefWidth(400);
    box.setMinWidth(330);
    return box;
  }

  private String describe(Invoice inv) {
    if (inv == null) {
      return i18n.get("billing.noInvoice");
    }
    String number = switch (inv.getStatus()) {
      case ISSUED -> inv.getNumber();
      case DISCARDED -> i18n.get("billing.discardedDraft");
      default -> i18n.get("billing.draft");
    };
    boolean credited = !inv.getCredited().isEmpty() && new java.math.BigDecimal(inv.getCredited()).signum() != 0;
    return credited
        ? i18n.format("billing.invoiceSummaryCredited", number, inv.getTotal(), inv.getPaid(), inv.getCredited(),
            inv.getAmountDue(), inv.getCurrency())
        : i18n.format("billing.invoiceSummary", number, inv.getTotal(), inv.getPaid(), inv.getAmountDue(),
            inv.getCurrency());
  }

  private Label heading(String text) {
    Label l = new Label(text);
    l.getStyleClass().add(Styles.TEXT_BOLD);
    return l;
  }

  private TableColumn<Charge, String> column(String key, Function<Charge, String> value, double width) {
    TableColumn<Charge, String> c = new TableColumn<>(i18n.get(key));
    c.setCellValueFactory(d -> new ReadOnlyStringWrapper(value.apply(d.getValue())));
    c.setPrefWidth(width);
    return c;
  }

  private static String two(int n) {
    return n < 10 ? "0" + n : Integer.toString(n);
  }
}
