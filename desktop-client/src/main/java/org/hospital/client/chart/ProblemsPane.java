package org.hospital.client.chart;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.hospital.client.i18n.I18n;
import org.hospital.client.ui.TextColumn;
import org.hospital.proto.clinical.v1.Allergy;
import org.hospital.proto.clinical.v1.AllergyCategory;
import org.hospital.proto.clinical.v1.AllergySeverity;
import org.hospital.proto.clinical.v1.AllergyType;
import org.hospital.proto.clinical.v1.Problem;
import org.hospital.proto.clinical.v1.ProblemStatus;
import org.hospital.proto.clinical.v1.RecordAllergyRequest;
import org.hospital.proto.common.v1.Date;

/**
 * The problem list (active first, then resolved and inactive; resolve or make active again) and the allergies
 * (record one, or record "no known drug allergies"). Codes are added from the Diagnoses tab, found by typing.
 */
final class ProblemsPane extends ScrollPane {

  private final ChartViewModel vm;
  private final I18n i18n;

  ProblemsPane(ChartViewModel vm, I18n i18n) {
    this.vm = vm;
    this.i18n = i18n;
    setFitToWidth(true);
    VBox box = new VBox(8, section("chart.problemList"), problems(), section("chart.allergiesTitle"), allergies());
    if (vm.canWrite()) {
      box.getChildren().add(allergyForm());
    }
    box.setPadding(new Insets(8));
    setContent(box);
  }

  private VBox problems() {
    TableView<Problem> table = new TableView<>();
    table.setId("problemTable");
    table.setPrefHeight(200);
    table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    table.getColumns().add(TextColumn.of(i18n.get("chart.problem.status"), 90,
        p -> i18n.dynamic("chart.problem.", p.getStatus().name())));
    table.getColumns().add(TextColumn.of(i18n.get("chart.problem.code"), 80, Problem::getCode));
    table.getColumns().add(TextColumn.of(i18n.get("chart.problem.title"), 300,
        p -> p.getTitle().isEmpty() ? p.getNote() : p.getTitle()));
    table.getColumns().add(TextColumn.of(i18n.get("chart.problem.onset"), 100, p -> date(p.hasOnset(), p.getOnset())));
    table.getColumns().add(TextColumn.of(i18n.get("chart.problem.source"), 160, Problem::getSourceCode));
    Label none = new Label(i18n.get("chart.problem.none"));
    none.getStyleClass().add("hint");
    table.setPlaceholder(none);
    vm.summaryProperty().subscribe(s -> {
      List<Problem> all = new ArrayList<>();
      if (s != null) {
        all.addAll(s.getActiveProblemsList());
        all.addAll(s.getPastProblemsList());
      }
      table.getItems().setAll(all);
    });
    Button resolve = new Button(i18n.get("chart.resolveProblem"));
    resolve.setId("resolveProblem");
    resolve.setOnAction(e -> vm.setProblemStatus(table.getSelectionModel().getSelectedItem(),
        ProblemStatus.PROBLEM_RESOLVED));
    Button reactivate = new Button(i18n.get("chart.reactivateProblem"));
    reactivate.setId("reactivateProblem");
    reactivate.setOnAction(e -> vm.setProblemStatus(table.getSelectionModel().getSelectedItem(),
        ProblemStatus.PROBLEM_ACTIVE));
    var selected = table.getSelectionModel().selectedItemProperty();
    resolve.disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(
        () -> selected.get() == null || selected.get().getStatus() != ProblemStatus.PROBLEM_ACTIVE, selected));
    reactivate.disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(
        () -> selected.get() == null || selected.get().getStatus() == ProblemStatus.PROBLEM_ACTIVE, selected));
    VBox box = new VBox(6, table);
    if (vm.canWrite()) {
      box.getChildren().add(new HBox(8, resolve, reactivate));
    }
    return box;
  }

  private TableView<Allergy> allergies() {
    TableView<Allergy> table = new TableView<>();
    table.setId("allergyTable");
    table.setPrefHeight(140);
    table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    table.getColumns().add(TextColumn.of(i18n.get("chart.allergy.substance"), 200, Allergy::getSubstance));
    table.getColumns().add(TextColumn.of(i18n.get("chart.allergy.category"), 110,
        a -> i18n.dynamic("chart.allergy.", a.getCategory().name())));
    table.getColumns().add(TextColumn.of(i18n.get("chart.allergy.reaction"), 200, Allergy::getReaction));
    table.getColumns().add(TextColumn.of(i18n.get("chart.allergy.severity"), 100,
        a -> i18n.dynamic("chart.allergy.", a.getSeverity().name())));
    table.getColumns().add(TextColumn.of(i18n.get("chart.allergy.verified"), 90,
        a -> i18n.get(a.getVerified() ? "chart.allergy.verifiedYes" : "chart.allergy.verifiedNo")));
    Label placeholder = new Label();
    placeholder.getStyleClass().add("hint");
    table.setPlaceholder(placeholder);
    vm.summaryProperty().subscribe(s -> {
      table.getItems().setAll(s == null ? List.of() : s.getBanner().getAllergiesList());
      placeholder.setText(s == null ? "" : i18n.get(switch (s.getBanner().getAllergyState()) {
        case NO_KNOWN_DRUG_ALLERGIES -> "chart.nkda";
        default -> "chart.allergiesNotRecorded";
      }));
    });
    return table;
  }

  private VBox allergyForm() {
    ComboBox<AllergyCategory> category = combo("allergyCategory", List.of(AllergyCategory.ALLERGY_DRUG,
        AllergyCategory.ALLERGY_FOOD, AllergyCategory.ALLERGY_ENVIRONMENT, AllergyCategory.ALLERGY_OTHER));
    ComboBox<AllergyType> type = combo("allergyType", List.of(AllergyType.ALLERGY, AllergyType.INTOLERANCE));
    ComboBox<AllergySeverity> severity = combo("allergySeverity", List.of(AllergySeverity.ALLERGY_MILD,
        AllergySeverity.ALLERGY_MODERATE, AllergySeverity.ALLERGY_SEVERE));
    severity.getSelectionModel().select(AllergySeverity.ALLERGY_MODERATE);
    TextField substance = new TextField();
    substance.setId("allergySubstance");
    substance.setPrefWidth(220);
    category.valueProperty().subscribe(c -> substance.setPromptText(i18n.get(c == AllergyCategory.ALLERGY_DRUG
        ? "chart.allergy.drugPrompt" : "chart.allergy.textPrompt")));
    TextField reaction = new TextField();
    reaction.setId("allergyReaction");
    reaction.setPrefWidth(220);
    reaction.setPromptText(i18n.get("chart.allergy.reactionPrompt"));
    CheckBox verified = new CheckBox(i18n.get("chart.allergy.verifiedBox"));
    verified.setId("allergyVerified");
    Button record = new Button(i18n.get("chart.recordAllergy"));
    record.setId("recordAllergy");
    record.setOnAction(e -> {
      RecordAllergyRequest.Builder r = RecordAllergyRequest.newBuilder().setCategory(category.getValue())
          .setType(type.getValue()).setReaction(reaction.getText().strip()).setSeverity(severity.getValue())
          .setVerified(verified.isSelected());
      String what = substance.getText().strip();
      if (category.getValue() == AllergyCategory.ALLERGY_DRUG) {
        r.setSubstanceCode(what.toLowerCase(Locale.ROOT)); // an ingredient or a class the formulary knows
      } else {
        r.setSubstance(what);
      }
      vm.recordAllergy(r);
      substance.clear();
      reaction.clear();
    });
    Button nkda = new Button(i18n.get("chart.recordNkda"));
    nkda.setId("recordNkda");
    nkda.setOnAction(e -> vm.recordNoKnownDrugAllergies());
    GridPane grid = new GridPane(10, 6);
    grid.addRow(0, label("chart.allergy.category"), category, label("chart.allergy.type"), type);
    grid.addRow(1, label("chart.allergy.substance"), substance, label("chart.allergy.reaction"), reaction);
    grid.addRow(2, label("chart.allergy.severity"), severity, verified);
    HBox buttons = new HBox(8, record, nkda);
    buttons.setAlignment(Pos.CENTER_LEFT);
    return new VBox(6, section("chart.recordAllergyTitle"), grid, buttons);
  }

  private <T extends Enum<T>> ComboBox<T> combo(String id, List<T> items) {
    ComboBox<T> c = new ComboBox<>();
    c.setId(id);
    c.getItems().setAll(items);
    c.setConverter(new StringConverter<>() {
      @Override
      public String toString(T t) {
        return t == null ? "" : i18n.dynamic("chart.allergy.", t.name());
      }

      @Override
      public T fromString(String s) {
        return null;
      }
    });
    c.getSelectionModel().selectFirst();
    return c;
  }

  private static String date(boolean present, Date d) {
    return present ? String.format("%04d-%02d-%02d", d.getYear(), d.getMonth(), d.getDay()) : "";
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
}
