package org.hospital.server.scheduling.appointments;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where an appointment is in its life: BOOKED, CHECKED_IN, IN_CONSULTATION, COMPLETED, or one of the ends
 * that give its slot back (CANCELLED, NO_SHOW, RESCHEDULED). Stored by name.
 */
public enum AppointmentStatus {
  BOOKED, CHECKED_IN, IN_CONSULTATION, COMPLETED, CANCELLED, NO_SHOW, RESCHEDULED;

  private static final Set<AppointmentStatus> HOLDING_SLOT = EnumSet.of(BOOKED, CHECKED_IN, IN_CONSULTATION,
      COMPLETED);

  /** Whether an appointment in this status occupies its slot (and so sets held_slot_start). */
  public boolean holdsSlot() {
    return HOLDING_SLOT.contains(this);
  }

  /** The moves UpdateAppointmentStatus may make; check-in, cancel and reschedule have their own calls. */
  public boolean canBeUpdatedTo(AppointmentStatus next) {
    return this == BOOKED && next == NO_SHOW
        || this == CHECKED_IN && next == IN_CONSULTATION
        || this == IN_CONSULTATION && next == COMPLETED;
  }

  /** A patient can be sent away (cancelled) until they are with the clinician. */
  public boolean cancellable() {
    return this == BOOKED || this == CHECKED_IN;
  }
}
