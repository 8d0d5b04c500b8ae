package org.hospital.server.scheduling.live;

import io.grpc.stub.ServerCallStreamObserver;
import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;
import org.hospital.proto.scheduling.v1.Resumed;
import org.hospital.proto.scheduling.v1.SchedulingServiceGrpc;
import org.hospital.proto.scheduling.v1.WaitListSnapshot;
import org.hospital.proto.scheduling.v1.WaitListUpdate;
import org.hospital.server.live.EventHub;
import org.hospital.server.live.EventStream;
import org.hospital.server.live.ResumePoint;
import org.hospital.server.scheduling.WaitListEventLog;
import org.hospital.server.scheduling.WaitListEventRecord;
import org.hospital.server.scheduling.WaitListFilter;
import org.hospital.server.scheduling.WaitListSnapshots;
import org.hospital.server.security.CurrentUser;

/**
 * SubscribeWaitList: the same protocol as SubscribeSchedule ({@link ScheduleFeed}) over the wait list's own
 * hub and log: a snapshot or Resumed first, then an {@link EventStream} following the hub.
 * See docs/decisions/0310-live-wait-list.md.
 */
public final class WaitListFeed {

  private static final String METHOD = SchedulingServiceGrpc.getSubscribeWaitListMethod().getFullMethodName();

  private final EventHub<WaitListEventRecord> hub;
  private final WaitListEventLog log;
  private final WaitListSnapshots snapshots;
  private final Executor executor;

  public WaitListFeed(EventHub<WaitListEventRecord> hub, WaitListEventLog log, WaitListSnapshots snapshots,
      Executor executor) {
    this.hub = hub;
    this.log = log;
    this.snapshots = snapshots;
    this.executor = executor;
  }

  public void subscribe(WaitListFilter filter, long afterSequence, ServerCallStreamObserver<WaitListUpdate> out,
      CurrentUser user, BooleanSupplier sessionOpen) {
    long start;
    if (afterSequence > 0 && ResumePoint.canResume(afterSequence, log.latest(), log.oldestRetained())) {
      out.onNext(WaitListUpdate.newBuilder()
          .setResumed(Resumed.newBuilder().setAfterSequence(afterSequence)).build());
      start = afterSequence;
    } else {
      WaitListSnapshots.Snapshot s = snapshots.read(filter, user);
      out.onNext(WaitListUpdate.newBuilder().setSnapshot(WaitListSnapshot.newBuilder()
          .setSequence(s.sequence()).addAllEntries(s.messages())).build());
      start = s.sequence();
    }
    new EventStream<>(hub, out, start, filter::matches,
        (WaitListEventRecord e) -> WaitListUpdate.newBuilder().setEvent(e.message()).build(), executor,
        sessionOpen, StreamEndings.of(METHOD)).start();
  }
}
