package org.hospital.client.schedule.waitlist;

import atlantafx.base.theme.Styles;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.hospital.client.i18n.I18n;
import org.hospital.proto.scheduling.v1.WaitListEntry;

/** One freed-slot notification: the slot, its best candidates each with "Book", and "Dismiss". */
final class FreedSlotCard extends VBox {

  FreedSlotCard(FreedSlotNotice card, FreedSlotsViewModel vm, I18n i18n) {
    super(6);
    setId("freedSlot-" + card.clinicianId() + "-" + card.start().getEpochSecond());
    getStyleClass().add("freed-slot-card");

    Label heading = new Label(i18n.get("waitList.freedHeading"));
    heading.getStyleClass().add("freed-slot-heading");
    Region gap = new Region();
    HBox.setHgrow(gap, Priority.ALWAYS);
    Button dismiss = new Button(i18n.get("waitList.dismiss"));
    dismiss.getStyleClass().addAll(Styles.SMALL, Styles.FLAT);
    dismiss.setId("dismiss-" + getId());
    dismiss.setMinWidth(Region.USE_PREF_SIZE);
    dismiss.setOnAction(e -> vm.dismiss(card));
    HBox top = new HBox(6, heading, gap, dismiss);
    top.setAlignment(Pos.CENTER_LEFT);

    Label clinician = new Label(card.clinician());
    clinician.getStyleClass().add("freed-slot-title");
    clinician.setMinWidth(0);
    Label when = new Label(card.when());
    when.getStyleClass().add("freed-slot-title");
    when.setMinWidth(0);
    getChildren().addAll(top, new VBox(0, clinician, when));
    for (WaitListEntry entry : card.candidates()) {
      getChildren().add(candidate(card, entry, vm, i18n));
    }
  }

  private static HBox candidate(FreedSlotNotice card, WaitListEntry entry, FreedSlotsViewModel vm, I18n i18n) {
    Label name = new Label(entry.getPatientName());
    name.getStyleClass().add("queue-patient");
    name.setMinWidth(0);
    Label mrn = new Label(entry.getPatientMrn());
    mrn.getStyleClass().add("hint");
    mrn.setMinWidth(0);
    VBox who = new VBox(0, name, mrn);
    who.setMinWidth(0);
    HBox.setHgrow(who, Priority.ALWAYS);
    Button book = new Button(i18n.get("waitList.book"));
    book.setId("waitListBook-" + entry.getId());
    book.getStyleClass().addAll(Styles.SMALL, Styles.ACCENT);
    book.setMinWidth(Region.USE_PREF_SIZE);
    book.setTooltip(new Tooltip(i18n.format("waitList.bookTooltip", entry.getPatientName(), card.title())));
    book.disableProperty().bind(vm.busyProperty());
    book.setOnAction(e -> vm.book(card, entry));
    HBox line = new HBox(6, who, book);
    line.setAlignment(Pos.CENTER_LEFT);
    line.getStyleClass().add("freed-slot-candidate");
    return line;
  }
}
