package org.hospital.server.scheduling.waitlist;

import io.grpc.stub.ServerCallStreamObserver;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.hospital.proto.scheduling.v1.WaitListSnapshot;
import org.hospital.proto.scheduling.v1.WaitListUpdate;
import org.hospital.server.audit.AuditAction;
import org.hospital.server.audit.AuditEvent;
import org.hospital.server.audit.AuditOutcome;
import org.hospital.server.audit.AuditTrail;
import org.hospital.server.live.DurableEventLog.Snapshot;
import org.hospital.server.live.LiveFeed;
import org.hospital.server.security.CurrentUser;
import org.hospital.server.scheduling.hours.ScheduleCalendar;

/**
 * SubscribeWaitList: the wait list's {@link LiveFeed}, started from a snapshot of the open entries the filter
 * matches. See docs/decisions/0310-live-wait-list.md.
 */
public final class WaitListFeed {

  private final LiveFeed<?, WaitListEventRecord, WaitListUpdate> feed;
  private final AuditTrail audit;
  private final ScheduleCalendar calendar;
  private final Clock clock;

  public WaitListFeed(LiveFeed<?, WaitListEventRecord, WaitListUpdate> feed, AuditTrail audit, ScheduleCalendar calendar,
      Clock clock) {
    this.feed = feed;
    this.audit = audit;
    this.calendar = calendar;
    this.clock = clock;
  }

  public void subscribe(WaitListFilter filter, long afterSequence, ServerCallStreamObserver<WaitListUpdate> out,
      CurrentUser user, BooleanSupplier sessionOpen) {
    feed.subscribe(afterSequence, filter::matches, () -> snapshot(filter, user), out, sessionOpen);
  }

  /** The open entries the filter matches; audited like ListWaitList when it names patients. */
  private Snapshot<WaitListUpdate> snapshot(WaitListFilter filter, CurrentUser user) {
    LocalDate today = calendar.dateOf(clock.instant());
    Snapshot<List<WaitListEntry>> s = feed.snapshot(c -> WaitListStore.open(c, filter.departments(),
        filter.clinicians(), today));
    if (!s.contents().isEmpty()) {
      audit.record(AuditEvent.by(user, AuditAction.SCHEDULE_VIEWED, AuditEvent.NO_PATIENT, "wait list snapshot"
          + " sequence=" + s.sequence() + " patients=" + s.contents().stream()
          .map(e -> Long.toString(e.patientId())).distinct().collect(Collectors.joining(",")),
          AuditOutcome.SUCCESS));
    }
    return new Snapshot<>(s.sequence(), WaitListUpdate.newBuilder().setSnapshot(WaitListSnapshot.newBuilder()
        .setSequence(s.sequence()).addAllEntries(s.contents().stream().map(WaitListRequests::toProto).toList()))
        .build());
  }
}
