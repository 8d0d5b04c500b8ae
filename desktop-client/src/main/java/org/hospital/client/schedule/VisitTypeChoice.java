package org.hospital.client.schedule;

import javafx.collections.FXCollections;
import javafx.scene.control.ComboBox;
import org.hospital.client.ui.NamedCell;
import org.hospital.proto.scheduling.v1.VisitType;

/** The visit types a desk can choose, in the order they are offered, in the user's language. */
public final class VisitTypeChoice {

  private VisitTypeChoice() {
  }

  public static ComboBox<VisitType> comboBox(String id, ScheduleText text) {
    ComboBox<VisitType> box = new ComboBox<>(FXCollections.observableArrayList(VisitType.NEW_PATIENT,
        VisitType.FOLLOW_UP, VisitType.CONSULTATION, VisitType.PROCEDURE, VisitType.URGENT));
    box.setId(id);
    NamedCell.use(box, text::visitType);
    return box;
  }
}
