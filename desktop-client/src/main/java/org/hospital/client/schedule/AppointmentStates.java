package org.hospital.client.schedule;

import java.util.EnumSet;
import java.util.Set;
import org.hospital.proto.scheduling.v1.Appointment;
import org.hospital.proto.scheduling.v1.AppointmentStatus;

/** Which appointments count for what; the server decides the transitions, these only choose what to show. */
public final class AppointmentStates {

  /** Statuses that hold their slot (the contract: not cancelled, rescheduled or no-show). */
  private static final Set<AppointmentStatus> HOLDING_SLOT = EnumSet.of(AppointmentStatus.BOOKED,
      AppointmentStatus.CHECKED_IN, AppointmentStatus.IN_CONSULTATION, AppointmentStatus.COMPLETED);

  private AppointmentStates() {
  }

  public static boolean holdsSlot(Appointment appointment) {
    return HOLDING_SLOT.contains(appointment.getStatus());
  }

  /** Shown on the schedule: everything but what was called off or moved (the slot is free again). */
  public static boolean shownOnSchedule(Appointment appointment) {
    return appointment.getStatus() != AppointmentStatus.CANCELLED
        && appointment.getStatus() != AppointmentStatus.RESCHEDULED;
  }

  public static boolean is(Appointment appointment, AppointmentStatus status) {
    return appointment != null && appointment.getStatus() == status;
  }
}
