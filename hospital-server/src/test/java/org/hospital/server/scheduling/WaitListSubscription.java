package org.hospital.server.scheduling;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.grpc.Status;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hospital.proto.scheduling.v1.SchedulingServiceGrpc;
import org.hospital.proto.scheduling.v1.SubscribeWaitListRequest;
import org.hospital.proto.scheduling.v1.WaitListEntry;
import org.hospital.proto.scheduling.v1.WaitListEvent;
import org.hospital.proto.scheduling.v1.WaitListUpdate;

/**
 * A live wait-list subscription as a workstation keeps it: the updates received, the open entries they add up
 * to (applied by version, removed ones dropped), and how the stream ended. See {@link Subscription}.
 */
final class WaitListSubscription implements ClientResponseObserver<SubscribeWaitListRequest, WaitListUpdate> {

  private final List<WaitListUpdate> updates = new ArrayList<>();
  /** Every entry by id in its newest known state, removed ones included (they are needed to order versions). */
  private final Map<Long, WaitListEntry> entries = new HashMap<>();
  private ClientCallStreamObserver<SubscribeWaitListRequest> call;
  private Status ended;
  private Throwable error;
  private long lastSequence;

  static WaitListSubscription open(SchedulingServiceGrpc.SchedulingServiceStub stub,
      SubscribeWaitListRequest request) {
    WaitListSubscription s = new WaitListSubscription();
    stub.subscribeWaitList(request, s);
    return s;
  }

  @Override
  public void beforeStart(ClientCallStreamObserver<SubscribeWaitListRequest> requestStream) {
    this.call = requestStream;
  }

  @Override
  public synchronized void onNext(WaitListUpdate u) {
    updates.add(u);
    switch (u.getKindCase()) {
      case SNAPSHOT -> {
        entries.clear();
        u.getSnapshot().getEntriesList().forEach(e -> entries.put(e.getId(), e));
        lastSequence = u.getSnapshot().getSequence();
      }
      case RESUMED -> lastSequence = u.getResumed().getAfterSequence();
      case EVENT -> {
        apply(entries, u.getEvent());
        lastSequence = u.getEvent().getSequence();
      }
      default -> fail("unexpected update " + u);
    }
    notifyAll();
  }

  static void apply(Map<Long, WaitListEntry> entries, WaitListEvent e) {
    WaitListEntry known = entries.get(e.getEntry().getId());
    if (known == null || known.getVersion() < e.getEntry().getVersion()) {
      entries.put(e.getEntry().getId(), e.getEntry());
    }
  }

  /** The open entries by id. */
  static Map<Long, WaitListEntry> open(Map<Long, WaitListEntry> entries) {
    Map<Long, WaitListEntry> open = new HashMap<>();
    entries.forEach((id, e) -> {
      if (!e.getRemoved()) {
        open.put(id, e);
      }
    });
    return open;
  }

  @Override
  public synchronized void onError(Throwable t) {
    ended = Status.fromThrowable(t);
    error = t;
    notifyAll();
  }

  @Override
  public synchronized void onCompleted() {
    ended = Status.OK;
    notifyAll();
  }

  void cancel() {
    call.cancel("closing the wait list", null);
  }

  synchronized List<WaitListUpdate> updates() {
    return List.copyOf(updates);
  }

  synchronized List<WaitListEvent> events() {
    return updates.stream().filter(WaitListUpdate::hasEvent).map(WaitListUpdate::getEvent).toList();
  }

  /** Every entry known, in its newest state (removed ones too). */
  synchronized Map<Long, WaitListEntry> entries() {
    return Map.copyOf(entries);
  }

  synchronized long lastSequence() {
    return lastSequence;
  }

  synchronized Throwable error() {
    return error;
  }

  synchronized void awaitSequence(long sequence) throws InterruptedException {
    long deadline = System.nanoTime() + Subscription.PATIENCE.toNanos();
    while (lastSequence < sequence && ended == null && System.nanoTime() < deadline) {
      wait(200);
    }
    assertTrue(lastSequence >= sequence, "reached " + lastSequence + " of " + sequence + ", ended " + ended);
  }

  synchronized void awaitUpdates(int count) throws InterruptedException {
    long deadline = System.nanoTime() + Subscription.PATIENCE.toNanos();
    while (updates.size() < count && ended == null && System.nanoTime() < deadline) {
      wait(200);
    }
    assertTrue(updates.size() >= count, "got " + updates.size() + " of " + count + " updates, ended " + ended);
  }

  synchronized Status awaitEnd() throws InterruptedException {
    long deadline = System.nanoTime() + Subscription.PATIENCE.toNanos();
    while (ended == null && System.nanoTime() < deadline) {
      wait(200);
    }
    assertTrue(ended != null, "the stream did not end");
    return ended;
  }
}
