package org.hospital.client.schedule.dayview;

import java.util.Locale;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.hospital.client.schedule.ScheduleText;
import org.hospital.proto.scheduling.v1.Appointment;

/**
 * An appointment on the day view: patient name first (what the desk looks for), then the status as a coloured
 * chip and the MRN; the card's left edge has the status colour too, so a column reads at a glance. The visit
 * type and reason are in the tooltip.
 */
final class AppointmentCard extends VBox {

  AppointmentCard(Appointment appointment, ScheduleText text) {
    String status = appointment.getStatus().name().toLowerCase(Locale.ROOT).replace('_', '-');
    setId("appointment-" + appointment.getId());
    getStyleClass().addAll("appointment-card", "status-" + status);

    // the name gets the whole first line (columns are narrow when a department has many clinicians);
    // status and MRN share the second
    Label name = new Label(appointment.getPatientName());
    name.getStyleClass().add("card-patient");
    name.setMinWidth(0);
    Label chip = new Label(text.status(appointment.getStatus()));
    chip.getStyleClass().addAll("status-chip", "status-" + status);
    chip.setMinWidth(Region.USE_PREF_SIZE);
    Label mrn = new Label(appointment.getPatientMrn());
    mrn.getStyleClass().add("card-details");
    mrn.setMinWidth(0);
    boolean rebook = appointment.getClinicianUnavailable()
        && appointment.getStatus() == org.hospital.proto.scheduling.v1.AppointmentStatus.BOOKED;
    HBox second = new HBox(6, chip, mrn);
    if (rebook) {
      // leave or changed hours took this time away: the patient must be called and moved, so it stands out
      // (in place of the MRN, which the tooltip still has: a card has two lines of room)
      getStyleClass().add("clinician-unavailable");
      Label warning = new Label(text.clinicianUnavailableMark());
      warning.setId("unavailable-" + appointment.getId());
      warning.getStyleClass().add("unavailable-mark");
      warning.setMinWidth(0);
      second.getChildren().set(1, warning);
    }
    if (appointment.getSeriesId() != 0) {
      // which one of a recurring series: the desk sees at a glance that more follow
      Label series = new Label(text.seriesMark(appointment));
      series.getStyleClass().add("series-mark");
      series.setMinWidth(Region.USE_PREF_SIZE);
      second.getChildren().add(1, series);
    }
    if (appointment.getOverbooked()) {
      // two cards in one slot: this one is the extra, on purpose
      Label extra = new Label(text.overbookedMark());
      extra.getStyleClass().add("overbook-mark");
      extra.setMinWidth(Region.USE_PREF_SIZE);
      second.getChildren().add(1, extra);
    }
    second.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
    getChildren().addAll(name, second);
    Tooltip.install(this, new Tooltip((rebook ? text.clinicianUnavailableExplained() + "\n\n" : "")
        + text.patient(appointment) + "\n" + text.visitType(appointment.getVisitType())
        + (appointment.getReason().isBlank() ? "" : "\n" + appointment.getReason())
        + (appointment.getOverbooked() ? "\n" + text.overbookedMark() + ": " + appointment.getOverbookReason() : "")));
  }
}
