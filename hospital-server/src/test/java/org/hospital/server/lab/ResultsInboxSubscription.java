package org.hospital.server.lab;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hospital.proto.lab.v1.LabServiceGrpc;
import org.hospital.proto.lab.v1.ResultsInboxItem;
import org.hospital.proto.lab.v1.ResultsInboxUpdate;
import org.hospital.proto.lab.v1.SubscribeResultsInboxRequest;
import org.hospital.server.testing.RecordedStream;

/** A live results inbox as a workstation keeps it: the items by order, replaced or removed by each event. */
final class ResultsInboxSubscription extends RecordedStream<SubscribeResultsInboxRequest, ResultsInboxUpdate> {

  private final Map<Long, ResultsInboxItem> items = new LinkedHashMap<>();

  private ResultsInboxSubscription(boolean manualFlow) {
    super(manualFlow);
  }

  static ResultsInboxSubscription open(LabServiceGrpc.LabServiceStub stub, long afterSequence, boolean manualFlow) {
    ResultsInboxSubscription s = new ResultsInboxSubscription(manualFlow);
    stub.subscribeResultsInbox(SubscribeResultsInboxRequest.newBuilder().setAfterSequence(afterSequence).build(), s);
    return s;
  }

  @Override
  protected Kind kind(ResultsInboxUpdate u) {
    return switch (u.getKindCase()) {
      case SNAPSHOT -> Kind.SNAPSHOT;
      case RESUMED -> Kind.RESUMED;
      case EVENT -> Kind.EVENT;
      default -> fail("unexpected update " + u);
    };
  }

  @Override
  protected long apply(ResultsInboxUpdate u) {
    switch (u.getKindCase()) {
      case SNAPSHOT -> {
        items.clear();
        u.getSnapshot().getItemsList().forEach(i -> items.put(i.getOrder().getId(), i));
        return u.getSnapshot().getSequence();
      }
      case RESUMED -> {
        return u.getResumed().getAfterSequence();
      }
      case EVENT -> {
        if (u.getEvent().hasItem()) {
          items.put(u.getEvent().getItem().getOrder().getId(), u.getEvent().getItem());
        } else {
          items.remove(u.getEvent().getRemovedOrderId());
        }
        return u.getEvent().getSequence();
      }
      default -> {
        return fail("unexpected update " + u);
      }
    }
  }

  /** The orders now in the inbox. */
  synchronized List<Long> orderIds() {
    return new ArrayList<>(items.keySet());
  }

  synchronized ResultsInboxItem item(long orderId) {
    return items.get(orderId);
  }

  /** The snapshot's items in the order the server sent them. */
  synchronized List<ResultsInboxItem> snapshotItems() {
    return updates().getFirst().getSnapshot().getItemsList();
  }
}
