package org.hospital.client.schedule;

import java.time.Instant;
import java.time.ZoneId;

/**
 * What the booking dialog books: a slot of one clinician, or (for a walk-in) "now" with a clinician chosen
 * in the dialog, in which case {@code start} is null. {@code taken}: the slot is held already and the dialog
 * was opened to overbook it.
 */
public record BookingSlot(long clinicianId, String clinicianName, Instant start, ZoneId zone, boolean walkIn,
    boolean taken) {

  public static BookingSlot slot(long clinicianId, String clinicianName, Instant start, ZoneId zone) {
    return new BookingSlot(clinicianId, clinicianName, start, zone, false, false);
  }

  public static BookingSlot walkIn(long clinicianId, String clinicianName, ZoneId zone) {
    return new BookingSlot(clinicianId, clinicianName, null, zone, true, false);
  }

  /** A held slot, to be overbooked. */
  public static BookingSlot taken(long clinicianId, String clinicianName, Instant start, ZoneId zone) {
    return new BookingSlot(clinicianId, clinicianName, start, zone, false, true);
  }

  /** Another (free) time of the same clinician. */
  public BookingSlot at(Instant otherStart) {
    return new BookingSlot(clinicianId, clinicianName, otherStart, zone, false, false);
  }

  public BookingSlot with(long otherClinicianId, String otherClinicianName) {
    return new BookingSlot(otherClinicianId, otherClinicianName, start, zone, walkIn, taken);
  }
}
