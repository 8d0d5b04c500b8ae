package org.hospital.client.patients.search;

import atlantafx.base.theme.Styles;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.hospital.client.i18n.I18n;
import org.hospital.client.patients.PatientText;
import org.hospital.client.ui.Focusable;
import org.hospital.proto.patients.v1.PatientSummary;

/**
 * Find a patient with the keyboard only: type, Down moves into the results, Enter opens the selected one.
 */
public final class PatientSearchView extends VBox implements Focusable {

  private final PatientSearchViewModel vm;
  private final I18n i18n;
  private final TextField query = new TextField();
  private final TableView<PatientSummary> table = new TableView<>();
  private final Label status = new Label();

  /**
   * The search as part of a dialog (booking, wait list): no area padding, a fixed height that grows with the
   * dialog, and selecting a row (click or arrow keys) hands the patient to {@code chosen}.
   */
  public static PatientSearchView picker(PatientSearchViewModel vm, I18n i18n, PatientText text,
      java.util.function.Consumer<PatientSummary> chosen) {
    PatientSearchView search = new PatientSearchView(vm, i18n, text);
    search.getStyleClass().remove("area");
    search.setSpacing(8);
    search.setPrefHeight(230);
    VBox.setVgrow(search, Priority.ALWAYS);
    search.table.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
      if (now != null) {
        chosen.accept(now);
      }
    });
    return search;
  }

  public PatientSearchView(PatientSearchViewModel vm, I18n i18n, PatientText text) {
    this.vm = vm;
    this.i18n = i18n;
    getStyleClass().add("area");

    Label title = new Label(i18n.get("patients.search.title"));
    title.getStyleClass().add("screen-title");
    Region spacer = new Region();
    HBox.setHgrow(spacer, Priority.ALWAYS);
    Button register = new Button(i18n.get("patients.search.registerNew"));
    register.setId("registerNew");
    register.getStyleClass().add(Styles.ACCENT);
    register.setOnAction(e -> vm.registerNew());
    HBox heading = new HBox(12, title, spacer, register);
    heading.setAlignment(Pos.CENTER_LEFT);

    query.setId("searchQuery");
    query.setPromptText(i18n.get("patients.search.prompt"));
    query.textProperty().bindBidirectional(vm.queryProperty());
    query.addEventFilter(KeyEvent.KEY_PRESSED, this::queryKey);

    status.setId("searchStatus");
    status.getStyleClass().add("hint");
    status.setWrapText(true);
    status.managedProperty().bind(status.textProperty().isNotEmpty());
    vm.stateProperty().addListener((obs, old, now) -> showStatus());
    vm.errorMessageProperty().addListener((obs, old, now) -> showStatus());
    showStatus();

    buildTable(text);
    VBox.setVgrow(table, Priority.ALWAYS);

    Button more = new Button(i18n.get("patients.search.more"));
    more.setId("moreResults");
    more.visibleProperty().bind(vm.moreAvailableProperty());
    more.managedProperty().bind(more.visibleProperty());
    more.disableProperty().bind(vm.loadingMoreProperty());
    more.setOnAction(e -> vm.loadMore());

    getChildren().addAll(heading, query, status, table, more);
  }

  @Override
  public void focusFirst() {
    query.requestFocus();
    query.end();
  }

  private void buildTable(PatientText text) {
    table.setId("searchResults");
    table.setItems(vm.results());
    table.setPlaceholder(new Label(""));
    table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    table.getColumns().add(column(i18n.get("patients.column.mrn"), 110, PatientSummary::getMrn));
    table.getColumns().add(column(i18n.get("patients.column.name"), 220,
        p -> text.name(p.getFamilyName(), p.getGivenNames())));
    table.getColumns().add(column(i18n.get("patients.column.birthDate"), 120, p -> text.date(p.getBirthDate())));
    table.getColumns().add(column(i18n.get("patients.column.sex"), 80, p -> text.sex(p.getSex())));
    table.getColumns().add(column(i18n.get("patients.column.phone"), 130, PatientSummary::getPhone));
    table.getColumns().add(column(i18n.get("patients.column.city"), 110, PatientSummary::getCity));
    table.getStyleClass().add(Styles.STRIPED);
    table.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
      if (e.getCode() == KeyCode.ENTER) {
        vm.open(table.getSelectionModel().getSelectedItem());
        e.consume();
      } else if (e.getCode() == KeyCode.UP && table.getSelectionModel().getSelectedIndex() <= 0) {
        focusFirst(); // Up from the first row goes back to typing
        e.consume();
      }
    });
    table.setOnMouseClicked(e -> {
      if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
        vm.open(table.getSelectionModel().getSelectedItem());
      }
    });
  }

  private TableColumn<PatientSummary, String> column(String title, double width,
      Function<PatientSummary, String> value) {
    TableColumn<PatientSummary, String> column = new TableColumn<>(title);
    column.setPrefWidth(width);
    column.setCellValueFactory(cell -> constant(value.apply(cell.getValue())));
    column.setSortable(false); // the server ranks best first; re-sorting would hide that
    return column;
  }

  private static ObservableValue<String> constant(String value) {
    return new ReadOnlyStringWrapper(value).getReadOnlyProperty();
  }

  private void queryKey(KeyEvent event) {
    if (event.getCode() == KeyCode.DOWN && !table.getItems().isEmpty()) {
      table.requestFocus();
      if (table.getSelectionModel().isEmpty()) {
        table.getSelectionModel().selectFirst();
      }
      table.getFocusModel().focus(table.getSelectionModel().getSelectedIndex());
      event.consume();
    }
  }

  private void showStatus() {
    String message = switch (vm.stateProperty().get()) {
      case TOO_SHORT -> i18n.get("patients.search.tooShort");
      case SEARCHING -> i18n.get("patients.search.searching");
      case NO_RESULTS -> i18n.get("patients.search.none");
      case RESULTS -> "";
      case FAILED -> vm.errorMessageProperty().get();
    };
    if (vm.stateProperty().get() == SearchState.RESULTS && !vm.errorMessageProperty().get().isEmpty()) {
      message = vm.errorMessageProperty().get();
    }
    status.setText(message);
    status.pseudoClassStateChanged(Styles.STATE_DANGER, vm.stateProperty().get() == SearchState.FAILED);
  }
}
