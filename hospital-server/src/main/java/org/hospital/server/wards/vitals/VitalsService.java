package org.hospital.server.wards.vitals;

import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.hospital.server.audit.AuditAction;
import org.hospital.server.audit.AuditEvent;
import org.hospital.server.audit.AuditOutcome;
import org.hospital.server.audit.AuditTrail;
import org.hospital.server.errors.DomainException;
import org.hospital.server.security.CurrentUser;
import org.hospital.server.wards.WardFailures;
import org.hospital.server.wards.stays.StayRow;
import org.hospital.server.wards.stays.StayStore;
import org.hospital.server.wards.writes.WardReads;
import org.hospital.server.wards.writes.WardWriter;

/**
 * Recording and reading vital signs. The server scores each set with NEWS2 on the stay's SpO2 scale, and the
 * bed's tile on the board shows the latest score at once.
 */
public final class VitalsService {

  /** Observations are charted as they are taken, or a little later: not ahead of the server's clock. */
  static final Duration CLOCK_SKEW = Duration.ofMinutes(2);

  private final WardWriter writer;
  private final WardReads reads;
  private final AuditTrail audit;

  public VitalsService(WardWriter writer, WardReads reads, AuditTrail audit) {
    this.writer = writer;
    this.reads = reads;
    this.audit = audit;
  }

  /** Records the validated observations, taken at {@code takenAt} (null: now). */
  public VitalsRecord record(long stayId, Observations o, Instant takenAt, CurrentUser user) {
    return writer.write(tx -> {
      Connection c = tx.connection();
      // locked: a change of the SpO2 scale waits, so that the score uses the scale in force
      StayRow stay = StayStore.lock(c, stayId).orElseThrow(() -> WardFailures.unknownId("stay_id"));
      if (stay.discharged()) {
        throw DomainException.patientNotAdmitted();
      }
      Instant when = takenAt == null ? tx.now() : takenAt;
      if (when.isAfter(tx.now().plus(CLOCK_SKEW))) {
        throw WardFailures.inFuture("taken_at");
      }
      if (when.isBefore(stay.admittedAt())) {
        throw WardFailures.beforeAdmission("taken_at");
      }
      News2.Score score = News2.score(o, stay.spo2Scale());
      long id = VitalsStore.insert(c, stayId, stay.patientId(), o, when, stay.spo2Scale(), score,
          user.displayName(), tx.now());
      tx.bedChanged(stay.bedId());
      tx.audit(AuditEvent.by(user, AuditAction.VITALS_RECORDED, stay.patientId(), "stay=" + stayId + " news2="
          + score.total() + " escalation=" + score.escalation(), AuditOutcome.SUCCESS));
      return VitalsStore.find(c, id);
    });
  }

  public List<VitalsRecord> list(long stayId, int limit, CurrentUser user) {
    StayRow stay = reads.read(c -> StayStore.find(c, stayId)).orElseThrow(() -> WardFailures.unknownId("stay_id"));
    List<VitalsRecord> out = reads.read(c -> VitalsStore.ofStay(c, stayId, limit));
    audit.record(AuditEvent.by(user, AuditAction.VITALS_VIEWED, stay.patientId(), "stay=" + stayId + " sets="
        + out.size(), AuditOutcome.SUCCESS));
    return out;
  }
}
