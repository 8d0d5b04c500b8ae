package org.hospital.client.ward;

import atlantafx.base.theme.Styles;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.hospital.client.i18n.I18n;
import org.hospital.client.ui.Banner;
import org.hospital.client.ui.FieldBox;
import org.hospital.client.ui.LiveStatusBanner;
import org.hospital.client.ui.NamedCell;
import org.hospital.proto.wards.v1.BedState;
import org.hospital.proto.wards.v1.BedTile;
import org.hospital.proto.wards.v1.Consciousness;
import org.hospital.proto.wards.v1.DischargeDestination;
import org.hospital.proto.wards.v1.Ward;

/** The Ward area: ward picker and census, the grid of beds, and the selected bed's panel. */
public final class WardAreaView extends BorderPane {

  static final double PANEL_WIDTH = 360;

  private final WardViewModel vm;
  private final I18n i18n;
  private final FlowPane grid = new FlowPane(10, 10);
  private final VBox panel = new VBox(10);

  public WardAreaView(WardViewModel vm, I18n i18n) {
    this.vm = vm;
    this.i18n = i18n;
    setId("wardArea");
    getStyleClass().add("area");

    Label title = new Label(i18n.get("ward.title"));
    title.getStyleClass().add("screen-title");
    ComboBox<Ward> picker = new ComboBox<>(vm.wards());
    picker.setId("wardPicker");
    NamedCell.use(picker, Ward::getName);
    picker.valueProperty().bindBidirectional(vm.wardProperty());
    Label census = new Label();
    census.setId("wardCensus");
    census.getStyleClass().add("ward-census");
    census.textProperty().bind(vm.censusProperty());
    census.setMinWidth(Region.USE_PREF_SIZE);
    HBox top = new HBox(12, title, picker, census);
    top.setAlignment(Pos.CENTER_LEFT);
    Banner live = LiveStatusBanner.of(vm.feed().statusProperty(), i18n);
    Banner error = new Banner(Banner.Kind.DANGER, vm.status().errorProperty());
    error.setId("wardError");
    Banner notice = new Banner(Banner.Kind.SUCCESS, vm.status().noticeProperty());
    notice.setId("wardNotice");
    // after an admission at this desk, the notice offers the wristband: the band goes on before the patient
    // leaves the desk
    Button band = button("printAdmittedWristband", "ward.print.admittedWristband", vm::printAdmittedWristband);
    band.visibleProperty().bind(vm.admittedProperty().isNotNull());
    band.managedProperty().bind(band.visibleProperty());
    band.setMinWidth(Region.USE_PREF_SIZE);
    HBox.setHgrow(notice, Priority.ALWAYS);
    notice.setMaxWidth(Double.MAX_VALUE);
    HBox noticeRow = new HBox(8, notice, band);
    noticeRow.setAlignment(Pos.CENTER_LEFT);
    VBox header = new VBox(6, top, live, error, noticeRow);
    header.setPadding(new Insets(0, 0, 8, 0));
    setTop(header);

    grid.setId("bedGrid");
    grid.setPadding(new Insets(4));
    ScrollPane board = new ScrollPane(grid);
    board.setFitToWidth(true);
    // as many beds to a row as the window has room for
    board.viewportBoundsProperty().addListener((obs, old, now) -> grid.setPrefWrapLength(now.getWidth() - 8));
    setCenter(board);

    panel.setId("bedPanel");
    panel.setPadding(new Insets(0, 0, 0, 12));
    ScrollPane side = new ScrollPane(panel);
    side.setFitToWidth(true);
    side.setPrefWidth(PANEL_WIDTH);
    side.setMinWidth(PANEL_WIDTH);
    setRight(side);

    vm.tiles().addListener((javafx.collections.ListChangeListener<BedTile>) c -> drawGrid());
    vm.selectedProperty().addListener((obs, old, now) -> {
      drawGrid();
      if (old == null || now == null || old.getBed().getId() != now.getBed().getId()
          || old.getBed().getState() != now.getBed().getState()) {
        drawPanel();
      }
    });
    drawGrid();
    drawPanel();
  }

  private void drawGrid() {
    BedTile s = vm.selectedProperty().get();
    grid.getChildren().setAll(vm.tiles().stream().map(t -> {
      BedTileView v = new BedTileView(t, s != null && s.getBed().getId() == t.getBed().getId(), i18n, vm.clock());
      v.setOnMouseClicked(e -> vm.selectedProperty().set(t));
      return v;
    }).toList());
  }

  private void drawPanel() {
    BedTile t = vm.selectedProperty().get();
    panel.getChildren().clear();
    if (t == null) {
      Label hint = new Label(i18n.get("ward.selectBed"));
      hint.getStyleClass().add("hint");
      hint.setWrapText(true);
      panel.getChildren().add(hint);
      return;
    }
    Label bed = new Label(i18n.format("ward.bedTitle", t.getBed().getLabel(), t.getBed().getRoom()));
    bed.setId("bedPanelTitle");
    bed.getStyleClass().add(Styles.TITLE_3);
    Label state = new Label(i18n.dynamic("ward.state.", t.getBed().getState().name()));
    state.getStyleClass().add("hint");
    panel.getChildren().addAll(bed, state);
    switch (t.getBed().getState()) {
      case FREE, RESERVED -> {
        admitSection();
        if (!vm.managesBeds()) {
          return;
        }
        panel.getChildren().add(new Separator());
        if (t.getBed().getState() == BedState.FREE) {
          blockSection();
        } else {
          panel.getChildren().add(button("releaseBed", "ward.release", vm::release));
        }
      }
      case OCCUPIED -> occupiedSections(t);
      case NEEDS_CLEANING -> bedManagement(button("markClean", "ward.markClean", vm::markClean));
      case BLOCKED -> bedManagement(button("releaseBed", "ward.release", vm::release));
      default -> { }
    }
  }

  /** A housekeeping action, for those who run the beds; others read who does it. */
  private void bedManagement(Button action) {
    panel.getChildren().add(vm.managesBeds() ? action : othersManageBeds());
  }

  private Label othersManageBeds() {
    Label hint = new Label(i18n.get("ward.nursesManageBeds"));
    hint.setId("othersManageBeds");
    hint.getStyleClass().add("hint");
    hint.setWrapText(true);
    hint.setMinHeight(Region.USE_PREF_SIZE);
    return hint;
  }

  private void admitSection() {
    Label heading = section("ward.admit.title");
    TextField query = new TextField();
    query.setId("admitPatientQuery");
    query.setPromptText(i18n.get("ward.admit.queryPrompt"));
    query.textProperty().bindBidirectional(vm.patientQueryProperty());
    query.setOnAction(e -> vm.searchPatients());
    Button find = button("admitFind", "ward.admit.find", vm::searchPatients);
    HBox.setHgrow(query, Priority.ALWAYS);
    HBox search = new HBox(6, query, find);
    ListView<org.hospital.proto.patients.v1.PatientSummary> matches = new ListView<>(vm.matches());
    matches.setId("admitMatches");
    matches.setPrefHeight(110);
    matches.setCellFactory(l -> new NamedCell<>(p -> p.getFamilyName() + ", " + p.getGivenNames() + "  ·  "
        + p.getMrn()));
    matches.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
      if (now != null) {
        vm.patientProperty().set(now);
      }
    });
    vm.patientProperty().addListener((obs, old, now) -> {
      if (now != null && matches.getSelectionModel().getSelectedItem() != now) {
        matches.getSelectionModel().select(now);
      }
    });
    ComboBox<org.hospital.proto.scheduling.v1.Clinician> doctor = new ComboBox<>(vm.doctors());
    doctor.setId("admitDoctor");
    NamedCell.use(doctor, org.hospital.proto.scheduling.v1.Clinician::getDisplayName);
    doctor.valueProperty().bindBidirectional(vm.doctorProperty());
    TextField reason = new TextField();
    reason.setId("admitReason");
    reason.textProperty().bindBidirectional(vm.reasonProperty());
    Button admit = button("admitPatient", "ward.admit.confirm", vm::admit);
    admit.getStyleClass().add(Styles.ACCENT);
    admit.disableProperty().bind(vm.status().busyProperty().or(vm.patientProperty().isNull()));
    panel.getChildren().addAll(heading, search, matches, new FieldBox(i18n.get("ward.admit.doctor"), doctor),
        new FieldBox(i18n.get("ward.admit.reason"), reason, vm.reasonErrorProperty()), admit);
  }

  private void blockSection() {
    TextField reason = new TextField();
    reason.setId("blockReason");
    reason.textProperty().bindBidirectional(vm.blockReasonProperty());
    Button block = button("blockBed", "ward.block", vm::block);
    block.disableProperty().bind(vm.status().busyProperty().or(vm.blockReasonProperty().isEmpty()));
    panel.getChildren().addAll(new FieldBox(i18n.get("ward.blockReason"), reason), block);
  }

  private void occupiedSections(BedTile t) {
    Label who = new Label(t.getOccupant().getDisplayName() + "  ·  " + t.getOccupant().getMrn());
    who.setId("bedPanelPatient");
    who.getStyleClass().add(Styles.TEXT_BOLD);
    who.setWrapText(true);
    Label news = new Label();
    news.setId("bedPanelNews2");
    news.textProperty().bind(Bindings.createStringBinding(() -> {
      BedTile now = vm.selectedProperty().get();
      return now != null && now.hasOccupant() && now.getOccupant().hasLatestNews2()
          ? BedTileText.news2(now.getOccupant().getLatestNews2(), i18n) : i18n.get("ward.news2.none");
    }, vm.selectedProperty()));
    panel.getChildren().add(who);
    printSection();
    if (vm.chartsVitals()) {
      panel.getChildren().add(news);
      vitalsSection();
    }
    if (!vm.managesBeds()) {
      panel.getChildren().add(othersManageBeds());
      return;
    }
    panel.getChildren().add(new Separator());
    panel.getChildren().add(section("ward.transfer.title"));
    ComboBox<BedTile> to = new ComboBox<>(vm.freeBeds());
    to.setId("transferTo");
    NamedCell.use(to, b -> vm.wardName(b) + "  " + b.getBed().getLabel());
    to.valueProperty().bindBidirectional(vm.transferToProperty());
    Button transfer = button("transferPatient", "ward.transfer.confirm", vm::transfer);
    transfer.disableProperty().bind(vm.status().busyProperty().or(vm.transferToProperty().isNull()));
    panel.getChildren().addAll(new FieldBox(i18n.get("ward.transfer.to"), to), transfer);
    panel.getChildren().add(new Separator());
    panel.getChildren().add(section("ward.discharge.title"));
    ComboBox<DischargeDestination> destination = new ComboBox<>(javafx.collections.FXCollections.observableArrayList(
        java.util.Arrays.stream(DischargeDestination.values()).filter(d -> d != DischargeDestination.UNRECOGNIZED && d.getNumber() > 0).toList()));
    destination.setId("dischargeDestination");
    NamedCell.use(destination, d -> i18n.dynamic("ward.destination.", d.name()));
    destination.valueProperty().bindBidirectional(vm.destinationProperty());
    Button discharge = button("dischargePatient", "ward.discharge.confirm", vm::discharge);
    discharge.getStyleClass().add(Styles.DANGER);
    panel.getChildren().addAll(new FieldBox(i18n.get("ward.discharge.destination"), destination), discharge);
  }

  /** The patient's wristband and a sheet of labels, for everyone who admits (decision 0701). */
  private void printSection() {
    Button band = button("printWristband", "ward.print.wristband", vm::printWristband);
    Button labels = button("printLabels", "ward.print.labels", vm::printLabels);
    band.disableProperty().bind(vm.status().busyProperty());
    labels.disableProperty().bind(vm.status().busyProperty());
    band.setMinWidth(Region.USE_PREF_SIZE);
    labels.setMinWidth(Region.USE_PREF_SIZE);
    FlowPane row = new FlowPane(6, 6, band, labels);
    panel.getChildren().add(row);
  }

  private void vitalsSection() {
    panel.getChildren().add(section("ward.vitals.title"));
    VitalsForm f = vm.vitals();
    GridPane form = new GridPane(10, 0);
    String[] fields = {VitalsForm.TEMPERATURE, VitalsForm.PULSE, VitalsForm.SYSTOLIC, VitalsForm.DIASTOLIC,
        VitalsForm.RESPIRATION, VitalsForm.SPO2, VitalsForm.PAIN};
    for (int i = 0; i < fields.length; i++) {
      TextField field = new TextField();
      field.setId("vitals-" + fields[i]);
      field.textProperty().bindBidirectional(f.value(fields[i]));
      form.add(new FieldBox(i18n.dynamic("ward.vitals.", fields[i]), field, f.error(fields[i])), i % 2, i / 2);
    }
    ComboBox<Consciousness> acvpu = new ComboBox<>(javafx.collections.FXCollections.observableArrayList(
        java.util.Arrays.stream(Consciousness.values()).filter(c -> c != Consciousness.UNRECOGNIZED && c.getNumber() > 0).toList()));
    acvpu.setId("vitals-consciousness");
    NamedCell.use(acvpu, c -> i18n.dynamic("ward.acvpu.", c.name()));
    acvpu.valueProperty().bindBidirectional(f.consciousnessProperty());
    form.add(new FieldBox(i18n.dynamic("ward.vitals.", VitalsForm.CONSCIOUSNESS), acvpu,
        f.error(VitalsForm.CONSCIOUSNESS)), 1, 3);
    javafx.scene.layout.ColumnConstraints half = new javafx.scene.layout.ColumnConstraints();
    half.setPercentWidth(50);
    form.getColumnConstraints().addAll(half, half);
    CheckBox oxygen = new CheckBox(i18n.get("ward.vitals.onOxygen"));
    oxygen.setId("vitals-onOxygen");
    oxygen.selectedProperty().bindBidirectional(f.onOxygenProperty());
    Button record = button("recordVitals", "ward.vitals.record", vm::recordVitals);
    record.getStyleClass().add(Styles.ACCENT);
    record.disableProperty().bind(vm.status().busyProperty());
    Label result = new Label();
    result.setId("vitalsNews2");
    result.getStyleClass().add(Styles.TEXT_BOLD);
    result.textProperty().bind(vm.lastNews2Property());
    record.setMinWidth(Region.USE_PREF_SIZE);
    result.setWrapText(true);
    result.setMinHeight(Region.USE_PREF_SIZE);
    panel.getChildren().addAll(form, oxygen, record, result);
  }

  private Label section(String key) {
    Label l = new Label(i18n.get(key));
    l.getStyleClass().add(Styles.TITLE_4);
    return l;
  }

  private Button button(String id, String key, Runnable action) {
    Button b = new Button(i18n.get(key));
    b.setId(id);
    b.setOnAction(e -> action.run());
    return b;
  }
}
