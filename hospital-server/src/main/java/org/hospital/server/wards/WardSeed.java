package org.hospital.server.wards;

import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.hospital.server.clinical.chart.Encounter;
import org.hospital.server.wards.beds.BedState;
import org.hospital.server.wards.beds.BedStore;
import org.hospital.server.wards.stays.StayStore;
import org.hospital.server.wards.vitals.News2;
import org.hospital.server.wards.vitals.Observations;
import org.hospital.server.wards.vitals.VitalsStore;

/**
 * Wards, beds, stays and observations for a new installation's demo, written through the wards' own stores so
 * that they cannot drift from what the services write (decision 0014). Runs inside the caller's transaction
 * and before the live feeds open: the board's snapshot shows what it made.
 */
public final class WardSeed {

  private final EntityManager em;
  private final Connection c;
  private final String by;
  private final Instant now;

  public WardSeed(EntityManager em, String by, Instant now) {
    this.em = em;
    this.c = em.unwrap(Connection.class);
    this.by = by;
    this.now = now;
  }

  /** A ward of {@code beds} free beds in rooms of {@code perRoom} ("Room 1", beds 1A, 1B...); its bed ids. */
  public List<Long> ward(String code, String name, int order, int beds, int perRoom) throws SQLException {
    long wardId = BedStore.insertWard(c, code, name, order);
    List<Long> bedIds = new ArrayList<>();
    long roomId = 0;
    for (int b = 0; b < beds; b++) {
      int room = b / perRoom + 1;
      if (b % perRoom == 0) {
        roomId = BedStore.insertRoom(c, wardId, "Room " + room);
      }
      bedIds.add(BedStore.insertBed(c, wardId, roomId, room + String.valueOf((char) ('A' + b % perRoom)), b + 1,
          by, now));
    }
    return bedIds;
  }

  /** The patient in the bed since {@code at}, with an open inpatient encounter; the stay's id. */
  public long admit(long patientId, long bedId, long doctorId, String doctorName, String reason, Instant at)
      throws SQLException {
    long wardId = BedStore.lock(c, bedId).orElseThrow().wardId();
    Encounter e = Encounter.inpatient(patientId, doctorId, doctorName, reason, by, at);
    em.persist(e);
    em.flush();
    long stayId = StayStore.insert(c, new StayStore.NewStay(patientId, e.id(), wardId, bedId, doctorId, doctorName,
        reason), by, at);
    StayStore.occupy(c, bedId, patientId, stayId, at);
    BedStore.setState(c, bedId, BedState.OCCUPIED, null, by, now);
    return stayId;
  }

  /** A set of observations taken at {@code at}, scored on scale 1. */
  public void observations(long stayId, long patientId, Observations o, Instant at) throws SQLException {
    VitalsStore.insert(c, stayId, patientId, o, at, 1, News2.score(o, 1), by, now);
  }

  public void needsCleaning(long bedId) throws SQLException {
    BedStore.setState(c, bedId, BedState.NEEDS_CLEANING, null, by, now);
  }

  public void blocked(long bedId, String reason) throws SQLException {
    BedStore.setState(c, bedId, BedState.BLOCKED, reason, by, now);
  }
}
