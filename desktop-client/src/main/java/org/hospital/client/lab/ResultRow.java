package org.hospital.client.lab;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.hospital.proto.lab.v1.Analyte;
import org.hospital.proto.lab.v1.AnalyteKind;
import org.hospital.proto.lab.v1.LabResult;

/** One analyte of the open order at the lab desk: what is typed, and the result the server holds with its flag. */
public final class ResultRow {

  private final Analyte analyte;
  private final StringProperty value = new SimpleStringProperty("");
  private final ObjectProperty<LabResult> result = new SimpleObjectProperty<>();

  ResultRow(Analyte analyte, LabResult result) {
    this.analyte = analyte;
    this.result.set(result);
    if (result != null) {
      value.set(result.getValue());
    }
  }

  public Analyte analyte() {
    return analyte;
  }

  public StringProperty valueProperty() {
    return value;
  }

  public ObjectProperty<LabResult> resultProperty() {
    return result;
  }

  public boolean coded() {
    return analyte.getKind() == AnalyteKind.CODED;
  }

  /** Typed and different from what the server holds. */
  boolean changed() {
    String typed = value.get().strip();
    return !typed.isEmpty() && (result.get() == null || !typed.equals(result.get().getValue()));
  }
}
