package org.hospital.client.schedule.dayview;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.function.Supplier;
import org.hospital.client.i18n.I18n;
import org.hospital.client.schedule.Clinic;
import org.hospital.client.schedule.IdempotencyKeys;
import org.hospital.client.schedule.ScheduleDialogs;
import org.hospital.client.schedule.ScheduleGateway;
import org.hospital.client.schedule.ScheduleText;
import org.hospital.client.schedule.SlotChoice;
import org.hospital.client.tasks.ActionStatus;
import org.hospital.proto.scheduling.v1.Appointment;
import org.hospital.proto.scheduling.v1.Slot;

/**
 * Rescheduling from the day view: "Move…" offers the clinician's next free slots, drag and drop names the target
 * cell. Either way the server keeps the old appointment as RESCHEDULED, pointing to the new one, and the move
 * carries an idempotency key made of the appointment, its version and the target, so a retried move never
 * books twice.
 */
final class AppointmentMover {

  /** How far ahead "Move…" looks for free slots, and how many it offers. */
  static final int SEARCH_DAYS = 14;
  static final int CHOICES = 12;

  private final I18n i18n;
  private final ScheduleText text;
  private final ScheduleGateway gateway;
  private final ScheduleDialogs dialogs;
  private final Clock clock;
  private final ActionStatus status;
  private final Supplier<Clinic> clinic;

  AppointmentMover(I18n i18n, ScheduleText text, ScheduleGateway gateway, ScheduleDialogs dialogs, Clock clock,
      ActionStatus status, Supplier<Clinic> clinic) {
    this.i18n = i18n;
    this.text = text;
    this.gateway = gateway;
    this.dialogs = dialogs;
    this.clock = clock;
    this.status = status;
    this.clinic = clinic;
  }

  /** Looks up the clinician's next free slots and asks which one; {@code description} names the appointment. */
  void offerSlots(Appointment appointment, String description) {
    LocalDate from = LocalDate.now(clock.withZone(zone()));
    status.run(() -> gateway.findFreeSlots(appointment.getClinicianId(), from, from.plusDays(SEARCH_DAYS), CHOICES),
        free -> {
          if (free.isEmpty()) {
            status.refuse(i18n.get("schedule.noFreeSlots"));
          } else {
            dialogs.chooseSlot(description, free.stream().map(this::choice).toList(),
                chosen -> moveTo(appointment, chosen));
          }
          return "";
        });
  }

  void moveTo(Appointment appointment, SlotChoice target) {
    String key = IdempotencyKeys.forStep("move", appointment.getId(), appointment.getVersion(),
        target.clinicianId(), target.start());
    long newClinician = target.clinicianId() == appointment.getClinicianId() ? 0 : target.clinicianId();
    status.run(
        () -> gateway.reschedule(key, appointment.getId(), appointment.getVersion(), target.start(), newClinician),
        moved -> i18n.format("schedule.moved", text.patient(moved),
            text.day(ScheduleText.toInstant(moved.getStart()).atZone(zone()).toLocalDate()),
            text.time(moved.getStart(), zone())));
  }

  private SlotChoice choice(Slot slot) {
    Instant start = ScheduleText.toInstant(slot.getStart());
    return new SlotChoice(slot.getClinicianId(), start, i18n.format("booking.alternative",
        text.day(start.atZone(zone()).toLocalDate()), text.time(start, zone()),
        clinic.get().clinicianName(slot.getClinicianId())));
  }

  private ZoneId zone() {
    return clinic.get().zone();
  }
}
