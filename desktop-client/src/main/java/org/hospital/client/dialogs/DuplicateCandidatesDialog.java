package org.hospital.client.dialogs;

import java.util.List;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.VBox;
import org.hospital.client.i18n.I18n;
import org.hospital.client.patients.PatientText;
import org.hospital.proto.patients.v1.PatientSummary;

/** Lists the existing patients that look like the one being registered, best match first. */
final class DuplicateCandidatesDialog extends Dialog<DuplicateDecision> {

  DuplicateCandidatesDialog(List<PatientSummary> candidates, I18n i18n, PatientText text) {
    setTitle(i18n.get("duplicates.title"));
    setHeaderText(i18n.get("duplicates.header"));
    getDialogPane().setId("duplicatesDialog");

    TableView<PatientSummary> table = new TableView<>();
    table.setId("duplicateCandidates");
    table.getItems().setAll(candidates);
    table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    table.getColumns().add(column(i18n.get("patients.column.mrn"), 100, PatientSummary::getMrn));
    table.getColumns().add(column(i18n.get("patients.column.name"), 230,
        p -> text.name(p.getFamilyName(), p.getGivenNames())));
    table.getColumns().add(column(i18n.get("patients.column.birthDate"), 120, p -> text.date(p.getBirthDate())));
    table.getColumns().add(column(i18n.get("patients.column.phone"), 140, PatientSummary::getPhone));
    table.getColumns().add(column(i18n.get("duplicates.column.reasons"), 220,
        p -> text.matchReasons(p.getMatchReasonsList())));
    table.setPrefHeight(220);
    table.getSelectionModel().selectFirst();

    Label explanation = new Label(i18n.get("duplicates.explanation"));
    explanation.setWrapText(true);
    getDialogPane().setContent(new VBox(10, explanation, table));

    ButtonType open = new ButtonType(i18n.get("duplicates.open"), ButtonBar.ButtonData.OK_DONE);
    ButtonType registerNew = new ButtonType(i18n.get("duplicates.registerNew"), ButtonBar.ButtonData.OTHER);
    ButtonType cancel = new ButtonType(i18n.get("duplicates.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
    getDialogPane().getButtonTypes().setAll(open, registerNew, cancel);
    Button openButton = (Button) getDialogPane().lookupButton(open);
    openButton.setId("openDuplicate");
    openButton.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
    getDialogPane().lookupButton(registerNew).setId("registerAsNew");
    getDialogPane().lookupButton(cancel).setId("cancelDuplicates");

    setResultConverter(button -> {
      if (button == open && table.getSelectionModel().getSelectedItem() != null) {
        return new DuplicateDecision.OpenExisting(table.getSelectionModel().getSelectedItem().getId());
      }
      if (button == registerNew) {
        return new DuplicateDecision.RegisterAsNew();
      }
      return new DuplicateDecision.Cancel();
    });
    // wide enough for full names and every button label (the dialog window sizes itself from the minimum)
    getDialogPane().setMinWidth(880);
    getDialogPane().setPrefWidth(880);
    setResizable(true);
  }

  private static TableColumn<PatientSummary, String> column(String title, double width,
      Function<PatientSummary, String> value) {
    TableColumn<PatientSummary, String> column = new TableColumn<>(title);
    column.setPrefWidth(width);
    column.setSortable(false);
    column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())).getReadOnlyProperty());
    return column;
  }
}
