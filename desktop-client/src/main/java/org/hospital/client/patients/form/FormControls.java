package org.hospital.client.patients.form;

import javafx.scene.control.TextField;

/** Text fields bound both ways to their field model. */
final class FormControls {

  private FormControls() {
  }

  static TextField text(String id, FieldModel<String> field) {
    TextField control = new TextField();
    control.setId(id);
    control.textProperty().bindBidirectional(field.valueProperty());
    return control;
  }
}
