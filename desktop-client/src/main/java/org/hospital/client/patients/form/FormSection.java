package org.hospital.client.patients.form;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** A titled group of fields laid out on a grid of equal columns. */
class FormSection extends VBox {

  private final GridPane grid = new GridPane();

  FormSection(String title, int columns) {
    Label heading = new Label(title);
    heading.getStyleClass().add("section-title");
    grid.setHgap(16);
    grid.setVgap(10);
    for (int i = 0; i < columns; i++) {
      ColumnConstraints column = new ColumnConstraints();
      column.setPercentWidth(100.0 / columns);
      column.setHgrow(Priority.ALWAYS);
      grid.getColumnConstraints().add(column);
    }
    setSpacing(6);
    getChildren().addAll(heading, grid);
  }

  void place(Node field, int column, int row, int columnSpan) {
    grid.add(field, column, row, columnSpan, 1);
  }
}
