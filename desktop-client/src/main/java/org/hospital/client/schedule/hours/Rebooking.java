package org.hospital.client.schedule.hours;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.StringProperty;
import org.hospital.client.errors.ErrorMessages;
import org.hospital.client.i18n.I18n;
import org.hospital.client.schedule.IdempotencyKeys;
import org.hospital.client.schedule.ScheduleDialogs;
import org.hospital.client.schedule.ScheduleGateway;
import org.hospital.client.schedule.ScheduleText;
import org.hospital.client.schedule.SlotChoice;
import org.hospital.client.tasks.TaskRunner;
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
  private final ErrorMessages errors;
  private final HoursText text;
  private final TaskRunner tasks;
  private final ScheduleGateway schedule;
  private final ScheduleDialogs dialogs;
  private final Clock clock;
  private final Supplier<ZoneId> zone;
  private final BooleanProperty busy;
  private final StringProperty notice;
  private final StringProperty errorMessage;
  private final Runnable reload;

  Rebooking(I18n i18n, ErrorMessages errors, HoursText text, TaskRunner tasks, ScheduleGateway schedule,
      ScheduleDialogs dialogs, Clock clock, Supplier<ZoneId> zone, BooleanProperty busy, StringProperty notice,
      StringProperty errorMessage, Runnable reload) {
    this.i18n = i18n;
    this.errors = errors;
    this.text = text;
    this.tasks = tasks;
    this.schedule = schedule;
    this.dialogs = dialogs;
    this.clock = clock;
    this.zone = zone;
    this.busy = busy;
    this.notice = notice;
    this.errorMessage = errorMessage;
    this.reload = reload;
  }

  void rebook(Appointment appointment) {
    LocalDate today = LocalDate.now(clock.withZone(zone.get()));
    errorMessage.set("");
    busy.set(true);
    tasks.run(() -> schedule.findFreeSlots(appointment.getClinicianId(), today, today.plusDays(SEARCH_DAYS),
        CHOICES), free -> {
          busy.set(false);
          if (free.isEmpty()) {
            errorMessage.set(i18n.format("hours.noFreeSlots", SEARCH_DAYS));
            return;
          }
          List<SlotChoice> choices = free.stream().map(this::choice).toList();
          dialogs.chooseSlot(i18n.format("hours.rebookWhat", text.patient(appointment),
              text.when(appointment, zone.get())), choices, chosen -> moveTo(appointment, chosen));
        }, failure -> {
          busy.set(false);
          errorMessage.set(errors.describe(failure));
        });
  }

  private void moveTo(Appointment appointment, SlotChoice target) {
    // the same key as the day view's Move: both are the same step on the same version of the appointment
    String key = IdempotencyKeys.forStep("move", appointment.getId(), appointment.getVersion(),
        target.clinicianId(), target.start());
    busy.set(true);
    tasks.run(() -> schedule.reschedule(key, appointment.getId(), appointment.getVersion(), target.start(), 0),
        moved -> {
          busy.set(false);
          notice.set(i18n.format("hours.rebooked", text.patient(moved), text.when(moved, zone.get())));
          reload.run();
        }, failure -> {
          busy.set(false);
          errorMessage.set(errors.describe(failure));
          reload.run();
        });
  }

  private SlotChoice choice(Slot slot) {
    Instant start = ScheduleText.toInstant(slot.getStart());
    return new SlotChoice(slot.getClinicianId(), start, text.when(Appointment.newBuilder()
        .setStart(slot.getStart()).build(), zone.get()));
  }
}
