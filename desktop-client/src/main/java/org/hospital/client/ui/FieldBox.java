package org.hospital.client.ui;

import atlantafx.base.theme.Styles;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableStringValue;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** A form field as a nurse reads it: its label above, the control, and its problem (if any) right below. */
public final class FieldBox extends VBox {

  /** A field that never shows a problem of its own (so it keeps no room for one). */
  public FieldBox(String labelText, Control control) {
    this(labelText, control, new ReadOnlyStringWrapper(""));
    getChildren().get(2).setManaged(false);
  }

  public FieldBox(String labelText, Control control, ObservableStringValue error) {
    Label label = new Label(labelText);
    label.setLabelFor(control);
    label.getStyleClass().add("field-label");
    Label problem = new Label();
    problem.getStyleClass().add("field-error");
    problem.setWrapText(true);
    problem.textProperty().bind(error);
    // the line under the control is kept free for the problem, so the form does not jump when one appears
    problem.setMinHeight(Region.USE_PREF_SIZE);
    control.setMaxWidth(Double.MAX_VALUE);
    error.addListener((obs, old, now) -> control.pseudoClassStateChanged(Styles.STATE_DANGER, !now.isEmpty()));
    getStyleClass().add("field-box");
    getChildren().addAll(label, control, problem);
  }
}
