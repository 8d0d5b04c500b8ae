package org.hospital.server.scheduling.writes;

import java.time.Instant;

/**
 * Thrown inside a booking transaction when the slot is held, to roll it back; turned into SLOT_TAKEN with
 * the next free slots outside it, where they can be read without holding locks.
 */
public final class SlotTaken extends RuntimeException {

  final long clinicianId;
  final Instant start;

  public SlotTaken(long clinicianId, Instant start) {
    super("slot taken", null, false, false);
    this.clinicianId = clinicianId;
    this.start = start;
  }
}
