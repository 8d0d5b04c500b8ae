package org.hospital.client.patients.form;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * One form field: its value, the request path the server uses for it in field violations, and the message
 * shown next to it (empty when the field is fine).
 */
public final class FieldModel<T> {

  private final String path;
  private final ObjectProperty<T> value;
  private final StringProperty error = new SimpleStringProperty("");

  FieldModel(String path, T initial) {
    this.path = path;
    this.value = new SimpleObjectProperty<>(initial);
    // editing a field clears its message; the next validation decides again
    value.addListener((obs, old, now) -> error.set(""));
  }

  public String path() {
    return path;
  }

  public ObjectProperty<T> valueProperty() {
    return value;
  }

  public T get() {
    return value.get();
  }

  public void set(T newValue) {
    value.set(newValue);
  }

  public StringProperty errorProperty() {
    return error;
  }

  public boolean hasError() {
    return !error.get().isEmpty();
  }
}
