package org.hospital.client.dialogs;

import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import org.hospital.client.i18n.I18n;

/** Someone saved this record first: take their version, or keep my edits on screen. */
final class StaleSaveDialog extends Dialog<StaleSaveDecision> {

  StaleSaveDialog(String updatedBy, String updatedAtText, I18n i18n) {
    setTitle(i18n.get("stale.title"));
    setHeaderText(i18n.format("stale.header", updatedBy, updatedAtText));
    getDialogPane().setId("staleDialog");
    Label explanation = new Label(i18n.get("stale.explanation"));
    explanation.setWrapText(true);
    explanation.setPrefWidth(460);
    getDialogPane().setContent(explanation);
    ButtonType reload = new ButtonType(i18n.get("stale.reload"), ButtonBar.ButtonData.OK_DONE);
    ButtonType keep = new ButtonType(i18n.get("stale.keepEditing"), ButtonBar.ButtonData.CANCEL_CLOSE);
    getDialogPane().getButtonTypes().setAll(reload, keep);
    getDialogPane().lookupButton(reload).setId("staleReload");
    getDialogPane().lookupButton(keep).setId("staleKeepEditing");
    setResultConverter(button -> button == reload
        ? StaleSaveDecision.RELOAD_THEIR_VERSION
        : StaleSaveDecision.KEEP_EDITING);
  }
}
