package org.hospital.server.scheduling.feed;

import io.grpc.stub.ServerCallStreamObserver;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.hospital.proto.scheduling.v1.ScheduleSnapshot;
import org.hospital.proto.scheduling.v1.ScheduleUpdate;
import org.hospital.server.audit.AuditAction;
import org.hospital.server.audit.AuditEvent;
import org.hospital.server.audit.AuditOutcome;
import org.hospital.server.audit.AuditTrail;
import org.hospital.server.live.DurableEventLog.Snapshot;
import org.hospital.server.live.LiveFeed;
import org.hospital.server.security.CurrentUser;
import org.hospital.server.scheduling.appointments.AppointmentMapper;
import org.hospital.server.scheduling.appointments.AppointmentReads;
import org.hospital.server.scheduling.appointments.AppointmentRow;

/**
 * SubscribeSchedule: the schedule's {@link LiveFeed}, started from a snapshot of the appointments the filter
 * matches. See docs/decisions/0304-schedule-resume-protocol.md.
 */
public final class ScheduleFeed {

  private final LiveFeed<?, ScheduleEventRecord, ScheduleUpdate> feed;
  private final AuditTrail audit;

  public ScheduleFeed(LiveFeed<?, ScheduleEventRecord, ScheduleUpdate> feed, AuditTrail audit) {
    this.feed = feed;
    this.audit = audit;
  }

  public void subscribe(ScheduleFilter filter, long afterSequence, ServerCallStreamObserver<ScheduleUpdate> out,
      CurrentUser user, BooleanSupplier sessionOpen) {
    feed.subscribe(afterSequence, filter::matches, () -> snapshot(filter, user), out, sessionOpen);
  }

  /** The appointments the filter matches, audited as a view of the patients they name. */
  private Snapshot<ScheduleUpdate> snapshot(ScheduleFilter filter, CurrentUser user) {
    Snapshot<List<AppointmentRow>> s = feed.snapshot(c -> AppointmentReads.inRange(c, filter.departments(),
        filter.clinicians(), filter.from(), filter.to()));
    audit.record(AuditEvent.by(user, AuditAction.SCHEDULE_VIEWED, AuditEvent.NO_PATIENT,
        "snapshot sequence=" + s.sequence() + " appointments=" + s.contents().size() + " patients="
            + s.contents().stream().map(a -> Long.toString(a.patientId())).distinct()
            .collect(Collectors.joining(",")), AuditOutcome.SUCCESS));
    ScheduleSnapshot.Builder msg = ScheduleSnapshot.newBuilder().setSequence(s.sequence());
    s.contents().forEach(a -> msg.addAppointments(AppointmentMapper.toProto(a)));
    return new Snapshot<>(s.sequence(), ScheduleUpdate.newBuilder().setSnapshot(msg).build());
  }
}
