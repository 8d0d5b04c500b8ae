package org.hospital.client.ui;

import java.util.function.Function;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListCell;

/** A list cell showing one text of its item (a name, a label), wrapped when asked. */
public final class NamedCell<T> extends ListCell<T> {

  private final Function<T, String> name;

  public NamedCell(Function<T, String> name) {
    this(name, false);
  }

  public NamedCell(Function<T, String> name, boolean wrap) {
    this.name = name;
    setWrapText(wrap);
    if (wrap) {
      setPrefWidth(0); // wrap at the list's width instead of widening it
    }
  }

  /** Shows {@code name} of each item in the box's list and on its button. */
  public static <T> void use(ComboBox<T> box, Function<T, String> name) {
    box.setCellFactory(list -> new NamedCell<>(name));
    box.setButtonCell(new NamedCell<>(name));
  }

  @Override
  protected void updateItem(T item, boolean empty) {
    super.updateItem(item, empty);
    setText(empty || item == null ? null : name.apply(item));
  }
}
