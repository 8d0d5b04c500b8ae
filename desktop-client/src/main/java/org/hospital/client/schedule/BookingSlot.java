package org.hospital.client.schedule;

import java.time.Instant;
import java.time.ZoneId;

/**
 * What the booking dialog books: a free slot of one clinician, or (for a walk-in) "now" with a clinician chosen
 * in the dialog, in which case {@code start} is null.
 */
public record BookingSlot(long clinicianId, String clinicianName, Instant start, ZoneId zone, boolean walkIn) {

  public static BookingSlot slot(long clinicianId, String clinicianName, Instant start, ZoneId zone) {
    return new BookingSlot(clinicianId, clinicianName, start, zone, false);
  }

  public static BookingSlot walkIn(long clinicianId, String clinicianName, ZoneId zone) {
    return new BookingSlot(clinicianId, clinicianName, null, zone, true);
  }

  public BookingSlot at(Instant otherStart) {
    return new BookingSlot(clinicianId, clinicianName, otherStart, zone, false);
  }

  public BookingSlot with(long otherClinicianId, String otherClinicianName) {
    return new BookingSlot(otherClinicianId, otherClinicianName, start, zone, walkIn);
  }
}
