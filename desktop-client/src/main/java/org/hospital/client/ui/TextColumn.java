package org.hospital.client.ui;

import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.TableColumn;

/** A table column showing text made from its row. */
public final class TextColumn {

  private TextColumn() {}

  public static <T> TableColumn<T, String> of(String title, double width, Function<T, String> value) {
    TableColumn<T, String> column = new TableColumn<>(title);
    column.setPrefWidth(width);
    column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())).getReadOnlyProperty());
    return column;
  }
}
