package org.hospital.server.scheduling;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.grpc.Status;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hospital.proto.scheduling.v1.Appointment;
import org.hospital.proto.scheduling.v1.ScheduleEvent;
import org.hospital.proto.scheduling.v1.ScheduleUpdate;
import org.hospital.proto.scheduling.v1.SchedulingServiceGrpc;
import org.hospital.proto.scheduling.v1.SubscribeScheduleRequest;

/**
 * A live schedule subscription as a workstation keeps it: the updates received, the view they add up to
 * (appointments applied by version), and how the stream ended.
 */
final class Subscription implements ClientResponseObserver<SubscribeScheduleRequest, ScheduleUpdate> {

  /** Generous: the machine may be busy with other builds; tests wait for conditions, never for time. */
  static final Duration PATIENCE = Duration.ofSeconds(90);

  private final List<ScheduleUpdate> updates = new ArrayList<>();
  private final Map<Long, Appointment> view = new HashMap<>();
  private final boolean manualFlow;
  private ClientCallStreamObserver<SubscribeScheduleRequest> call;
  private Status ended;
  private Throwable error;
  private long lastSequence;

  private Subscription(boolean manualFlow) {
    this.manualFlow = manualFlow;
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
  public void beforeStart(ClientCallStreamObserver<SubscribeScheduleRequest> requestStream) {
    this.call = requestStream;
    if (manualFlow) {
      requestStream.disableAutoRequestWithInitial(1);
    }
  }

  void request(int messages) {
    call.request(messages);
  }

  @Override
  public synchronized void onNext(ScheduleUpdate u) {
    updates.add(u);
    switch (u.getKindCase()) {
      case SNAPSHOT -> {
        view.clear();
        u.getSnapshot().getAppointmentsList().forEach(a -> view.put(a.getId(), a));
        lastSequence = u.getSnapshot().getSequence();
      }
      case RESUMED -> lastSequence = u.getResumed().getAfterSequence();
      case EVENT -> {
        Appointment a = u.getEvent().getAppointment();
        Appointment known = view.get(a.getId());
        if (known == null || known.getVersion() < a.getVersion()) {
          view.put(a.getId(), a);
        }
        lastSequence = u.getEvent().getSequence();
      }
      default -> fail("unexpected update " + u);
    }
    notifyAll();
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
    call.cancel("closing the day list", null);
  }

  synchronized List<ScheduleUpdate> updates() {
    return List.copyOf(updates);
  }

  synchronized List<ScheduleEvent> events() {
    return updates.stream().filter(ScheduleUpdate::hasEvent).map(ScheduleUpdate::getEvent).toList();
  }

  synchronized Map<Long, Appointment> view() {
    return Map.copyOf(view);
  }

  synchronized long lastSequence() {
    return lastSequence;
  }

  synchronized Status ended() {
    return ended;
  }

  synchronized Throwable error() {
    return error;
  }

  /** Waits until the last applied sequence reaches {@code sequence}. */
  synchronized void awaitSequence(long sequence) throws InterruptedException {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    while (lastSequence < sequence && ended == null && System.nanoTime() < deadline) {
      wait(200);
    }
    assertTrue(lastSequence >= sequence, "reached " + lastSequence + " of " + sequence + ", ended " + ended);
  }

  synchronized void awaitUpdates(int count) throws InterruptedException {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    while (updates.size() < count && ended == null && System.nanoTime() < deadline) {
      wait(200);
    }
    assertTrue(updates.size() >= count, "got " + updates.size() + " of " + count + " updates, ended " + ended);
  }

  synchronized Status awaitEnd() throws InterruptedException {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    while (ended == null && System.nanoTime() < deadline) {
      wait(200);
    }
    assertTrue(ended != null, "the stream did not end");
    return ended;
  }
}
