package org.hospital.client.schedule.dayview;

import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.hospital.client.i18n.I18n;
import org.hospital.client.schedule.BookingSlot;
import org.hospital.client.schedule.Clinic;
import org.hospital.client.schedule.ScheduleDialogs;
import org.hospital.client.schedule.ScheduleText;
import org.hospital.client.schedule.SlotChoice;
import org.hospital.client.tasks.ActionStatus;
import org.hospital.proto.scheduling.v1.Appointment;
import org.hospital.proto.scheduling.v1.Clinician;

/**
 * The day view's ways to make an appointment: booking a chosen cell (or, for administrators, overbooking a taken
 * one), booking a slot the finder found, and checking in a walk-in. The dialogs do the booking; this class
 * decides what they open on and says what was made, then hands the appointment to {@code show} so the grid
 * selects it once the live schedule has it.
 */
final class BookingActions {

  private final I18n i18n;
  private final ScheduleText text;
  private final ScheduleDialogs dialogs;
  private final Clock clock;
  private final ActionStatus status;
  private final Supplier<Clinic> clinic;
  private final Consumer<Appointment> show;

  BookingActions(I18n i18n, ScheduleText text, ScheduleDialogs dialogs, Clock clock, ActionStatus status,
      Supplier<Clinic> clinic, Consumer<Appointment> show) {
    this.i18n = i18n;
    this.text = text;
    this.dialogs = dialogs;
    this.clock = clock;
    this.status = status;
    this.clinic = clinic;
    this.show = show;
  }

  /** Books the cell if it is free, or overbooks a taken slot when {@code mayOverbook}. */
  void book(DayGrid.Cell cell, boolean mayOverbook) {
    boolean overbook = cell != null && cell.slot() && !cell.free() && mayOverbook;
    if (cell == null || !cell.free() && !overbook) {
      status.refuse(i18n.get("schedule.selectFreeSlot"));
      return;
    }
    if (cell.past() || !cell.start().isAfter(clock.instant())) {
      status.refuse(i18n.get("schedule.slotInPast")); // comfort only: the server refuses it too
      return;
    }
    Clinic known = clinic.get();
    String name = known.clinicianName(cell.clinicianId());
    BookingSlot slot = overbook ? BookingSlot.taken(cell.clinicianId(), name, cell.start(), known.zone())
        : BookingSlot.slot(cell.clinicianId(), name, cell.start(), known.zone());
    status.clearError();
    dialogs.book(slot, this::booked);
  }

  /** Opens the booking dialog on a slot the free-slot finder found. */
  void bookFound(SlotChoice found) {
    Clinic known = clinic.get();
    dialogs.book(BookingSlot.slot(found.clinicianId(), known.clinicianName(found.clinicianId()), found.start(),
        known.zone()), this::booked);
  }

  /** Checks in a patient without a booking for one of {@code clinicians}, {@code preferred} offered first. */
  void walkIn(List<Clinician> clinicians, long preferred) {
    Clinic known = clinic.get();
    status.clearError();
    dialogs.walkIn(BookingSlot.walkIn(preferred, known.clinicianName(preferred), known.zone()), clinicians,
        done -> {
          status.say(i18n.format("schedule.walkedIn", text.patient(done),
              known.clinicianName(done.getClinicianId())));
          show.accept(done);
        });
  }

  private void booked(Appointment booked) {
    Clinic known = clinic.get();
    ZoneId zone = known.zone();
    status.say(booked.getSeriesCount() > 0 ? i18n.format("series.booked", booked.getSeriesCount(),
        text.patient(booked), text.day(ScheduleText.toInstant(booked.getStart()).atZone(zone).toLocalDate()))
        : i18n.format("schedule.booked", text.patient(booked), text.time(booked.getStart(), zone),
            known.clinicianName(booked.getClinicianId())));
    show.accept(booked);
  }
}
