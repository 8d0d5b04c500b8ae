package org.hospital.server.scheduling;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hospital.proto.scheduling.v1.Appointment;
import org.hospital.proto.scheduling.v1.ScheduleEvent;
import org.hospital.proto.scheduling.v1.ScheduleUpdate;
import org.hospital.proto.scheduling.v1.SchedulingServiceGrpc;
import org.hospital.proto.scheduling.v1.SubscribeScheduleRequest;
import org.hospital.server.testing.RecordedStream;

/**
 * A live schedule subscription as a workstation keeps it: the updates received, the view they add up to
 * (appointments applied by version), and how the stream ended.
 */
final class Subscription extends RecordedStream<SubscribeScheduleRequest, ScheduleUpdate> {

  private final Map<Long, Appointment> view = new HashMap<>();

  private Subscription(boolean manualFlow) {
    super(manualFlow);
  }

  static Subscription open(SchedulingServiceGrpc.SchedulingServiceStub stub, SubscribeScheduleRequest request) {
    Subscription s = new Subscription(false);
    stub.subscribeSchedule(request, s);
    return s;
  }

  /** A subscriber that reads only the first update until {@link #request} is called: a frozen workstation. */
  static Subscription openSlow(SchedulingServiceGrpc.SchedulingServiceStub stub, SubscribeScheduleRequest request) {
    Subscription s = new Subscription(true);
    stub.subscribeSchedule(request, s);
    return s;
  }

  @Override
  protected Kind kind(ScheduleUpdate u) {
    return switch (u.getKindCase()) {
      case SNAPSHOT -> Kind.SNAPSHOT;
      case RESUMED -> Kind.RESUMED;
      case EVENT -> Kind.EVENT;
      default -> fail("unexpected update " + u);
    };
  }

  @Override
  protected long apply(ScheduleUpdate u) {
    switch (u.getKindCase()) {
      case SNAPSHOT -> {
        view.clear();
        u.getSnapshot().getAppointmentsList().forEach(a -> view.put(a.getId(), a));
        return u.getSnapshot().getSequence();
      }
      case RESUMED -> {
        return u.getResumed().getAfterSequence();
      }
      case EVENT -> {
        Appointment a = u.getEvent().getAppointment();
        Appointment known = view.get(a.getId());
        if (known == null || known.getVersion() < a.getVersion()) {
          view.put(a.getId(), a);
        }
        return u.getEvent().getSequence();
      }
      default -> {
        return fail("unexpected update " + u);
      }
    }
  }

  synchronized List<ScheduleEvent> events() {
    return updates().stream().filter(ScheduleUpdate::hasEvent).map(ScheduleUpdate::getEvent).toList();
  }

  synchronized Map<Long, Appointment> view() {
    return Map.copyOf(view);
  }
}
