package org.hospital.client.schedule;

import java.time.Instant;
import java.time.ZoneId;

/** A free slot someone is about to book: whose, when, and the hospital's zone to show it in. */
public record BookingSlot(long clinicianId, String clinicianName, Instant start, ZoneId zone) {

  public BookingSlot at(Instant otherStart) {
    return new BookingSlot(clinicianId, clinicianName, otherStart, zone);
  }
}
