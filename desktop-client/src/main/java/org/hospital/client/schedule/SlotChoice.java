package org.hospital.client.schedule;

import java.time.Instant;

/** A free slot offered in a list ("Move to…"), with the words it is shown with. */
public record SlotChoice(long clinicianId, Instant start, String label) {

  @Override
  public String toString() {
    return label;
  }
}
