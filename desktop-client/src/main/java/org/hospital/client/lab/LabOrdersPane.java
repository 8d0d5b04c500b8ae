package org.hospital.client.lab;

import atlantafx.base.theme.Styles;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.hospital.client.i18n.I18n;
import org.hospital.client.ui.Banner;
import org.hospital.client.ui.TextColumn;
import org.hospital.proto.lab.v1.CatalogueTest;
import org.hospital.proto.lab.v1.LabOrder;
import org.hospital.proto.lab.v1.LabPriority;
import org.hospital.proto.lab.v1.SpecimenType;

/** The chart's Lab tab: the order form (doctors), the patient's orders with their labels, and the results. */
public final class LabOrdersPane extends ScrollPane {

  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private final ChartLabViewModel vm;
  private final I18n i18n;

  public LabOrdersPane(ChartLabViewModel vm, I18n i18n) {
    this.vm = vm;
    this.i18n = i18n;
    setId("labPane");
    setFitToWidth(true);
    Banner error = new Banner(Banner.Kind.DANGER, vm.status().errorProperty());
    error.setId("labChartError");
    Banner notice = new Banner(Banner.Kind.SUCCESS, vm.status().noticeProperty());
    notice.setId("labChartNotice");
    // what the results say first; the order form below the orders it adds to
    VBox box = new VBox(8, error, notice, section("lab.results"), results(), section("lab.orders"), orders());
    if (vm.canOrder()) {
      box.getChildren().add(orderForm());
    }
    box.setPadding(new Insets(8));
    setContent(box);
  }

  private VBox orderForm() {
    ListView<CatalogueTest> tests = new ListView<>(vm.catalogue());
    tests.setId("labTests");
    tests.setPrefHeight(120);
    tests.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
    tests.setCellFactory(l -> new ListCell<>() {
      @Override
      protected void updateItem(CatalogueTest t, boolean empty) {
        super.updateItem(t, empty);
        setText(empty || t == null ? null : t.getName() + "   " + t.getCode());
      }
    });
    tests.getSelectionModel().getSelectedItems().subscribe(() -> vm.chosen().setAll(
        List.copyOf(tests.getSelectionModel().getSelectedItems())));
    vm.chosen().subscribe(() -> {
      if (vm.chosen().isEmpty() && !tests.getSelectionModel().isEmpty()) {
        tests.getSelectionModel().clearSelection();
      }
    });
    ComboBox<LabPriority> priority = new ComboBox<>();
    priority.setId("labPriority");
    priority.getItems().setAll(LabPriority.ROUTINE, LabPriority.URGENT, LabPriority.STAT);
    priority.valueProperty().bindBidirectional(vm.priorityProperty());
    priority.setConverter(converter("lab.priority."));
    ComboBox<SpecimenType> specimen = new ComboBox<>();
    specimen.setId("labSpecimen");
    specimen.getItems().setAll(SpecimenType.BLOOD_EDTA, SpecimenType.SERUM, SpecimenType.PLASMA_CITRATE,
        SpecimenType.BLOOD_CULTURE_BOTTLES, SpecimenType.URINE);
    specimen.valueProperty().bindBidirectional(vm.specimenProperty());
    specimen.setConverter(converter("lab.specimen."));
    TextField question = new TextField();
    question.setId("labQuestionField");
    question.setPromptText(i18n.get("lab.questionPrompt"));
    question.textProperty().bindBidirectional(vm.questionProperty());
    HBox.setHgrow(question, Priority.ALWAYS);
    Button place = new Button(i18n.get("lab.placeOrder"));
    place.setId("labPlaceOrder");
    place.getStyleClass().add(Styles.ACCENT);
    place.setOnAction(e -> vm.placeOrder());
    Label encounter = new Label();
    encounter.getStyleClass().add("hint");
    vm.encounterIdProperty().subscribe(id -> encounter.setText(id.longValue() == 0 ? i18n.get("lab.needEncounter")
        : ""));
    HBox row = new HBox(8, field("lab.priority", priority), field("lab.specimen", specimen),
        field("lab.question.label", question));
    HBox.setHgrow(row.getChildren().get(2), Priority.ALWAYS);
    HBox actions = new HBox(8, place, encounter);
    actions.setAlignment(Pos.CENTER_LEFT);
    return new VBox(6, section("lab.orderTests"), tests, row, actions);
  }

  private TableView<ChartLabViewModel.ResultLine> results() {
    TableView<ChartLabViewModel.ResultLine> table = new TableView<>(vm.results());
    table.setId("labResults");
    table.setPrefHeight(200);
    table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    table.getColumns().add(TextColumn.of(i18n.get("lab.col.date"), 140, l -> time(
        l.order().hasCollectedAt() ? l.order().getCollectedAt() : l.order().getOrderedAt())));
    table.getColumns().add(TextColumn.of(i18n.get("lab.col.analyte"), 170, l -> l.result().getAnalyteName()));
    table.getColumns().add(TextColumn.of(i18n.get("lab.col.value"), 70, l -> l.result().getValue()));
    table.getColumns().add(TextColumn.of(i18n.get("lab.col.unit"), 70, l -> l.result().getUnit()));
    TableColumn<ChartLabViewModel.ResultLine, ChartLabViewModel.ResultLine> flag =
        new TableColumn<>(i18n.get("lab.col.flag"));
    flag.setPrefWidth(100);
    flag.setCellValueFactory(c -> new javafx.beans.property.SimpleObjectProperty<>(c.getValue()));
    flag.setCellFactory(c -> new TableCell<>() {
      @Override
      protected void updateItem(ChartLabViewModel.ResultLine l, boolean empty) {
        super.updateItem(l, empty);
        getStyleClass().removeAll("flag-critical", "flag-abnormal", "flag-normal");
        if (empty || l == null) {
          setText(null);
          return;
        }
        setText(i18n.dynamic("lab.flag.", l.result().getFlag().name()));
        getStyleClass().add(Flags.styleClass(l.result().getFlag()));
      }
    });
    table.getColumns().add(flag);
    table.getColumns().add(TextColumn.of(i18n.get("lab.col.range"), 80, l -> l.result().getReferenceRange()));
    table.getColumns().add(TextColumn.of(i18n.get("lab.col.status"), 90,
        l -> i18n.dynamic("lab.resultStatus.", l.result().getStatus().name())));
    Label none = new Label(i18n.get("lab.noResults"));
    none.getStyleClass().add("hint");
    table.setPlaceholder(none);
    return table;
  }

  private VBox orders() {
    TableView<LabOrder> table = new TableView<>(vm.orders());
    table.setId("labOrders");
    table.setPrefHeight(130);
    table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    table.getColumns().add(TextColumn.of(i18n.get("lab.col.date"), 140, o -> time(o.getOrderedAt())));
    table.getColumns().add(TextColumn.of(i18n.get("lab.col.accession"), 80, LabOrder::getAccession));
    table.getColumns().add(TextColumn.of(i18n.get("lab.col.tests"), 200, o -> String.join(", ",
        o.getTestsList().stream().map(CatalogueTest::getName).toList())));
    table.getColumns().add(TextColumn.of(i18n.get("lab.col.priority"), 70,
        o -> i18n.dynamic("lab.priority.", o.getPriority().name())));
    table.getColumns().add(TextColumn.of(i18n.get("lab.col.status"), 90,
        o -> i18n.dynamic("lab.status.", o.getStatus().name())));
    Label none = new Label(i18n.get("lab.noOrders"));
    none.getStyleClass().add("hint");
    table.setPlaceholder(none);
    Button print = new Button(i18n.get("lab.printLabel"));
    print.setId("labPrintLabel");
    print.setOnAction(e -> vm.printLabel(table.getSelectionModel().getSelectedItem()));
    print.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
    Button refresh = new Button(i18n.get("lab.refresh"));
    refresh.setId("labChartRefresh");
    refresh.setOnAction(e -> vm.reload());
    HBox actions = new HBox(8, print, refresh);
    if (vm.canCollect()) {
      Button collect = new Button(i18n.get("lab.collect"));
      collect.setId("labCollected");
      collect.setOnAction(e -> vm.collect(table.getSelectionModel().getSelectedItem()));
      collect.disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(() -> {
        LabOrder o = table.getSelectionModel().getSelectedItem();
        return o == null || o.getStatus() != org.hospital.proto.lab.v1.LabOrderStatus.ORDERED;
      }, table.getSelectionModel().selectedItemProperty()));
      actions.getChildren().add(1, collect);
    }
    if (vm.canOrder()) {
      TextField reason = new TextField();
      reason.setId("labCancelReason");
      reason.setPromptText(i18n.get("lab.cancelReason"));
      reason.setPrefColumnCount(18);
      Button cancel = new Button(i18n.get("lab.cancelOrder"));
      cancel.setId("labCancelOrder");
      cancel.setOnAction(e -> {
        vm.cancel(table.getSelectionModel().getSelectedItem(), reason.getText());
        reason.clear();
      });
      // only before the first result: after that a wrong value is corrected, not withdrawn
      cancel.disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(() -> {
        LabOrder o = table.getSelectionModel().getSelectedItem();
        return o == null || o.getStatus().getNumber() > org.hospital.proto.lab.v1.LabOrderStatus.RECEIVED_VALUE;
      }, table.getSelectionModel().selectedItemProperty()));
      actions.getChildren().addAll(reason, cancel);
    }
    return new VBox(6, table, actions);
  }

  private <T extends Enum<T>> StringConverter<T> converter(String prefix) {
    return new StringConverter<>() {
      @Override
      public String toString(T value) {
        return value == null ? "" : i18n.dynamic(prefix, value.name());
      }

      @Override
      public T fromString(String s) {
        return null;
      }
    };
  }

  private VBox field(String key, javafx.scene.Node control) {
    Label l = new Label(i18n.get(key));
    l.getStyleClass().add("field-label");
    return new VBox(2, l, control);
  }

  private Label section(String key) {
    Label l = new Label(i18n.get(key));
    l.getStyleClass().add("section-title");
    return l;
  }

  private static String time(com.google.protobuf.Timestamp t) {
    return WHEN.format(LocalDateTime.ofInstant(Instant.ofEpochSecond(t.getSeconds()), ZoneId.systemDefault()));
  }
}
