package org.hospital.server.demo;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.hospital.server.persistence.Database;
import org.hospital.server.wards.WardSeed;
import org.hospital.server.wards.vitals.Consciousness;
import org.hospital.server.wards.vitals.Observations;

/**
 * Six demo wards of 20 to 30 beds (152 in all) in rooms of four, and a few patients in them so that the bed
 * board is not empty: two stays per ward, admitted over the last days by the demo doctor, with observations
 * from a calm NEWS2 to one that calls for an emergency response; a bed waiting for cleaning and one out of
 * service. Written through {@link WardSeed}.
 */
final class DemoWards {

  private record DemoWard(String code, String name, int beds) {}

  private static final DemoWard[] WARDS = {
      new DemoWard("MED-A", "Medical Ward A", 24),
      new DemoWard("MED-B", "Medical Ward B", 24),
      new DemoWard("SURG", "Surgical Ward", 30),
      new DemoWard("CARD", "Cardiology", 20),
      new DemoWard("ORTH", "Orthopaedics", 26),
      new DemoWard("ELD", "Care of the Elderly", 28)};

  static final int BEDS_PER_ROOM = 4;
  static final int STAYS_PER_WARD = 2;
  private static final String BY = "Demo data";

  /** Observation sets from calm to alarming: NEWS2 0, 3 (one parameter at 3), 6 and 13. */
  private static final Observations[] OBSERVATIONS = {
      new Observations(368, 72, 128, 78, 16, 97, false, Consciousness.ALERT, 1),
      new Observations(372, 88, 122, 74, 18, 96, false, Consciousness.CONFUSION, 2),
      new Observations(384, 104, 108, 70, 22, 95, false, Consciousness.ALERT, 4),
      new Observations(392, 118, 98, 60, 25, 92, true, Consciousness.ALERT, 6)};

  private DemoWards() {}

  /** Returns the number of beds made. */
  static int seed(Database db, long doctorId, String doctorName, Clock clock) {
    return db.inTransaction(em -> {
      Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
      WardSeed seed = new WardSeed(em, BY, now);
      try {
        List<Long> patients = lastPatients(em.unwrap(Connection.class), WARDS.length * STAYS_PER_WARD);
        int beds = 0;
        int admitted = 0;
        for (int w = 0; w < WARDS.length; w++) {
          DemoWard ward = WARDS[w];
          List<Long> bedIds = seed.ward(ward.code(), ward.name(), w + 1, ward.beds(), BEDS_PER_ROOM);
          beds += bedIds.size();
          for (int s = 0; s < STAYS_PER_WARD && admitted < patients.size(); s++, admitted++) {
            long patientId = patients.get(admitted);
            long stayId = seed.admit(patientId, bedIds.get(s * 5), doctorId, doctorName, "Demo admission",
                now.minus(Duration.ofHours(6 + 19L * admitted)));
            seed.observations(stayId, patientId, OBSERVATIONS[admitted % OBSERVATIONS.length],
                now.minus(Duration.ofMinutes(30 + admitted)));
          }
          seed.needsCleaning(bedIds.get(3));
          if (w % 2 == 0) {
            seed.blocked(bedIds.get(ward.beds() - 1), "Broken bed rail");
          }
        }
        return beds;
      } catch (SQLException e) {
        throw new IllegalStateException("Cannot create the demo wards", e);
      }
    });
  }

  /** The most recently registered patients: the ones other demo data (schedules, the chart) uses least. */
  private static List<Long> lastPatients(Connection c, int n) throws SQLException {
    List<Long> out = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement("SELECT id FROM patient WHERE deceased_at IS NULL"
        + " ORDER BY id DESC FETCH FIRST " + n + " ROWS ONLY"); ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.add(rs.getLong(1));
      }
    }
    return out;
  }
}
