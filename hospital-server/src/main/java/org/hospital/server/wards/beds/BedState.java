package org.hospital.server.wards.beds;

/** Where a bed stands: free, held for an expected patient, occupied, waiting for cleaning, out of service. */
public enum BedState { FREE, RESERVED, OCCUPIED, NEEDS_CLEANING, BLOCKED;

  /** Whether a patient may be put in the bed now. */
  public boolean takesAPatient() {
    return this == FREE || this == RESERVED;
  }
}
