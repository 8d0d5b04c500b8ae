package org.hospital.client.schedule.waitlist;

import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.event.ActionEvent;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Window;
import org.hospital.client.i18n.I18n;
import org.hospital.client.patients.PatientText;
import org.hospital.client.schedule.Clinic;
import org.hospital.client.schedule.ScheduleText;
import org.hospital.client.ui.Theme;
import org.hospital.proto.scheduling.v1.Department;
import org.hospital.proto.scheduling.v1.WaitListEntry;

/** The wait list dialogs as window-modal JavaFX dialogs over the main window; none blocks its caller. */
public final class FxWaitListDialogs implements WaitListDialogs {

  /** Builds the add dialog's ViewModel; the composition root knows the patient search's dependencies. */
  @FunctionalInterface
  public interface AddFactory {
    /** @param leave closes the dialog without adding (the user went to register the patient first) */
    AddToWaitListViewModel create(Clinic clinic, Department department, Consumer<WaitListEntry> onAdded,
        Runnable leave);
  }

  private final I18n i18n;
  private final Theme theme;
  private final Supplier<Window> owner;
  private final PatientText patientText;
  private final ScheduleText text;
  private final AddFactory adds;

  public FxWaitListDialogs(I18n i18n, Theme theme, Supplier<Window> owner, PatientText patientText,
      ScheduleText text, AddFactory adds) {
    this.i18n = i18n;
    this.theme = theme;
    this.owner = owner;
    this.patientText = patientText;
    this.text = text;
    this.adds = adds;
  }

  @Override
  public void add(Clinic clinic, Department department, Consumer<WaitListEntry> added) {
    Dialog<WaitListEntry> dialog = new Dialog<>();
    dialog.setTitle(i18n.format("waitList.addTitle", department.getName()));
    ButtonType addType = new ButtonType(i18n.get("waitList.addConfirm"), ButtonBar.ButtonData.OK_DONE);
    dialog.getDialogPane().getButtonTypes().addAll(addType,
        new ButtonType(i18n.get("dialog.close"), ButtonBar.ButtonData.CANCEL_CLOSE));
    AddToWaitListViewModel vm = adds.create(clinic, department, entry -> {
      dialog.setResult(entry);
      dialog.close();
    }, dialog::close);
    AddToWaitListView view = new AddToWaitListView(vm, i18n, patientText, text);
    dialog.getDialogPane().setContent(view);
    dialog.getDialogPane().setId("addToWaitListDialog");
    dialog.getDialogPane().setPrefSize(760, 640);
    dialog.getDialogPane().setMinWidth(720); // the patient search's columns need the room
    dialog.setResizable(true);
    Button add = (Button) dialog.getDialogPane().lookupButton(addType);
    add.setId("addToWaitListConfirm");
    add.disableProperty().bind(vm.busyProperty());
    // the dialog stays open while the server is asked; it closes once the entry exists
    add.addEventFilter(ActionEvent.ACTION, e -> {
      e.consume();
      vm.add();
    });
    dialog.setResultConverter(button -> null);
    dialog.setOnHidden(e -> {
      vm.search().dispose();
      if (dialog.getResult() != null) {
        added.accept(dialog.getResult());
      }
    });
    show(dialog);
    Platform.runLater(view::focusFirst);
  }

  @Override
  public void askRemoveReason(String entryText, Consumer<String> reason) {
    Dialog<String> dialog = new Dialog<>();
    dialog.setTitle(i18n.get("waitList.removeTitle"));
    ButtonType confirm = new ButtonType(i18n.get("waitList.removeConfirm"), ButtonBar.ButtonData.OK_DONE);
    dialog.getDialogPane().getButtonTypes().addAll(confirm,
        new ButtonType(i18n.get("dialog.back"), ButtonBar.ButtonData.CANCEL_CLOSE));
    TextArea why = new TextArea();
    why.setId("removeReason");
    why.setPrefRowCount(3);
    why.setWrapText(true);
    why.setPromptText(i18n.get("waitList.removeReasonPrompt"));
    Label what = new Label(entryText);
    what.setWrapText(true);
    what.getStyleClass().add("section-title");
    dialog.getDialogPane().setContent(new VBox(8, what, why));
    dialog.getDialogPane().setId("removeFromWaitListDialog");
    dialog.getDialogPane().setPrefWidth(480);
    Button ok = (Button) dialog.getDialogPane().lookupButton(confirm);
    ok.setId("removeConfirm");
    ok.disableProperty().bind(why.textProperty().map(String::isBlank));
    Function<ButtonType, String> result = button -> button == confirm ? why.getText().strip() : null;
    dialog.setResultConverter(result::apply);
    dialog.setOnHidden(e -> {
      if (dialog.getResult() != null && !dialog.getResult().isBlank()) {
        reason.accept(dialog.getResult());
      }
    });
    show(dialog);
    Platform.runLater(why::requestFocus);
  }

  private void show(Dialog<?> dialog) {
    dialog.initOwner(owner.get());
    dialog.initModality(Modality.WINDOW_MODAL);
    theme.apply(dialog.getDialogPane());
    dialog.show();
  }
}
