package org.hospital.client.lab;

import atlantafx.base.theme.Styles;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.hospital.client.i18n.I18n;
import org.hospital.client.ui.Banner;
import org.hospital.client.ui.TextColumn;
import org.hospital.proto.lab.v1.LabOrder;
import org.hospital.proto.lab.v1.LabResult;

/**
 * The Lab desk area: the scan field (a USB scanner types the accession and Enter), the worklist, and the open
 * order with one line per analyte: the value typed, its unit, and the server's flag in colour.
 */
public final class LabDeskView extends VBox {

  private final LabDeskViewModel vm;
  private final I18n i18n;
  private final GridPane grid = new GridPane(10, 6);

  public LabDeskView(LabDeskViewModel vm, I18n i18n) {
    this.vm = vm;
    this.i18n = i18n;
    setId("labDesk");
    getStyleClass().add("area");
    setSpacing(8);

    TextField scan = new TextField();
    scan.setId("labAccession");
    scan.setPromptText(i18n.get("lab.scanPrompt"));
    scan.textProperty().bindBidirectional(vm.accessionProperty());
    scan.setOnAction(e -> vm.scan());
    HBox.setHgrow(scan, Priority.ALWAYS);
    Button open = new Button(i18n.get("lab.open"));
    open.setId("labOpen");
    open.setOnAction(e -> vm.scan());
    Button refresh = new Button(i18n.get("lab.refresh"));
    refresh.setId("labRefresh");
    refresh.setOnAction(e -> vm.loadWorklist());
    HBox bar = new HBox(8, scan, open, refresh);
    bar.setAlignment(Pos.CENTER_LEFT);

    Banner error = new Banner(Banner.Kind.DANGER, vm.status().errorProperty());
    error.setId("labError");
    Banner notice = new Banner(Banner.Kind.SUCCESS, vm.status().noticeProperty());
    notice.setId("labNotice");

    SplitPane split = new SplitPane(worklist(), order());
    split.setDividerPositions(0.4);
    VBox.setVgrow(split, Priority.ALWAYS);
    getChildren().addAll(bar, error, notice, split);
    javafx.application.Platform.runLater(scan::requestFocus);
    vm.loadWorklist();
  }

  private TableView<LabOrder> worklist() {
    TableView<LabOrder> table = new TableView<>(vm.worklist());
    table.setId("labWorklist");
    table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    table.getColumns().add(TextColumn.of(i18n.get("lab.col.accession"), 90, LabOrder::getAccession));
    table.getColumns().add(TextColumn.of(i18n.get("lab.col.patient"), 130, LabOrder::getPatientName));
    // the priority only where it is not routine, in front of the status, so that STAT stands out
    table.getColumns().add(TextColumn.of(i18n.get("lab.col.status"), 110,
        o -> (o.getPriority() == org.hospital.proto.lab.v1.LabPriority.ROUTINE ? ""
            : i18n.dynamic("lab.priority.", o.getPriority().name()) + " · ")
            + i18n.dynamic("lab.status.", o.getStatus().name())));
    Label none = new Label(i18n.get("lab.worklistEmpty"));
    none.getStyleClass().add("hint");
    table.setPlaceholder(none);
    table.setOnMouseClicked(e -> {
      if (e.getClickCount() == 2) {
        vm.open(table.getSelectionModel().getSelectedItem());
      }
    });
    table.setOnKeyPressed(e -> {
      if (e.getCode() == KeyCode.ENTER) {
        vm.open(table.getSelectionModel().getSelectedItem());
      }
    });
    return table;
  }

  private ScrollPane order() {
    Label patient = new Label();
    patient.setId("labPatient");
    patient.getStyleClass().add("section-title");
    Label details = new Label();
    details.setId("labOrderDetails");
    details.setWrapText(true);
    Label question = new Label();
    question.setId("labQuestion");
    question.setWrapText(true);
    question.getStyleClass().add("hint");

    Button collect = new Button(i18n.get("lab.collect"));
    collect.setId("labCollect");
    collect.setOnAction(e -> vm.collect());
    Button receive = new Button(i18n.get("lab.receive"));
    receive.setId("labReceive");
    receive.getStyleClass().add(Styles.ACCENT);
    receive.setOnAction(e -> vm.receive());
    Button save = new Button(i18n.get("lab.savePreliminary"));
    save.setId("labSave");
    save.setOnAction(e -> vm.save(false));
    Button makeFinal = new Button(i18n.get("lab.saveFinal"));
    makeFinal.setId("labFinal");
    makeFinal.getStyleClass().add(Styles.ACCENT);
    makeFinal.setOnAction(e -> vm.save(true));
    TextField reason = new TextField();
    reason.setId("labCorrectionReason");
    reason.setPromptText(i18n.get("lab.correctionPrompt"));
    reason.textProperty().bindBidirectional(vm.correctionReasonProperty());
    HBox.setHgrow(reason, Priority.ALWAYS);
    Button correct = new Button(i18n.get("lab.correct"));
    correct.setId("labCorrect");
    correct.setOnAction(e -> vm.correct());
    HBox steps = new HBox(8, collect, receive);
    HBox entry = new HBox(8, save, makeFinal);
    HBox correction = new HBox(8, reason, correct);
    correction.setAlignment(Pos.CENTER_LEFT);

    Label empty = new Label(i18n.get("lab.noOrder"));
    empty.setId("labNoOrder");
    empty.getStyleClass().add("hint");
    VBox box = new VBox(8, empty, patient, details, question, steps, grid, entry, correction);
    box.setPadding(new Insets(8));
    vm.orderProperty().subscribe(o -> {
      boolean shown = o != null;
      for (var n : box.getChildren()) {
        n.setVisible(n == empty ? !shown : shown);
        n.setManaged(n.isVisible());
      }
      if (o == null) {
        return;
      }
      patient.setText(o.getPatientName() + "   MRN " + o.getMrn());
      details.setText(i18n.format("lab.orderLine", o.getAccession(), String.join(", ", o.getTestsList().stream()
          .map(t -> t.getName()).toList()), i18n.dynamic("lab.specimen.", o.getSpecimenType().name()),
          i18n.dynamic("lab.priority.", o.getPriority().name()), i18n.dynamic("lab.status.", o.getStatus().name())));
      question.setText(o.getClinicalQuestion().isBlank() ? "" : i18n.format("lab.question",
          o.getClinicalQuestion()));
      steps.setVisible(vm.canCollect() || vm.canReceive());
      steps.setManaged(steps.isVisible());
      collect.setDisable(!vm.canCollect());
      receive.setDisable(!vm.canReceive());
      entry.setVisible(vm.canResult());
      entry.setManaged(entry.isVisible());
      correction.setVisible(vm.canCorrect());
      correction.setManaged(correction.isVisible());
    });
    vm.rows().subscribe(this::rebuildRows);
    ScrollPane scroll = new ScrollPane(box);
    scroll.setFitToWidth(true);
    return scroll;
  }

  private void rebuildRows() {
    grid.getChildren().clear();
    String[] heads = {"lab.col.analyte", "lab.col.value", "lab.col.unit", "lab.col.flag", "lab.col.range"};
    for (int c = 0; c < heads.length; c++) {
      Label h = new Label(i18n.get(heads[c]));
      h.getStyleClass().add("field-label");
      grid.add(h, c, 0);
    }
    boolean editable = vm.canResult() || vm.canCorrect();
    int r = 1;
    for (ResultRow row : vm.rows()) {
      String id = row.analyte().getCode().replaceAll("[^A-Za-z0-9]", "-");
      Label name = new Label(row.analyte().getName());
      name.setMinWidth(Label.USE_PREF_SIZE);
      TextField value = new TextField();
      value.setId("labValue-" + id);
      value.setPrefColumnCount(8);
      value.setMinWidth(90);
      value.textProperty().bindBidirectional(row.valueProperty());
      value.setEditable(editable);
      value.setPromptText(row.coded() ? String.join(" / ", row.analyte().getCodesList()) : "");
      Label unit = new Label(row.analyte().getUnit());
      unit.setId("labUnit-" + id);
      unit.setMinWidth(Label.USE_PREF_SIZE);
      Label flag = new Label();
      flag.setId("labFlag-" + id);
      flag.setMinWidth(Label.USE_PREF_SIZE);
      Label range = new Label();
      range.setId("labRange-" + id);
      range.setMinWidth(Label.USE_PREF_SIZE);
      LabResult result = row.resultProperty().get();
      if (result != null) {
        flag.setText(i18n.dynamic("lab.flag.", result.getFlag().name())
            + (result.getRevisionsCount() > 0 ? "  " + i18n.format("lab.was", result.getRevisions(
                result.getRevisionsCount() - 1).getValue()) : ""));
        flag.getStyleClass().add(Flags.styleClass(result.getFlag()));
        range.setText(result.getReferenceRange());
      }
      grid.addRow(r++, name, value, unit, flag, range);
    }
  }
}
