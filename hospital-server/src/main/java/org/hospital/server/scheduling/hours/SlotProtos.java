package org.hospital.server.scheduling.hours;

import org.hospital.server.errors.ProtoDates;

/** Maps a slot to its proto; shared by the slot lists and the wait-list candidates. */
public final class SlotProtos {

  private SlotProtos() {
  }

  public static org.hospital.proto.scheduling.v1.Slot toProto(Slot s, boolean free) {
    return org.hospital.proto.scheduling.v1.Slot.newBuilder().setClinicianId(s.clinicianId())
        .setStart(ProtoDates.timestamp(s.start())).setEnd(ProtoDates.timestamp(s.end()))
        .setFree(free).build();
  }
}
