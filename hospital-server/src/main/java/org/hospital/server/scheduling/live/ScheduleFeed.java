package org.hospital.server.scheduling.live;

import io.grpc.Status;
import io.grpc.stub.ServerCallStreamObserver;
import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;
import org.hospital.proto.scheduling.v1.Resumed;
import org.hospital.proto.scheduling.v1.ScheduleSnapshot;
import org.hospital.proto.scheduling.v1.ScheduleUpdate;
import org.hospital.proto.scheduling.v1.SchedulingServiceGrpc;
import org.hospital.server.errors.DomainException;
import org.hospital.server.errors.ErrorMappingInterceptor;
import org.hospital.server.live.EventHub;
import org.hospital.server.live.EventStream;
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
    EventStream.Endings endings = new EventStream.Endings(
        () -> ErrorMappingInterceptor.toStatus(DomainException.sessionExpired(), METHOD),
        () -> Status.UNAVAILABLE.withDescription("server stopping").asRuntimeException(),
        () -> Status.ABORTED.withDescription("resume to get a fresh snapshot").asRuntimeException());
    new EventStream<>(hub, out, start, filter::matches,
        (ScheduleEventRecord e) -> ScheduleUpdate.newBuilder().setEvent(e.message()).build(), executor,
        sessionOpen, endings).start();
  }

  /**
   * Whether every event after {@code afterSequence} is still in the log. A sequence above the latest (the
   * client saw another database) cannot be resumed either.
   */
  private boolean canResume(long afterSequence) {
    long latest = log.latest();
    if (afterSequence > latest) {
      return false;
    }
    if (afterSequence == latest) {
      return true;
    }
    long oldest = log.oldestRetained();
    return oldest > 0 && oldest <= afterSequence + 1;
  }
}
