package org.hospital.client.chart;

import atlantafx.base.theme.Styles;
import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.hospital.client.i18n.I18n;
import org.hospital.proto.clinical.v1.DiagnosisCode;
import org.hospital.proto.clinical.v1.Encounter;
import org.hospital.proto.clinical.v1.NoteContent;
import org.hospital.proto.clinical.v1.NoteStatus;
import org.hospital.proto.clinical.v1.PrescriptionStatus;
import org.hospital.proto.clinical.v1.Problem;

/** The chart's tabs: summary, the encounter's note, diagnoses, problems, medications and lab. */
final class ChartTabs extends TabPane {

  private final ChartViewModel vm;
  private final I18n i18n;

  ChartTabs(ChartViewModel vm, I18n i18n, org.hospital.client.lab.ChartLabViewModel lab) {
    this.vm = vm;
    this.i18n = i18n;
    setId("chartTabs");
    setTabClosingPolicy(TabClosingPolicy.UNAVAILABLE);
    getTabs().addAll(tab("tabSummary", "chart.tab.summary", summary()), tab("tabNote", "chart.tab.note", note()),
        tab("tabDiagnoses", "chart.tab.diagnoses", diagnoses()),
        tab("tabProblems", "chart.tab.problems", new ProblemsPane(vm, i18n)),
        tab("tabMedications", "chart.tab.medications", new MedicationsPane(vm, i18n)));
    if (lab != null) {
      Tab labTab = tab("tabLab", "chart.tab.lab", new org.hospital.client.lab.LabOrdersPane(lab, i18n));
      // results may have come in since the chart opened
      labTab.setOnSelectionChanged(e -> {
        if (labTab.isSelected()) {
          lab.reload();
        }
      });
      getTabs().add(labTab);
    }
  }

  private Tab tab(String id, String key, Node content) {
    Tab t = new Tab(i18n.get(key), content);
    t.setId(id);
    return t;
  }

  private Node summary() {
    ListView<String> problems = list("summaryProblems");
    ListView<String> allergies = list("summaryAllergies");
    ListView<String> medications = list("summaryMedications");
    vm.summaryProperty().subscribe(s -> {
      if (s == null) {
        return;
      }
      problems.getItems().setAll(s.getActiveProblemsList().stream().map(ChartTabs::problem).toList());
      allergies.getItems().setAll(s.getBanner().getAllergiesList().stream().map(PatientBannerView::allergy)
          .toList());
    });
    vm.medications().subscribe(() -> medications.getItems().setAll(vm.medications().stream()
        .filter(p -> p.getStatus() == PrescriptionStatus.PRESCRIPTION_ACTIVE)
        .map(p -> p.getProduct().getName() + " — " + p.getDirections()).toList()));
    ListView<Encounter> encounters = new ListView<>();
    encounters.setId("summaryEncounters");
    encounters.setPrefHeight(150);
    encounters.setCellFactory(l -> new ListCell<>() {
      @Override
      protected void updateItem(Encounter e, boolean empty) {
        super.updateItem(e, empty);
        setText(empty || e == null ? null : encounterLine(e));
      }
    });
    vm.summaryProperty().subscribe(s -> encounters.getItems().setAll(s == null ? List.of()
        : s.getRecentEncountersList()));
    Runnable open = () -> {
      Encounter e = encounters.getSelectionModel().getSelectedItem();
      if (e != null) {
        vm.openEncounter(e.getId());
        getSelectionModel().select(1);
      }
    };
    encounters.setOnMouseClicked(e -> {
      if (e.getClickCount() == 2) {
        open.run();
      }
    });
    encounters.setOnKeyPressed(e -> {
      if (e.getCode() == KeyCode.ENTER) {
        open.run();
      }
    });
    GridPane grid = new GridPane(16, 6);
    grid.add(section("chart.activeProblems"), 0, 0);
    grid.add(problems, 0, 1);
    grid.add(section("chart.allergiesTitle"), 1, 0);
    grid.add(allergies, 1, 1);
    grid.add(section("chart.activeMedications"), 0, 2, 2, 1);
    grid.add(medications, 0, 3, 2, 1);
    grid.add(section("chart.recentEncounters"), 0, 4, 2, 1);
    grid.add(encounters, 0, 5, 2, 1);
    for (ListView<?> l : List.of(problems, allergies, medications, encounters)) {
      GridPane.setHgrow(l, Priority.ALWAYS);
      l.setPrefHeight(140);
    }
    grid.setPadding(new javafx.geometry.Insets(8));
    return grid;
  }

  /** "2026-06-28 09:30  Outpatient  Dr. Daniel Doctor: General examination  (I10, E11.9)". */
  private String encounterLine(Encounter e) {
    StringBuilder s = new StringBuilder(time(e.getStartedAt())).append("  ")
        .append(i18n.dynamic("chart.kind.", e.getKind().name())).append("  ").append(e.getClinicianName());
    if (!e.getReason().isBlank()) {
      s.append(": ").append(e.getReason());
    }
    if (e.getDiagnosesCount() > 0) {
      s.append("  (").append(String.join(", ", e.getDiagnosesList().stream()
          .map(org.hospital.proto.clinical.v1.EncounterDiagnosis::getCode).toList())).append(')');
    }
    return s.toString();
  }

  static String problem(Problem p) {
    return (p.getCode().isEmpty() ? "" : p.getCode() + "  ") + p.getTitle();
  }

  private Node note() {
    Label encounter = new Label();
    encounter.setId("noteEncounter");
    encounter.getStyleClass().add("hint");
    Button start = new Button(i18n.get("chart.startEncounter"));
    start.setId("startEncounter");
    start.setOnAction(e -> vm.startEncounter());
    start.visibleProperty().bind(vm.encounterProperty().isNull().and(new javafx.beans.property.SimpleBooleanProperty(vm.canWrite())));
    TextArea complaint = area("notePresenting");
    TextArea findings = area("noteFindings");
    TextArea assessment = area("noteAssessment");
    TextArea plan = area("notePlan");
    List<TextArea> parts = List.of(complaint, findings, assessment, plan);
    Button save = new Button(i18n.get("chart.saveDraft"));
    save.setId("saveNote");
    Button sign = new Button(i18n.get("chart.signNote"));
    sign.setId("signNote");
    sign.getStyleClass().add(Styles.ACCENT);
    java.util.function.Supplier<NoteContent> content = () -> NoteContent.newBuilder()
        .setPresentingComplaint(complaint.getText()).setFindings(findings.getText())
        .setAssessment(assessment.getText()).setPlan(plan.getText()).build();
    save.setOnAction(e -> vm.saveNote(content.get()));
    sign.setOnAction(e -> vm.signNote(content.get()));
    Label signedBy = new Label();
    signedBy.setId("noteSignedBy");
    signedBy.getStyleClass().add("hint");
    vm.encounterProperty().subscribe(e -> encounter.setText(e == null ? i18n.get("chart.noEncounter")
        : e.getReason().isBlank() ? i18n.format("chart.encounterWith", e.getClinicianName())
        : i18n.format("chart.encounterLine", e.getClinicianName(), e.getReason())));
    vm.noteProperty().subscribe(n -> {
      NoteContent c = n == null ? NoteContent.getDefaultInstance() : n.getContent();
      complaint.setText(c.getPresentingComplaint());
      findings.setText(c.getFindings());
      assessment.setText(c.getAssessment());
      plan.setText(c.getPlan());
      boolean signed = n != null && n.getStatus() == NoteStatus.NOTE_SIGNED;
      parts.forEach(a -> a.setEditable(!signed && vm.canWrite()));
      save.setDisable(signed || !vm.canWrite());
      sign.setDisable(signed || !vm.canWrite());
      signedBy.setText(signed ? i18n.format("chart.signedBy", n.getAuthorName()) : "");
    });
    HBox actions = new HBox(8, save, sign, signedBy);
    actions.setAlignment(Pos.CENTER_LEFT);
    VBox box = new VBox(6, new HBox(8, encounter, start), label("chart.note.presenting"), complaint,
        label("chart.note.findings"), findings, label("chart.note.assessment"), assessment, label("chart.note.plan"),
        plan, actions, addenda());
    box.setPadding(new javafx.geometry.Insets(8));
    return new javafx.scene.control.ScrollPane(box) {{ setFitToWidth(true); }};
  }

  /** Below a signed note: its addenda, oldest first, and (for doctors) one more. */
  private Node addenda() {
    ListView<String> list = list("noteAddenda");
    list.setPrefHeight(90);
    TextArea text = area("addendumText");
    text.setPrefRowCount(2);
    text.setPromptText(i18n.get("chart.addendumPrompt"));
    Button add = new Button(i18n.get("chart.addAddendum"));
    add.setId("addAddendum");
    add.setOnAction(e -> {
      vm.addAddendum(text.getText());
    });
    VBox box = new VBox(6, section("chart.addenda"), list);
    if (vm.canWrite()) {
      box.getChildren().addAll(text, add);
    }
    vm.noteProperty().subscribe(n -> {
      boolean signed = n != null && n.getStatus() == NoteStatus.NOTE_SIGNED;
      box.setVisible(signed);
      box.setManaged(signed);
      text.clear();
      list.getItems().setAll(n == null ? List.of() : n.getAddendaList().stream()
          .map(a -> i18n.format("chart.addendumLine", a.getAuthorName(), ChartTabs.time(a.getAddedAt()),
              a.getText())).toList());
    });
    return box;
  }

  static String time(com.google.protobuf.Timestamp t) {
    return java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").format(java.time.LocalDateTime
        .ofInstant(java.time.Instant.ofEpochSecond(t.getSeconds()), java.time.ZoneId.systemDefault()));
  }

  private Node diagnoses() {
    TextField search = new TextField();
    search.setId("codeSearch");
    search.setPromptText(i18n.get("chart.codePrompt"));
    search.textProperty().bindBidirectional(vm.codeQueryProperty());
    search.setDisable(!vm.canWrite());
    ListView<DiagnosisCode> codes = new ListView<>(vm.codes());
    codes.setId("codeResults");
    codes.setPrefHeight(200);
    codes.setCellFactory(l -> new ListCell<>() {
      @Override
      protected void updateItem(DiagnosisCode c, boolean empty) {
        super.updateItem(c, empty);
        setText(empty || c == null ? null : c.getCode() + "   " + c.getTitle());
      }
    });
    Button add = new Button(i18n.get("chart.addDiagnosis"));
    add.setId("addDiagnosis");
    add.setOnAction(e -> vm.addDiagnosis(codes.getSelectionModel().getSelectedItem()));
    add.disableProperty().bind(codes.getSelectionModel().selectedItemProperty().isNull());
    codes.setOnKeyPressed(e -> {
      if (e.getCode() == KeyCode.ENTER) {
        vm.addDiagnosis(codes.getSelectionModel().getSelectedItem());
      }
    });
    search.setOnKeyPressed(e -> {
      if (e.getCode() == KeyCode.DOWN && !vm.codes().isEmpty()) {
        codes.requestFocus();
        codes.getSelectionModel().selectFirst();
      }
    });
    ListView<String> current = list("encounterDiagnoses");
    current.setPrefHeight(140);
    vm.encounterProperty().subscribe(e -> current.getItems().setAll(e == null ? List.of()
        : e.getDiagnosesList().stream().map(d -> (d.getPrimary() ? i18n.get("chart.primary") + "  " : "")
            + d.getCode() + "  " + d.getTitle()).toList()));
    VBox box = new VBox(6, label("chart.codeSearch"), search, codes, add, section("chart.encounterDiagnoses"),
        current);
    box.setPadding(new javafx.geometry.Insets(8));
    return box;
  }

  private ListView<String> list(String id) {
    ListView<String> l = new ListView<>();
    l.setId(id);
    return l;
  }

  private Label section(String key) {
    Label l = new Label(i18n.get(key));
    l.getStyleClass().add("section-title");
    return l;
  }

  private Label label(String key) {
    Label l = new Label(i18n.get(key));
    l.getStyleClass().add("field-label");
    return l;
  }

  private TextArea area(String id) {
    TextArea a = new TextArea();
    a.setId(id);
    a.setPrefRowCount(3);
    a.setWrapText(true);
    return a;
  }
}
