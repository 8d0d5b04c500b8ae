package org.hospital.server.wards.stays;

import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.hospital.server.audit.AuditAction;
import org.hospital.server.audit.AuditEvent;
import org.hospital.server.audit.AuditOutcome;
import org.hospital.server.clinical.chart.Encounter;
import org.hospital.server.errors.DomainException;
import org.hospital.server.security.CurrentUser;
import org.hospital.server.wards.WardFailures;
import org.hospital.server.wards.beds.BedRow;
import org.hospital.server.wards.beds.BedState;
import org.hospital.server.wards.beds.BedStore;
import org.hospital.server.wards.writes.WardTx;
import org.hospital.server.wards.writes.WardWriter;

/**
 * Admission, transfer and discharge. A bed is locked before it is looked at, so that racing admissions to one
 * bed queue on its row and the later ones find it occupied; bed_occupancy's keys are the guarantee behind
 * that (docs/decisions/0702-one-patient-one-bed.md), and their violations answer as the same failures.
 */
public final class AdmissionService {

  /** Clocks of workstations and server differ a little; a discharge "now" may arrive this far ahead. */
  static final Duration CLOCK_SKEW = Duration.ofMinutes(2);

  /** A validated admission; fromEncounterId 0 admits directly. */
  public record Admission(long patientId, long bedId, long expectedBedVersion, long doctorId, String reason,
      long fromEncounterId) {}

  private final WardWriter writer;

  public AdmissionService(WardWriter writer) {
    this.writer = writer;
  }

  public StayRow admit(Admission a, CurrentUser user) {
    try {
      return writer.write(tx -> admitIn(tx, a, user));
    } catch (RuntimeException e) {
      throw WardFailures.occupancyClash(e);
    }
  }

  private StayRow admitIn(WardTx tx, Admission a, CurrentUser user) throws SQLException {
    Connection c = tx.connection();
    EntityManager em = tx.em();
    BedRow bed = lockedBed(c, a.bedId(), a.expectedBedVersion(), "bed_id");
    requirePatient(c, a.patientId());
    String doctorName = doctorName(c, a.doctorId()).orElseThrow(() -> WardFailures.unknownId("admitting_doctor_id"));
    Optional<Long> current = StayStore.occupiedBy(c, a.patientId());
    if (current.isPresent()) {
      throw DomainException.patientAlreadyAdmitted(current.get());
    }
    if (!bed.state().takesAPatient()) {
      throw DomainException.bedUnavailable(bed.state().name());
    }
    if (a.fromEncounterId() != 0) {
      Encounter from = em.find(Encounter.class, a.fromEncounterId());
      if (from == null || from.patientId() != a.patientId() || from.kind() != Encounter.Kind.OUTPATIENT) {
        throw WardFailures.unknownId("from_encounter_id");
      }
      if (from.status() == Encounter.Status.OPEN) {
        from.end(user.displayName(), tx.now());
      }
    }
    Encounter stayEncounter = Encounter.inpatient(a.patientId(), a.doctorId(), doctorName, a.reason(),
        user.displayName(), tx.now());
    em.persist(stayEncounter);
    em.flush();
    long stayId = StayStore.insert(c, new StayStore.NewStay(a.patientId(), stayEncounter.id(), bed.wardId(),
        bed.id(), a.doctorId(), doctorName, a.reason()), user.displayName(), tx.now());
    StayStore.occupy(c, bed.id(), a.patientId(), stayId, tx.now());
    BedStore.setState(c, bed.id(), BedState.OCCUPIED, null, user.displayName(), tx.now());
    tx.bedChanged(bed.id());
    tx.audit(AuditEvent.by(user, AuditAction.PATIENT_ADMITTED, a.patientId(), "stay=" + stayId + " bed=" + bed.id()
        + " encounter=" + stayEncounter.id() + (a.fromEncounterId() != 0 ? " from=" + a.fromEncounterId() : ""),
        AuditOutcome.SUCCESS));
    return StayStore.find(c, stayId).orElseThrow();
  }

  public StayRow transfer(long stayId, long expectedVersion, long toBedId, long expectedBedVersion,
      CurrentUser user) {
    try {
      return writer.write(tx -> {
        Connection c = tx.connection();
        StayRow stay = lockedOpenStay(c, stayId, expectedVersion);
        if (toBedId == stay.bedId()) {
          throw DomainException.bedUnavailable(BedState.OCCUPIED.name());
        }
        // both beds locked in id order, so that two crossing transfers cannot wait on each other
        BedRow to;
        if (toBedId < stay.bedId()) {
          to = lockedBed(c, toBedId, expectedBedVersion, "to_bed_id");
          BedStore.lock(c, stay.bedId());
        } else {
          BedStore.lock(c, stay.bedId());
          to = lockedBed(c, toBedId, expectedBedVersion, "to_bed_id");
        }
        if (!to.state().takesAPatient()) {
          throw DomainException.bedUnavailable(to.state().name());
        }
        StayStore.move(c, stayId, to.wardId(), to.id(), user.displayName(), tx.now());
        BedStore.setState(c, stay.bedId(), BedState.NEEDS_CLEANING, null, user.displayName(), tx.now());
        BedStore.setState(c, to.id(), BedState.OCCUPIED, null, user.displayName(), tx.now());
        tx.bedChanged(stay.bedId());
        tx.bedChanged(to.id());
        tx.audit(AuditEvent.by(user, AuditAction.PATIENT_TRANSFERRED, stay.patientId(), "stay=" + stayId
            + " from=" + stay.bedId() + " to=" + to.id(), AuditOutcome.SUCCESS));
        return StayStore.find(c, stayId).orElseThrow();
      });
    } catch (RuntimeException e) {
      throw WardFailures.occupancyClash(e);
    }
  }

  /** Ends the stay at {@code at} (null: now) and its encounter; the bed needs cleaning. */
  public StayRow discharge(long stayId, long expectedVersion, Instant at, String destination, CurrentUser user) {
    return writer.write(tx -> {
      Connection c = tx.connection();
      StayRow stay = lockedOpenStay(c, stayId, expectedVersion);
      Instant when = at == null ? tx.now() : at;
      if (when.isAfter(tx.now().plus(CLOCK_SKEW))) {
        throw WardFailures.inFuture("discharged_at");
      }
      if (when.isBefore(stay.admittedAt())) {
        throw WardFailures.beforeAdmission("discharged_at");
      }
      StayStore.discharge(c, stayId, when, destination, user.displayName(), tx.now());
      BedStore.lock(c, stay.bedId());
      BedStore.setState(c, stay.bedId(), BedState.NEEDS_CLEANING, null, user.displayName(), tx.now());
      Encounter e = tx.em().find(Encounter.class, stay.encounterId());
      if (e != null && e.status() == Encounter.Status.OPEN) {
        e.end(user.displayName(), when);
      }
      tx.bedChanged(stay.bedId());
      tx.audit(AuditEvent.by(user, AuditAction.PATIENT_DISCHARGED, stay.patientId(), "stay=" + stayId
          + " destination=" + destination, AuditOutcome.SUCCESS));
      return StayStore.find(c, stayId).orElseThrow();
    });
  }

  /** A clinician's choice of NEWS2 SpO2 scale for the stay (2: hypercapnic respiratory failure). */
  public StayRow setSpo2Scale(long stayId, long expectedVersion, int scale, CurrentUser user) {
    return writer.write(tx -> {
      Connection c = tx.connection();
      StayRow stay = lockedOpenStay(c, stayId, expectedVersion);
      StayStore.setSpo2Scale(c, stayId, scale, user.displayName(), tx.now());
      tx.bedChanged(stay.bedId());
      tx.audit(AuditEvent.by(user, AuditAction.SPO2_SCALE_SET, stay.patientId(), "stay=" + stayId + " from="
          + stay.spo2Scale() + " to=" + scale, AuditOutcome.SUCCESS));
      return StayStore.find(c, stayId).orElseThrow();
    });
  }

  /** The stay, locked, still in its bed and at the version the caller saw. */
  public static StayRow lockedOpenStay(Connection c, long stayId, long expectedVersion) throws SQLException {
    StayRow stay = StayStore.lock(c, stayId).orElseThrow(() -> WardFailures.unknownId("stay_id"));
    if (stay.discharged()) {
      throw DomainException.patientNotAdmitted();
    }
    if (expectedVersion != stay.version()) {
      throw DomainException.stale(stay.updatedBy(), stay.updatedAt(), stay.version());
    }
    return stay;
  }

  /** The bed, locked; {@code expectedVersion} 0 takes it as it is now (an admission picked from the board). */
  private static BedRow lockedBed(Connection c, long bedId, long expectedVersion, String field)
      throws SQLException {
    BedRow bed = BedStore.lock(c, bedId).orElseThrow(() -> WardFailures.unknownId(field));
    if (expectedVersion != 0 && expectedVersion != bed.version()) {
      throw DomainException.stale(bed.updatedBy(), bed.updatedAt(), bed.version());
    }
    return bed;
  }

  private static void requirePatient(Connection c, long patientId) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM patient WHERE id = ?")) {
      ps.setLong(1, patientId);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw WardFailures.unknownId("patient_id");
        }
      }
    }
  }

  /** The clinician's name; empty when the id is not a clinician's. */
  private static Optional<String> doctorName(Connection c, long staffId) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT s.display_name FROM staff_account s"
        + " JOIN clinician k ON k.staff_id = s.id WHERE s.id = ?")) {
      ps.setLong(1, staffId);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
      }
    }
  }
}
