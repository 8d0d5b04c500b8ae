package org.hospital.client.schedule.hours;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Supplier;
import org.hospital.client.i18n.I18n;
import org.hospital.client.schedule.IdempotencyKeys;
import org.hospital.client.schedule.ScheduleDialogs;
import org.hospital.client.schedule.ScheduleGateway;
import org.hospital.client.schedule.ScheduleText;
import org.hospital.client.schedule.SlotChoice;
import org.hospital.client.tasks.ActionStatus;
import org.hospital.proto.scheduling.v1.Appointment;
import org.hospital.proto.scheduling.v1.Slot;

/**
 * "Rebook…" for an appointment left off schedule: the clinician's next free slots, then the move, as the day
 * view's Move does it (idempotency key from the appointment and its version, expected version checked).
 */
final class Rebooking {

  /** How far ahead free slots are looked for; leave can take a clinician away for weeks. */
  static final int SEARCH_DAYS = 28;
  static final int CHOICES = 12;

  private final I18n i18n;
  private final HoursText text;
  private final ScheduleGateway schedule;
  private final ScheduleDialogs dialogs;
  private final Clock clock;
  private final Supplier<ZoneId> zone;
  private final ActionStatus status;
  private final Runnable reload;

  /**
   * @param status the clinic hours screen's, which says how the rebooking went
   * @param reload reads the off-schedule list again, keeping what {@code status} says
   */
  Rebooking(I18n i18n, HoursText text, ScheduleGateway schedule, ScheduleDialogs dialogs, Clock clock,
      Supplier<ZoneId> zone, ActionStatus status, Runnable reload) {
    this.i18n = i18n;
    this.text = text;
    this.schedule = schedule;
    this.dialogs = dialogs;
    this.clock = clock;
    this.zone = zone;
    this.status = status;
    this.reload = reload;
  }

  void rebook(Appointment appointment) {
    LocalDate today = LocalDate.now(clock.withZone(zone.get()));
    status.call(() -> schedule.findFreeSlots(appointment.getClinicianId(), today, today.plusDays(SEARCH_DAYS),
        CHOICES), free -> {
          if (free.isEmpty()) {
            status.refuse(i18n.format("hours.noFreeSlots", SEARCH_DAYS));
            return;
          }
          List<SlotChoice> choices = free.stream().map(this::choice).toList();
          dialogs.chooseSlot(i18n.format("hours.rebookWhat", text.patient(appointment),
              text.when(appointment, zone.get())), choices, chosen -> moveTo(appointment, chosen));
        }, status::fail);
  }

  private void moveTo(Appointment appointment, SlotChoice target) {
    // the same key as the day view's Move: both are the same step on the same version of the appointment
    String key = IdempotencyKeys.forStep("move", appointment.getId(), appointment.getVersion(),
        target.clinicianId(), target.start());
    status.call(() -> schedule.reschedule(key, appointment.getId(), appointment.getVersion(), target.start(), 0),
        moved -> {
          status.say(i18n.format("hours.rebooked", text.patient(moved), text.when(moved, zone.get())));
          reload.run();
        }, failure -> {
          status.fail(failure);
          reload.run();
        });
  }

  private SlotChoice choice(Slot slot) {
    Instant start = ScheduleText.toInstant(slot.getStart());
    return new SlotChoice(slot.getClinicianId(), start, text.when(Appointment.newBuilder()
        .setStart(slot.getStart()).build(), zone.get()));
  }
}
