package org.hospital.client.schedule.dayview;

import java.time.ZoneId;
import java.util.List;
import java.util.function.Supplier;
import org.hospital.client.i18n.I18n;
import org.hospital.client.schedule.Clinic;
import org.hospital.client.schedule.IdempotencyKeys;
import org.hospital.client.schedule.ScheduleDialogs;
import org.hospital.client.schedule.ScheduleGateway;
import org.hospital.client.schedule.ScheduleText;
import org.hospital.client.tasks.ActionStatus;
import org.hospital.proto.scheduling.v1.Appointment;
import org.hospital.proto.scheduling.v1.AppointmentStatus;

/**
 * What the day view does to a booked appointment once it is chosen: check the patient in, cancel it (for a
 * member of a series, optionally with the following ones), or mark a no-show. Choosing the appointment and
 * refusing the wrong ones stays with the day view.
 */
final class AppointmentActions {

  private final I18n i18n;
  private final ScheduleText text;
  private final ScheduleGateway gateway;
  private final ScheduleDialogs dialogs;
  private final ActionStatus status;
  private final Supplier<Clinic> clinic;

  AppointmentActions(I18n i18n, ScheduleText text, ScheduleGateway gateway, ScheduleDialogs dialogs,
      ActionStatus status, Supplier<Clinic> clinic) {
    this.i18n = i18n;
    this.text = text;
    this.gateway = gateway;
    this.dialogs = dialogs;
    this.status = status;
    this.clinic = clinic;
  }

  void checkIn(Appointment appointment) {
    String key = IdempotencyKeys.forStep("check-in", appointment.getId(), appointment.getVersion());
    status.run(() -> gateway.checkIn(key, appointment.getId()),
        done -> i18n.format("schedule.checkedIn", text.patient(done)));
  }

  /** Asks for the reason, and for a member of a series whether the following booked ones go too. */
  void cancel(Appointment appointment) {
    if (appointment.getSeriesId() == 0) {
      dialogs.askCancelReason(describe(appointment), reason -> cancel(appointment, reason, false));
      return;
    }
    dialogs.askSeriesCancel(describe(appointment), i18n.format("cancel.seriesMember",
        appointment.getSeriesPosition(), appointment.getSeriesCount()),
        answer -> cancel(appointment, answer.reason(), answer.andFollowing()));
  }

  /** The server answers with every appointment it cancelled, the named one first. */
  private void cancel(Appointment appointment, String reason, boolean andFollowing) {
    status.run(() -> andFollowing
        ? gateway.cancelWithFollowing(appointment.getId(), appointment.getVersion(), reason)
        : List.of(gateway.cancel(appointment.getId(), appointment.getVersion(), reason)),
        all -> all.size() > 1 ? i18n.format("schedule.cancelledSeries", text.patient(all.getFirst()), all.size())
            : i18n.format("schedule.cancelled", text.patient(all.getFirst())));
  }

  void markNoShow(Appointment appointment) {
    dialogs.confirm(i18n.format("schedule.noShowQuestion", describe(appointment)),
        i18n.get("schedule.action.noShow"), () -> status.run(
            () -> gateway.updateStatus(appointment.getId(), appointment.getVersion(), AppointmentStatus.NO_SHOW),
            done -> i18n.format("schedule.markedNoShow", text.patient(done))));
  }

  /** "09:30 Lindqvist, Astrid with Dr Okafor": how dialogs name the appointment they are about. */
  String describe(Appointment appointment) {
    ZoneId zone = clinic.get().zone();
    return i18n.format("schedule.appointmentLine", text.time(appointment.getStart(), zone),
        text.patient(appointment), clinic.get().clinicianName(appointment.getClinicianId()));
  }
}
