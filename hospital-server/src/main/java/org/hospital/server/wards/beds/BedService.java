package org.hospital.server.wards.beds;

import java.sql.Connection;
import java.util.Set;
import org.hospital.server.audit.AuditAction;
import org.hospital.server.audit.AuditEvent;
import org.hospital.server.audit.AuditOutcome;
import org.hospital.server.errors.DomainException;
import org.hospital.server.security.CurrentUser;
import org.hospital.server.wards.WardFailures;
import org.hospital.server.wards.writes.WardWriter;

/**
 * A bed's housekeeping between patients: cleaned after a discharge or transfer, taken out of service (with a
 * reason), held for an expected admission, released again. Each change checks the version the caller saw.
 */
public final class BedService {

  private final WardWriter writer;

  public BedService(WardWriter writer) {
    this.writer = writer;
  }

  public BedRow markClean(long bedId, long expectedVersion, CurrentUser user) {
    return change(bedId, expectedVersion, Set.of(BedState.NEEDS_CLEANING), BedState.FREE, null, user);
  }

  public BedRow block(long bedId, long expectedVersion, String reason, CurrentUser user) {
    return change(bedId, expectedVersion, Set.of(BedState.FREE, BedState.RESERVED), BedState.BLOCKED, reason, user);
  }

  public BedRow reserve(long bedId, long expectedVersion, String note, CurrentUser user) {
    return change(bedId, expectedVersion, Set.of(BedState.FREE), BedState.RESERVED, note, user);
  }

  public BedRow release(long bedId, long expectedVersion, CurrentUser user) {
    return change(bedId, expectedVersion, Set.of(BedState.BLOCKED, BedState.RESERVED), BedState.FREE, null, user);
  }

  private BedRow change(long bedId, long expectedVersion, Set<BedState> from, BedState to, String note,
      CurrentUser user) {
    return writer.write(tx -> {
      Connection c = tx.connection();
      BedRow bed = BedStore.lock(c, bedId).orElseThrow(() -> WardFailures.unknownId("bed_id"));
      if (bed.version() != expectedVersion) {
        throw DomainException.stale(bed.updatedBy(), bed.updatedAt(), bed.version());
      }
      if (!from.contains(bed.state())) {
        throw DomainException.invalidTransition(bed.state().name());
      }
      BedStore.setState(c, bedId, to, note, user.displayName(), tx.now());
      tx.bedChanged(bedId);
      tx.audit(AuditEvent.by(user, AuditAction.BED_STATE_CHANGED, AuditEvent.NO_PATIENT, "bed=" + bedId + " from="
          + bed.state() + " to=" + to, AuditOutcome.SUCCESS));
      return BedStore.lock(c, bedId).orElseThrow();
    });
  }
}
