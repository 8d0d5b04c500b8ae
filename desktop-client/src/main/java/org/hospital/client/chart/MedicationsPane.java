package org.hospital.client.chart;

import atlantafx.base.theme.Styles;
import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.hospital.client.i18n.I18n;
import org.hospital.client.ui.Banner;
import org.hospital.proto.clinical.v1.FormularyProduct;
import org.hospital.proto.clinical.v1.Frequency;
import org.hospital.proto.clinical.v1.Prescription;
import org.hospital.proto.clinical.v1.StopReason;

/** The medication list (stop, print) and the prescribe form with the server's alerts and override reasons. */
final class MedicationsPane extends ScrollPane {

  static final List<String> UNITS = List.of("mg", "mcg", "g", "mL", "unit", "tablet", "capsule", "puff", "drop",
      "patch", "application", "spray");
  static final List<String> ROUTES = List.of("oral", "sublingual", "intravenous", "intramuscular", "subcutaneous",
      "topical", "transdermal", "inhalation", "nasal", "ophthalmic", "otic", "rectal", "vaginal", "intrauterine",
      "subdermal", "oromucosal");
  static final List<Frequency> FREQUENCIES = List.of(Frequency.DAILY, Frequency.BID, Frequency.TID, Frequency.QID,
      Frequency.Q4H, Frequency.Q6H, Frequency.Q8H, Frequency.AT_NIGHT, Frequency.PRN, Frequency.ONCE, Frequency.STAT);

  private final ChartViewModel vm;
  private final I18n i18n;

  MedicationsPane(ChartViewModel vm, I18n i18n) {
    this.vm = vm;
    this.i18n = i18n;
    setFitToWidth(true);
    VBox box = new VBox(8, medicationList(), actions());
    if (vm.canWrite()) {
      box.getChildren().add(prescribeForm());
    }
    box.setPadding(new javafx.geometry.Insets(8));
    setContent(box);
    // the alerts come back below the form: bring them into view
    box.heightProperty().subscribe(h -> {
      if (!vm.prescribe().alerts().isEmpty()) {
        setVvalue(getVmax());
      }
    });
  }

  private TableView<Prescription> medicationList() {
    TableView<Prescription> table = new TableView<>(vm.medications());
    table.setId("medicationTable");
    table.setPrefHeight(130);
    table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    table.getColumns().add(org.hospital.client.ui.TextColumn.of(i18n.get("chart.med.status"), 90, p -> i18n.dynamic("chart.med.",
        p.getStatus().name())));
    table.getColumns().add(org.hospital.client.ui.TextColumn.of(i18n.get("chart.med.product"), 260, p -> p.getProduct().getName()));
    table.getColumns().add(org.hospital.client.ui.TextColumn.of(i18n.get("chart.med.directions"), 260, Prescription::getDirections));
    table.getColumns().add(org.hospital.client.ui.TextColumn.of(i18n.get("chart.med.prescriber"), 140, Prescription::getPrescriber));
    table.getColumns().add(org.hospital.client.ui.TextColumn.of(i18n.get("chart.med.overrides"), 160, p -> p.getOverridesList().stream()
        .map(o -> o.getSummary() + " — " + o.getReason()).reduce((a, b) -> a + "; " + b).orElse("")));
    Label none = new Label(i18n.get("chart.med.none"));
    none.getStyleClass().add("hint");
    table.setPlaceholder(none);
    table.getSelectionModel().selectedItemProperty().subscribe(p -> vm.selectedMedicationProperty().set(p));
    // the patient's instructions (and, for outside records, that the dose was not recorded) on hover
    table.setRowFactory(t -> new javafx.scene.control.TableRow<>() {
      @Override
      protected void updateItem(Prescription p, boolean empty) {
        super.updateItem(p, empty);
        setTooltip(empty || p == null || p.getInstructions().isBlank() ? null
            : new javafx.scene.control.Tooltip(p.getInstructions()));
      }
    });
    return table;
  }

  private HBox actions() {
    ComboBox<StopReason> reason = new ComboBox<>();
    reason.setId("stopReason");
    reason.getItems().setAll(StopReason.STOP_COMPLETED, StopReason.STOP_ADVERSE_REACTION,
        StopReason.STOP_INEFFECTIVE, StopReason.STOP_PATIENT_REQUEST, StopReason.STOP_ENTERED_IN_ERROR);
    reason.setConverter(converter(r -> i18n.dynamic("chart.stop.", r.name())));
    reason.getSelectionModel().selectFirst();
    Button stop = new Button(i18n.get("chart.stop"));
    stop.setId("stopPrescription");
    stop.getStyleClass().add(Styles.DANGER);
    stop.setOnAction(e -> vm.stopSelected(reason.getValue()));
    Button print = new Button(i18n.get("chart.print"));
    print.setId("printPrescription");
    print.setOnAction(e -> vm.printSelected());
    Button renew = new Button(i18n.get("chart.renew"));
    renew.setId("renewPrescription");
    renew.setOnAction(e -> vm.renewSelected());
    Button change = new Button(i18n.get("chart.change"));
    change.setId("changePrescription");
    change.setOnAction(e -> vm.changeSelected());
    HBox actions = new HBox(8, print);
    if (vm.canWrite()) {
      actions.getChildren().addAll(renew, change, reason, stop);
    } else {
      print.setVisible(false);
    }
    actions.setAlignment(Pos.CENTER_LEFT);
    return actions;
  }

  private VBox prescribeForm() {
    PrescribeViewModel p = vm.prescribe();
    Label title = new Label(i18n.get("prescribe.title"));
    title.getStyleClass().add("section-title");
    TextField product = new TextField();
    product.setId("prescribeProduct");
    product.setPromptText(i18n.get("prescribe.productPrompt"));
    product.textProperty().bindBidirectional(p.productQueryProperty());
    ListView<FormularyProduct> products = new ListView<>(p.products());
    products.setId("prescribeProducts");
    products.setPrefHeight(110);
    products.setCellFactory(l -> new ListCell<>() {
      @Override
      protected void updateItem(FormularyProduct f, boolean empty) {
        super.updateItem(f, empty);
        setText(empty || f == null ? null : f.getName());
      }
    });
    products.getSelectionModel().selectedItemProperty().subscribe(f -> {
      if (f != null) {
        p.productProperty().set(f);
      }
    });
    product.setOnKeyPressed(e -> {
      if (e.getCode() == KeyCode.DOWN && !p.products().isEmpty()) {
        products.requestFocus();
        products.getSelectionModel().selectFirst();
      }
    });
    Label chosen = new Label();
    chosen.setId("prescribeChosen");
    chosen.getStyleClass().add("value-label");
    p.productProperty().subscribe(f -> chosen.setText(f == null ? i18n.get("prescribe.noProduct") : f.getName()));

    TextField dose = field("prescribeDose", p.doseProperty(), 80);
    ComboBox<String> unit = combo("prescribeUnit", UNITS, p.doseUnitProperty());
    ComboBox<String> route = combo("prescribeRoute", ROUTES, p.routeProperty());
    ComboBox<Frequency> frequency = new ComboBox<>();
    frequency.setId("prescribeFrequency");
    frequency.getItems().setAll(FREQUENCIES);
    frequency.setConverter(converter(f -> i18n.dynamic("frequency.", f.name())));
    frequency.valueProperty().bindBidirectional(p.frequencyProperty());
    TextField days = field("prescribeDays", p.daysProperty(), 70);
    TextField quantity = field("prescribeQuantity", p.quantityProperty(), 70);
    TextField quantityUnit = field("prescribeQuantityUnit", p.quantityUnitProperty(), 90);
    TextField refills = field("prescribeRefills", p.refillsProperty(), 50);
    TextField instructions = field("prescribeInstructions", p.instructionsProperty(), 420);
    TextField prnIndication = field("prescribePrnIndication", p.prnIndicationProperty(), 220);
    prnIndication.setPromptText(i18n.get("prescribe.prnIndicationPrompt"));
    TextField prnInterval = field("prescribePrnInterval", p.prnIntervalProperty(), 50);
    Label prnLabel = label("prescribe.prnIndication");
    Label intervalLabel = label("prescribe.prnInterval");
    // "as needed" asks what for and how often at most; other frequencies do not
    for (javafx.scene.Node n : List.of(prnIndication, prnInterval, prnLabel, intervalLabel)) {
      n.visibleProperty().bind(p.frequencyProperty().isEqualTo(Frequency.PRN));
      n.managedProperty().bind(n.visibleProperty());
    }

    GridPane grid = new GridPane(10, 6);
    int row = 0;
    grid.addRow(row++, label("prescribe.dose"), new HBox(6, dose, unit), label("prescribe.route"), route);
    grid.addRow(row++, label("prescribe.frequency"), frequency, label("prescribe.days"), days);
    grid.addRow(row++, label("prescribe.quantity"), new HBox(6, quantity, quantityUnit), label("prescribe.refills"),
        refills);
    grid.addRow(row++, prnLabel, prnIndication, intervalLabel, prnInterval);
    grid.add(label("prescribe.instructions"), 0, row);
    grid.add(instructions, 1, row, 3, 1);

    ListView<PrescribeViewModel.AlertRow> alerts = new ListView<>(p.alerts());
    alerts.setId("prescribeAlerts");
    alerts.setPrefHeight(150);
    alerts.setCellFactory(l -> new AlertCell(i18n));
    alerts.visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(p.alerts()));
    alerts.managedProperty().bind(alerts.visibleProperty());

    Button check = new Button(i18n.get("prescribe.check"));
    check.setId("checkPrescription");
    check.setOnAction(e -> p.check());
    Button sign = new Button(i18n.get("prescribe.sign"));
    sign.setId("signPrescription");
    sign.getStyleClass().add(Styles.ACCENT);
    sign.setOnAction(e -> p.sign());
    sign.disableProperty().bind(p.checkedProperty().not().or(p.status().busyProperty()));
    check.disableProperty().bind(p.status().busyProperty());
    Banner error = new Banner(Banner.Kind.DANGER, p.status().errorProperty());
    error.setId("prescribeError");
    Banner notice = new Banner(Banner.Kind.SUCCESS, p.status().noticeProperty());
    notice.setId("prescribeNotice");
    Label changing = new Label();
    changing.setId("prescribeChanging");
    changing.getStyleClass().add("hint");
    p.replacingProperty().subscribe(r -> changing.setText(r == null ? ""
        : i18n.format("prescribe.changing", r.getProduct().getName(), r.getDirections())));
    Button cancel = new Button(i18n.get("prescribe.cancel"));
    cancel.setId("cancelPrescription");
    cancel.setOnAction(e -> p.cancel());
    HBox buttons = new HBox(8, check, sign, cancel, changing);
    buttons.setAlignment(Pos.CENTER_LEFT);
    HBox.setHgrow(product, Priority.ALWAYS);
    return new VBox(6, title, product, products, chosen, grid, alerts, error, notice, buttons);
  }

  /** One alert, with a reason field for those that interrupt. */
  private static final class AlertCell extends ListCell<PrescribeViewModel.AlertRow> {
    private final I18n i18n;

    AlertCell(I18n i18n) {
      this.i18n = i18n;
    }

    @Override
    protected void updateItem(PrescribeViewModel.AlertRow row, boolean empty) {
      super.updateItem(row, empty);
      setText(null);
      if (empty || row == null) {
        setGraphic(null);
        return;
      }
      Label what = new Label((row.alert().getInterruptive() ? "⚠ " : "ℹ ") + row.alert().getSummary());
      what.setWrapText(true);
      what.getStyleClass().add(row.alert().getInterruptive() ? "alert-interruptive" : "alert-info");
      Label source = new Label(row.alert().getSource());
      source.getStyleClass().add("hint");
      VBox box = new VBox(3, what);
      if (!row.alert().getSource().isEmpty()) {
        box.getChildren().add(source);
      }
      if (row.alert().getInterruptive()) {
        TextField reason = new TextField();
        reason.setId("overrideReason-" + row.alert().getKey().replaceAll("[^A-Za-z0-9]", "-"));
        reason.getStyleClass().add("override-reason");
        reason.setPromptText(i18n.get("prescribe.reasonPrompt"));
        reason.textProperty().bindBidirectional(row.reason());
        box.getChildren().add(reason);
      }
      box.setMaxWidth(760);
      setGraphic(box);
    }
  }

  private TextField field(String id, javafx.beans.property.StringProperty value, double width) {
    TextField f = new TextField();
    f.setId(id);
    f.setPrefWidth(width);
    f.textProperty().bindBidirectional(value);
    return f;
  }

  private ComboBox<String> combo(String id, List<String> items, javafx.beans.property.StringProperty value) {
    ComboBox<String> c = new ComboBox<>();
    c.setId(id);
    c.getItems().setAll(items);
    c.valueProperty().bindBidirectional(value);
    return c;
  }

  private Label label(String key) {
    Label l = new Label(i18n.get(key));
    l.getStyleClass().add("field-label");
    return l;
  }

  private static <T> StringConverter<T> converter(java.util.function.Function<T, String> text) {
    return new StringConverter<>() {
      @Override
      public String toString(T t) {
        return t == null ? "" : text.apply(t);
      }

      @Override
      public T fromString(String s) {
        return null;
      }
    };
  }
}
