package org.hospital.client.schedule.waitlist;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hospital.client.schedule.ScheduleText;
import org.hospital.proto.scheduling.v1.Appointment;
import org.hospital.proto.scheduling.v1.AppointmentStatus;

/**
 * Spots slots that were let go: an appointment seen holding a future slot that is now cancelled or moved
 * elsewhere. The first state it is given is only remembered (a screen that opens is not told about
 * cancellations of last week), later states are compared with the one before. Plain logic, no toolkit.
 */
final class FreedSlotWatch {

  /** One clinician's slot, by its start. */
  record FreedSlot(long clinicianId, Instant start) {}

  /** Statuses that no longer hold the slot because the desk let it go (a no-show's time is past anyway). */
  private static final Set<AppointmentStatus> LET_GO = EnumSet.of(AppointmentStatus.CANCELLED,
      AppointmentStatus.RESCHEDULED);
  private static final Set<AppointmentStatus> NOT_HOLDING = EnumSet.of(AppointmentStatus.CANCELLED,
      AppointmentStatus.RESCHEDULED, AppointmentStatus.NO_SHOW);

  private Map<Long, Appointment> seen;

  /** Compares with the last state; the freed future slots, in the order of the appointments given. */
  List<FreedSlot> next(Collection<Appointment> now, Instant clock) {
    Map<Long, Appointment> current = new HashMap<>();
    now.forEach(a -> current.put(a.getId(), a));
    Map<Long, Appointment> before = seen;
    seen = current;
    List<FreedSlot> freed = new ArrayList<>();
    if (before == null) {
      return freed;
    }
    for (Appointment a : now) {
      Appointment old = before.get(a.getId());
      if (old == null || old.getWalkIn() || NOT_HOLDING.contains(old.getStatus())
          || !LET_GO.contains(a.getStatus())) {
        continue;
      }
      Instant start = ScheduleText.toInstant(old.getStart());
      FreedSlot slot = new FreedSlot(old.getClinicianId(), start);
      if (start.isAfter(clock) && !freed.contains(slot)) {
        freed.add(slot);
      }
    }
    return freed;
  }

  /** Forgets what was seen: the next state is a first one again (another department, another filter). */
  void reset() {
    seen = null;
  }
}
