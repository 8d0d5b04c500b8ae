package org.hospital.client.schedule.waitlist;

import java.time.Instant;
import java.util.List;
import org.hospital.proto.scheduling.v1.WaitListEntry;

/**
 * A card for reception: this clinician's slot became free and these wait-list patients could take it.
 *
 * @param clinician the clinician's name
 * @param when the slot's day and time, short
 * @param title both in one line, for messages about the slot
 */
public record FreedSlotNotice(long clinicianId, Instant start, String clinician, String when, String title,
    List<WaitListEntry> candidates) {

  public FreedSlotNotice {
    candidates = List.copyOf(candidates);
  }

  boolean sameSlot(long otherClinician, Instant otherStart) {
    return clinicianId == otherClinician && start.equals(otherStart);
  }

  FreedSlotNotice without(long entryId) {
    return new FreedSlotNotice(clinicianId, start, clinician, when, title,
        candidates.stream().filter(e -> e.getId() != entryId).toList());
  }
}
