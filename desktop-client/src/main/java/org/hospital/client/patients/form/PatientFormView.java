package org.hospital.client.patients.form;

import atlantafx.base.theme.Styles;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.hospital.client.i18n.I18n;
import org.hospital.client.patients.PatientText;
import org.hospital.client.ui.Banner;
import org.hospital.client.ui.Focusable;

/** Registration and edit form: three small sections, problems next to their fields, Save and Cancel. */
public final class PatientFormView extends BorderPane implements Focusable {

  private final PersonSection person;

  public PatientFormView(PatientFormViewModel vm, I18n i18n, PatientText text) {
    setId("patientForm");

    Label title = new Label(vm.title());
    title.getStyleClass().add("screen-title");
    Banner notice = new Banner(Banner.Kind.SUCCESS, vm.noticeProperty());
    notice.setId("formNotice");
    Banner error = new Banner(Banner.Kind.DANGER, vm.formErrorProperty());
    error.setId("formError");

    person = new PersonSection(vm.fields(), i18n, text);
    ContactSection contact = new ContactSection(vm.fields(), i18n);
    AddressSection address = new AddressSection(vm.fields(), i18n);

    Button save = new Button(vm.isEditing() ? i18n.get("patients.form.save") : i18n.get("patients.form.register"));
    save.setId("savePatient");
    save.setDefaultButton(true);
    save.getStyleClass().add(Styles.ACCENT);
    save.disableProperty().bind(vm.busyProperty());
    save.setOnAction(e -> vm.save());
    Button cancel = new Button(i18n.get("patients.form.cancel"));
    cancel.setId("cancelForm");
    cancel.setCancelButton(true);
    cancel.setOnAction(e -> vm.cancel());
    ProgressIndicator progress = new ProgressIndicator();
    progress.setPrefSize(22, 22);
    progress.visibleProperty().bind(vm.busyProperty());
    HBox actions = new HBox(8, save, cancel, progress);
    actions.setAlignment(Pos.CENTER_LEFT);

    VBox content = new VBox(title, notice, person, contact, address);
    content.getStyleClass().add("area");
    content.setMaxWidth(860);
    ScrollPane scroller = new ScrollPane(content);
    scroller.setFitToWidth(true);
    setCenter(scroller);
    // Save stays in reach however long the form is, with the form-level message right above it
    VBox footer = new VBox(8, error, actions);
    footer.getStyleClass().add("form-footer");
    setBottom(footer);
  }

  @Override
  public void focusFirst() {
    person.familyName.requestFocus();
  }
}
