package org.hospital.server.scheduling.live;

import io.grpc.stub.ServerCallStreamObserver;
import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;
import org.hospital.proto.scheduling.v1.Resumed;
import org.hospital.proto.scheduling.v1.ScheduleSnapshot;
import org.hospital.proto.scheduling.v1.ScheduleUpdate;
import org.hospital.proto.scheduling.v1.SchedulingServiceGrpc;
import org.hospital.server.live.EventHub;
import org.hospital.server.live.EventStream;
import org.hospital.server.live.ResumePoint;
import org.hospital.server.scheduling.AppointmentMapper;
import org.hospital.server.scheduling.ScheduleEventLog;
import org.hospital.server.scheduling.ScheduleEventRecord;
import org.hospital.server.scheduling.ScheduleFilter;
import org.hospital.server.scheduling.ScheduleSnapshots;
import org.hospital.server.security.CurrentUser;

/**
 * SubscribeSchedule: starts a subscriber with a snapshot (after_sequence 0, or a sequence the log no longer
 * holds) or with Resumed (the log holds every event after it), then hands it to an {@link EventStream} that
 * follows the hub. See docs/decisions/0304-schedule-resume-protocol.md.
 */
public final class ScheduleFeed {

  private static final String METHOD = SchedulingServiceGrpc.getSubscribeScheduleMethod().getFullMethodName();

  private final EventHub<ScheduleEventRecord> hub;
  private final ScheduleEventLog log;
  private final ScheduleSnapshots snapshots;
  private final Executor executor;

  public ScheduleFeed(EventHub<ScheduleEventRecord> hub, ScheduleEventLog log, ScheduleSnapshots snapshots,
      Executor executor) {
    this.hub = hub;
    this.log = log;
    this.snapshots = snapshots;
    this.executor = executor;
  }

  public void subscribe(ScheduleFilter filter, long afterSequence, ServerCallStreamObserver<ScheduleUpdate> out,
      CurrentUser user, BooleanSupplier sessionOpen) {
    long start;
    if (afterSequence > 0 && canResume(afterSequence)) {
      out.onNext(ScheduleUpdate.newBuilder()
          .setResumed(Resumed.newBuilder().setAfterSequence(afterSequence)).build());
      start = afterSequence;
    } else {
      ScheduleSnapshots.Snapshot s = snapshots.read(filter, user);
      ScheduleSnapshot.Builder msg = ScheduleSnapshot.newBuilder().setSequence(s.sequence());
      s.appointments().forEach(a -> msg.addAppointments(AppointmentMapper.toProto(a)));
      out.onNext(ScheduleUpdate.newBuilder().setSnapshot(msg).build());
      start = s.sequence();
    }
    EventStream.Endings endings = StreamEndings.of(METHOD);
    new EventStream<>(hub, out, start, filter::matches,
        (ScheduleEventRecord e) -> ScheduleUpdate.newBuilder().setEvent(e.message()).build(), executor,
        sessionOpen, endings).start();
  }

  private boolean canResume(long afterSequence) {
    return ResumePoint.canResume(afterSequence, log.latest(), log.oldestRetained());
  }
}
