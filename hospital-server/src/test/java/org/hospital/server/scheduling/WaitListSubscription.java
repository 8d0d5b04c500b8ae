package org.hospital.server.scheduling;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hospital.proto.scheduling.v1.SchedulingServiceGrpc;
import org.hospital.proto.scheduling.v1.SubscribeWaitListRequest;
import org.hospital.proto.scheduling.v1.WaitListEntry;
import org.hospital.proto.scheduling.v1.WaitListEvent;
import org.hospital.proto.scheduling.v1.WaitListUpdate;
import org.hospital.server.testing.RecordedStream;

/**
 * A live wait-list subscription as a workstation keeps it: the updates received, the open entries they add up
 * to (applied by version, removed ones dropped), and how the stream ended. See {@link Subscription}.
 */
final class WaitListSubscription extends RecordedStream<SubscribeWaitListRequest, WaitListUpdate> {

  /** Every entry by id in its newest known state, removed ones included (they are needed to order versions). */
  private final Map<Long, WaitListEntry> entries = new HashMap<>();

  private WaitListSubscription(boolean manualFlow) {
    super(manualFlow);
  }

  static WaitListSubscription open(SchedulingServiceGrpc.SchedulingServiceStub stub,
      SubscribeWaitListRequest request) {
    return open(stub, request, false);
  }

  /** With {@code manualFlow}, reads only the first update until {@link #request} is called. */
  static WaitListSubscription open(SchedulingServiceGrpc.SchedulingServiceStub stub,
      SubscribeWaitListRequest request, boolean manualFlow) {
    WaitListSubscription s = new WaitListSubscription(manualFlow);
    stub.subscribeWaitList(request, s);
    return s;
  }

  @Override
  protected Kind kind(WaitListUpdate u) {
    return switch (u.getKindCase()) {
      case SNAPSHOT -> Kind.SNAPSHOT;
      case RESUMED -> Kind.RESUMED;
      case EVENT -> Kind.EVENT;
      default -> fail("unexpected update " + u);
    };
  }

  @Override
  protected long apply(WaitListUpdate u) {
    switch (u.getKindCase()) {
      case SNAPSHOT -> {
        entries.clear();
        u.getSnapshot().getEntriesList().forEach(e -> entries.put(e.getId(), e));
        return u.getSnapshot().getSequence();
      }
      case RESUMED -> {
        return u.getResumed().getAfterSequence();
      }
      case EVENT -> {
        apply(entries, u.getEvent());
        return u.getEvent().getSequence();
      }
      default -> {
        return fail("unexpected update " + u);
      }
    }
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

  synchronized List<WaitListEvent> events() {
    return updates().stream().filter(WaitListUpdate::hasEvent).map(WaitListUpdate::getEvent).toList();
  }

  /** Every entry known, in its newest state (removed ones too). */
  synchronized Map<Long, WaitListEntry> entries() {
    return Map.copyOf(entries);
  }
}
