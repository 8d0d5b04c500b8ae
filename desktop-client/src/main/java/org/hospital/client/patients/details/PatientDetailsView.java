package org.hospital.client.patients.details;

import atlantafx.base.theme.Styles;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.hospital.client.errors.ErrorMessages;
import org.hospital.client.i18n.I18n;
import org.hospital.client.patients.PatientText;
import org.hospital.client.ui.Banner;
import org.hospital.client.ui.Focusable;
import org.hospital.proto.patients.v1.Patient;
import org.hospital.proto.patients.v1.PatientDemographics;

/** A patient's demographics, read-only, with Edit and a way back to the search. */
public final class PatientDetailsView extends VBox implements Focusable {

  private final PatientDetailsViewModel vm;
  private final I18n i18n;
  private final PatientText text;
  private final ErrorMessages errors;
  private final Label name = new Label();
  private final Label mrn = new Label();
  private final GridPane grid = new GridPane();
  private final Button back;
  private final Button edit;

  public PatientDetailsView(PatientDetailsViewModel vm, I18n i18n, PatientText text, ErrorMessages errors) {
    this.vm = vm;
    this.i18n = i18n;
    this.text = text;
    this.errors = errors;
    getStyleClass().add("area");
    setId("patientDetails");

    back = new Button(i18n.get("patients.details.back"));
    back.setId("backToSearch");
    back.setCancelButton(true); // Esc goes back, as on every screen of the area
    back.setOnAction(e -> vm.back());
    edit = new Button(i18n.get("patients.details.edit"));
    edit.setId("editPatient");
    edit.getStyleClass().add(Styles.ACCENT);
    edit.disableProperty().bind(vm.patientProperty().isNull());
    edit.setOnAction(e -> vm.edit());
    ProgressIndicator progress = new ProgressIndicator();
    progress.setPrefSize(22, 22);
    progress.visibleProperty().bind(vm.loadingProperty());
    Region spacer = new Region();
    HBox.setHgrow(spacer, Priority.ALWAYS);
    HBox toolbar = new HBox(8, back, progress, spacer, edit);
    toolbar.setAlignment(Pos.CENTER_LEFT);

    name.setId("patientName");
    name.getStyleClass().add("screen-title");
    name.setWrapText(true);
    mrn.setId("patientMrn");
    mrn.getStyleClass().add("screen-subtitle");

    grid.setHgap(24);
    grid.setVgap(10);
    ColumnConstraints labels = new ColumnConstraints();
    labels.setMinWidth(140);
    ColumnConstraints values = new ColumnConstraints();
    values.setHgrow(Priority.ALWAYS);
    grid.getColumnConstraints().addAll(labels, values);

    Banner notice = new Banner(Banner.Kind.SUCCESS, vm.noticeProperty());
    notice.setId("detailsNotice");
    Banner error = new Banner(Banner.Kind.DANGER, vm.errorMessageProperty());
    getChildren().addAll(toolbar, notice, error, name, mrn, grid);
    vm.patientProperty().addListener((obs, old, now) -> show(now));
  }

  @Override
  public void focusFirst() {
    (edit.isDisabled() ? back : edit).requestFocus();
  }

  private void show(Patient patient) {
    grid.getChildren().clear();
    if (patient == null) {
      return;
    }
    PatientDemographics d = patient.getDemographics();
    name.setText(text.name(d.getFamilyName(), d.getGivenNames()));
    mrn.setText(i18n.format("patients.details.mrn", patient.getMrn()));
    int row = 0;
    row = add(row, "patients.field.birthDate", text.date(d.getBirthDate()));
    row = add(row, "patients.field.sex", text.sex(d.getSex()));
    row = add(row, "patients.field.phone", d.getPhone());
    row = add(row, "patients.field.email", d.getEmail());
    row = add(row, "patients.field.nationalId", d.getNationalId());
    row = add(row, "patients.details.address", text.address(d.getAddress()));
    add(row, "patients.details.lastChange", i18n.format("patients.details.changedBy",
        patient.getUpdatedBy(), errors.localTime(patient.getUpdatedAt())));
    focusFirst();
  }

  private int add(int row, String labelKey, String value) {
    Label label = new Label(i18n.get(labelKey));
    label.getStyleClass().add("field-label");
    Label content = new Label(value.isBlank() ? "—" : value);
    content.getStyleClass().add("value-label");
    content.setWrapText(true);
    grid.addRow(row, label, content);
    GridPane.setValignment(label, javafx.geometry.VPos.TOP);
    return row + 1;
  }
}
