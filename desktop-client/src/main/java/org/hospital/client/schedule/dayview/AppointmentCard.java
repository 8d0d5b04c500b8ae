package org.hospital.client.schedule.dayview;

import java.util.Locale;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.hospital.client.schedule.ScheduleText;
import org.hospital.proto.scheduling.v1.Appointment;

/**
 * An appointment on the day view: patient name first (what the desk looks for), MRN and visit type below, and
 * the status as a coloured chip; the card's left edge has the status colour too, so a column reads at a glance.
 */
final class AppointmentCard extends VBox {

  AppointmentCard(Appointment appointment, ScheduleText text) {
    String status = appointment.getStatus().name().toLowerCase(Locale.ROOT).replace('_', '-');
    setId("appointment-" + appointment.getId());
    getStyleClass().addAll("appointment-card", "status-" + status);

    Label name = new Label(appointment.getPatientName());
    name.getStyleClass().add("card-patient");
    name.setMinWidth(0);
    Region spacer = new Region();
    HBox.setHgrow(spacer, Priority.ALWAYS);
    Label chip = new Label(text.status(appointment.getStatus()));
    chip.getStyleClass().addAll("status-chip", "status-" + status);
    chip.setMinWidth(Region.USE_PREF_SIZE);
    HBox top = new HBox(6, name, spacer, chip);

    String details = appointment.getPatientMrn() + " \u00b7 " + text.visitType(appointment.getVisitType());
    Label second = new Label(details);
    second.getStyleClass().add("card-details");
    second.setMinWidth(0);
    getChildren().addAll(top, second);
    Tooltip.install(this, new Tooltip(text.patient(appointment) + "\n" + text.visitType(appointment.getVisitType())
        + (appointment.getReason().isBlank() ? "" : "\n" + appointment.getReason())));
  }
}
