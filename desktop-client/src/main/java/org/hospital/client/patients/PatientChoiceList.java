package org.hospital.client.patients;

import java.util.Locale;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.ObservableList;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import org.hospital.proto.patients.v1.PatientSummary;

/**
 * The patients a search found, when it found more than one, shown above a feature's own screen until one is
 * chosen: "FAMILY, Given   MRN   year" per line, chosen by a click or by Enter. It hides while the feature's
 * screen for a patient is open.
 */
public final class PatientChoiceList extends ListView<PatientSummary> {

  public PatientChoiceList(ObservableList<PatientSummary> found, ObservableBooleanValue open,
      Consumer<PatientSummary> choose) {
    super(found);
    setPrefHeight(120);
    setCellFactory(l -> new ListCell<>() {
      @Override
      protected void updateItem(PatientSummary p, boolean empty) {
        super.updateItem(p, empty);
        setText(empty || p == null ? null : name(p) + "   MRN " + p.getMrn() + "   " + p.getBirthDate().getYear());
      }
    });
    Runnable chooseSelected = () -> {
      PatientSummary p = getSelectionModel().getSelectedItem();
      if (p != null) {
        choose.accept(p);
      }
    };
    setOnMouseClicked(e -> chooseSelected.run());
    setOnKeyPressed(e -> {
      if (e.getCode() == KeyCode.ENTER) {
        chooseSelected.run();
      }
    });
    visibleProperty().bind(Bindings.size(found).greaterThan(1).and(Bindings.not(open)));
    managedProperty().bind(visibleProperty());
  }

  /** "FAMILY, Given", as the chart's and the desk's headings file a patient. */
  public static String name(PatientSummary p) {
    return p.getFamilyName().toUpperCase(Locale.ROOT) + ", " + p.getGivenNames();
  }
}
