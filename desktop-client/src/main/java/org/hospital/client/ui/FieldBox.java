package org.hospital.client.ui;

import atlantafx.base.theme.Styles;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableStringValue;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/** A form field as a nurse reads it: its label above, the control, and its problem (if any) right below. */
public final class FieldBox extends VBox {

  /** A field that never shows a problem of its own. */
  public FieldBox(String labelText, Control control) {
    this(labelText, control, new ReadOnlyStringWrapper(""));
  }

  public FieldBox(String labelText, Control control, ObservableStringValue error) {
    Label label = new Label(labelText);
    label.setLabelFor(control);
    label.getStyleClass().add("field-label");
    Label problem = new Label();
    problem.getStyleClass().add("field-error");
    problem.setWrapText(true);
    problem.textProperty().bind(error);
    problem.visibleProperty().bind(problem.textProperty().isNotEmpty());
    problem.managedProperty().bind(problem.visibleProperty());
    control.setMaxWidth(Double.MAX_VALUE);
    error.addListener((obs, old, now) -> control.pseudoClassStateChanged(Styles.STATE_DANGER, !now.isEmpty()));
    getStyleClass().add("field-box");
    getChildren().addAll(label, control, problem);
  }
}
