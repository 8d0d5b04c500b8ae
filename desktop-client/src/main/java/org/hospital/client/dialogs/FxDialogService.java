package org.hospital.client.dialogs;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.scene.control.Dialog;
import javafx.stage.Modality;
import javafx.stage.Window;
import org.hospital.client.i18n.I18n;
import org.hospital.client.patients.PatientText;
import org.hospital.client.ui.Theme;
import org.hospital.proto.patients.v1.PatientSummary;

/** Shows the dialogs as window-modal JavaFX dialogs over the main window. */
public final class FxDialogService implements DialogService {

  private final I18n i18n;
  private final PatientText text;
  private final Theme theme;
  private final Supplier<Window> owner;

  public FxDialogService(I18n i18n, PatientText text, Theme theme, Supplier<Window> owner) {
    this.i18n = i18n;
    this.text = text;
    this.theme = theme;
    this.owner = owner;
  }

  @Override
  public void chooseAmongDuplicates(List<PatientSummary> candidates, Consumer<DuplicateDecision> answer) {
    show(new DuplicateCandidatesDialog(candidates, i18n, text), answer, new DuplicateDecision.Cancel());
  }

  @Override
  public void askAboutStaleSave(String updatedBy, String updatedAtText, Consumer<StaleSaveDecision> answer) {
    show(new StaleSaveDialog(updatedBy, updatedAtText, i18n), answer, StaleSaveDecision.KEEP_EDITING);
  }

  /** Non-blocking: the answer is delivered when the dialog closes, however it was closed. */
  private <T> void show(Dialog<T> dialog, Consumer<T> answer, T whenDismissed) {
    dialog.initOwner(owner.get());
    dialog.initModality(Modality.WINDOW_MODAL);
    theme.apply(dialog.getDialogPane());
    dialog.setOnHidden(e -> answer.accept(dialog.getResult() == null ? whenDismissed : dialog.getResult()));
    dialog.show();
  }
}
