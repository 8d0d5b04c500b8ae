package org.hospital.client.schedule.finder;

import atlantafx.base.theme.Styles;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.converter.LocalDateStringConverter;
import org.hospital.client.i18n.I18n;
import org.hospital.client.schedule.SlotChoice;
import org.hospital.client.ui.Banner;
import org.hospital.client.ui.NamedCell;
import org.hospital.proto.scheduling.v1.Clinician;
import org.hospital.proto.scheduling.v1.Department;

/**
 * The free-slot finder's content: where to look (department, specialty or clinician), the days, and the free
 * slots found, earliest first. Enter in a field searches; Enter in the list books the slot (via {@code book}).
 */
public final class FreeSlotFinderView extends VBox {

  private final FreeSlotFinderViewModel vm;
  private final ListView<SlotChoice> list;

  public FreeSlotFinderView(FreeSlotFinderViewModel vm, I18n i18n, Runnable book) {
    super(10);
    this.vm = vm;
    setId("freeSlotFinder");
    setPadding(new javafx.geometry.Insets(12, 12, 4, 12));

    ToggleGroup scopes = new ToggleGroup();
    HBox scopeButtons = new HBox();
    scopeButtons.getStyleClass().add("day-buttons");
    ComboBox<Department> department = combo("finderDepartment", vm.departments(), Department::getName);
    department.valueProperty().bindBidirectional(vm.departmentProperty());
    ComboBox<String> specialty = combo("finderSpecialty", vm.specialties(), s -> s);
    specialty.valueProperty().bindBidirectional(vm.specialtyProperty());
    ComboBox<Clinician> clinician = combo("finderClinician", vm.clinicians(), Clinician::getDisplayName);
    clinician.valueProperty().bindBidirectional(vm.clinicianProperty());
    StackPane target = new StackPane(department, specialty, clinician);
    target.setAlignment(Pos.CENTER_LEFT);
    for (FreeSlotFinderViewModel.Scope scope : FreeSlotFinderViewModel.Scope.values()) {
      ToggleButton button = new ToggleButton(i18n.dynamic("finder.scope.", scope.name()));
      button.setId("finderScope-" + scope.name().toLowerCase(java.util.Locale.ROOT));
      button.setToggleGroup(scopes);
      button.setSelected(vm.scopeProperty().get() == scope);
      button.setOnAction(e -> {
        button.setSelected(true); // one is always chosen
        vm.scopeProperty().set(scope);
      });
      scopeButtons.getChildren().add(button);
    }
    vm.scopeProperty().subscribe(scope -> {
      department.setVisible(scope == FreeSlotFinderViewModel.Scope.DEPARTMENT);
      specialty.setVisible(scope == FreeSlotFinderViewModel.Scope.SPECIALTY);
      clinician.setVisible(scope == FreeSlotFinderViewModel.Scope.CLINICIAN);
    });

    DateTimeFormatter dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(i18n.locale());
    DatePicker from = datePicker("finderFrom", dates);
    from.valueProperty().bindBidirectional(vm.fromProperty());
    DatePicker to = datePicker("finderTo", dates);
    to.valueProperty().bindBidirectional(vm.toProperty());
    Button search = new Button(i18n.get("finder.search"));
    search.setId("finderSearch");
    search.getStyleClass().add(Styles.ACCENT);
    search.disableProperty().bind(vm.status().busyProperty());
    search.setOnAction(e -> vm.search());

    FlowPane where = new FlowPane(10, 6, label(i18n.get("finder.lookIn")), scopeButtons, target);
    where.setAlignment(Pos.CENTER_LEFT);
    FlowPane when = new FlowPane(10, 6, label(i18n.get("finder.from")), from, label(i18n.get("finder.to")), to,
        search);
    when.setAlignment(Pos.CENTER_LEFT);

    Banner error = new Banner(Banner.Kind.DANGER, vm.status().errorProperty());
    error.setId("finderError");
    Label summary = new Label();
    summary.setId("finderSummary");
    summary.getStyleClass().add("hint");
    summary.textProperty().bind(vm.summaryProperty());

    list = new ListView<>(vm.results());
    list.setId("finderResults");
    list.setPlaceholder(new Label(i18n.get("finder.placeholder")));
    VBox.setVgrow(list, Priority.ALWAYS);
    list.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
      if (now != null) {
        vm.chosenProperty().set(now);
      }
    });
    vm.chosenProperty().subscribe(choice -> {
      if (choice != null && list.getSelectionModel().getSelectedItem() != choice) {
        list.getSelectionModel().select(choice);
      }
    });
    list.setOnKeyPressed(e -> {
      if (e.getCode() == KeyCode.ENTER && vm.chosenProperty().get() != null) {
        e.consume();
        book.run();
      }
    });
    list.setOnMouseClicked(e -> {
      if (e.getClickCount() == 2 && vm.chosenProperty().get() != null) {
        book.run();
      }
    });
    for (var field : java.util.List.of(department, specialty, clinician, from, to)) {
      field.setOnKeyPressed(e -> {
        if (e.getCode() == KeyCode.ENTER) {
          e.consume();
          vm.search();
        }
      });
    }
    getChildren().addAll(where, when, error, summary, list);
  }

  /** The first search runs when the dialog opens: most callers want "the next free" right away. */
  public void start() {
    vm.search();
    list.requestFocus();
  }

  private static Label label(String text) {
    Label label = new Label(text);
    label.getStyleClass().add("field-label");
    return label;
  }

  private static DatePicker datePicker(String id, DateTimeFormatter dates) {
    DatePicker picker = new DatePicker();
    picker.setId(id);
    picker.setPrefWidth(160);
    picker.setConverter(new LocalDateStringConverter(dates, dates));
    return picker;
  }

  private static <T> ComboBox<T> combo(String id, java.util.List<T> items,
      java.util.function.Function<T, String> name) {
    ComboBox<T> box = new ComboBox<>(javafx.collections.FXCollections.observableArrayList(items));
    box.setId(id);
    box.setPrefWidth(240);
    NamedCell.use(box, name);
    return box;
  }
}
