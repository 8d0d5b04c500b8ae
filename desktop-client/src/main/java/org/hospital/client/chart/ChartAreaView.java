package org.hospital.client.chart;

import atlantafx.base.theme.Styles;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.hospital.client.i18n.I18n;
import org.hospital.client.patients.PatientChoiceList;
import org.hospital.client.ui.Banner;

/**
 * The Chart area: find a patient by name or MRN (a scanned wristband types the MRN and Enter), then the
 * chart with its banner and tabs. Opened from the worklist on the consultation's encounter.
 */
public final class ChartAreaView extends VBox {

  private final ChartViewModel vm;

  public ChartAreaView(ChartViewModel vm, I18n i18n) {
    this(vm, i18n, null);
  }

  /** With the Lab tab, which follows the chart's patient and open encounter. */
  public ChartAreaView(ChartViewModel vm, I18n i18n, org.hospital.client.lab.ChartLabViewModel lab) {
    this.vm = vm;
    setId("chartArea");
    getStyleClass().add("area");
    setSpacing(8);

    TextField search = new TextField();
    search.setId("chartSearch");
    search.setPromptText(i18n.get("chart.searchPrompt"));
    search.setOnAction(e -> vm.find(search.getText()));
    HBox.setHgrow(search, Priority.ALWAYS);
    Button find = new Button(i18n.get("chart.find"));
    find.setOnAction(e -> vm.find(search.getText()));
    HBox bar = new HBox(8, search, find);
    bar.setAlignment(Pos.CENTER_LEFT);

    PatientChoiceList found = new PatientChoiceList(vm.found(), vm.openProperty(), p -> vm.openPatient(p.getId()));
    found.setId("chartFound");

    Banner error = new Banner(Banner.Kind.DANGER, vm.status().errorProperty());
    error.setId("chartError");
    Banner notice = new Banner(Banner.Kind.SUCCESS, vm.status().noticeProperty());
    notice.setId("chartNotice");

    PatientBannerView banner = new PatientBannerView(i18n);
    TabPane tabs = new ChartTabs(vm, i18n, lab);
    if (lab != null) {
      Runnable follow = () -> lab.forPatient(vm.summaryProperty().get() == null ? 0
          : vm.summaryProperty().get().getBanner().getPatientId(), vm.encounterProperty().get() == null
          || vm.encounterProperty().get().getStatus() != org.hospital.proto.clinical.v1.EncounterStatus.ENCOUNTER_OPEN
          ? 0 : vm.encounterProperty().get().getId());
      vm.summaryProperty().subscribe(s -> follow.run());
      vm.encounterProperty().subscribe(e -> follow.run());
    }
    VBox chart = new VBox(8, banner, tabs);
    VBox.setVgrow(tabs, Priority.ALWAYS);
    VBox.setVgrow(chart, Priority.ALWAYS);
    chart.visibleProperty().bind(vm.openProperty());
    chart.managedProperty().bind(chart.visibleProperty());
    vm.summaryProperty().subscribe(s -> {
      if (s != null) {
        banner.show(s);
        search.clear();
      }
    });
    search.textProperty().subscribe(t -> {
      if (!t.isEmpty()) {
        vm.openProperty().set(false);
      }
    });
    getChildren().addAll(bar, found, error, notice, chart);
    javafx.application.Platform.runLater(search::requestFocus);
    Styles.toggleStyleClass(find, Styles.ACCENT);
  }
}
