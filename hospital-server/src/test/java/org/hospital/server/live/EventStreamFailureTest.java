package org.hospital.server.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.hospital.proto.scheduling.v1.ScheduleEvent;
import org.hospital.proto.scheduling.v1.ScheduleUpdate;
import org.hospital.proto.scheduling.v1.SchedulingServiceGrpc;
import org.hospital.proto.scheduling.v1.SubscribeScheduleRequest;
import org.hospital.server.errors.ErrorMappingInterceptor;
import org.hospital.server.testing.Errors;
import org.hospital.server.testing.RecordedStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A stream that fails while sending (a bug turning an event into its message, the database gone) is not the
 * server stopping: the failure is logged once with its stack and the stream ends INTERNAL through the one error
 * mapping, so that a client does not reconnect in a loop with no trace on the server. The server stopping still
 * ends streams UNAVAILABLE, without an error in the log. A real gRPC server and client, in process; the hub's
 * log is kept in memory.
 */
class EventStreamFailureTest {

  /** An event of the test feed; the one numbered {@link #POISONED} cannot be turned into a message. */
  record Numbered(long sequence) implements Sequenced {}

  private static final long POISONED = 3;
  private static final String METHOD = SchedulingServiceGrpc.getSubscribeScheduleMethod().getFullMethodName();

  private final List<Numbered> stored = new CopyOnWriteArrayList<>();
  private final EventHub<Numbered> hub = new EventHub<>(new EventLog<>() {
    @Override
    public long latest() {
      return stored.size();
    }

    @Override
    public List<Numbered> after(long sequence, int limit) {
      return stored.stream().filter(e -> e.sequence() > sequence).limit(limit).toList();
    }
  }, 16);
  private final List<LogRecord> severe = new CopyOnWriteArrayList<>();
  private final Handler capture = new Handler() {
    @Override
    public void publish(LogRecord r) {
      if (r.getLevel().intValue() >= Level.SEVERE.intValue()) {
        severe.add(r);
      }
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  };
  private final ExecutorService streams = Executors.newVirtualThreadPerTaskExecutor();
  private Server server;
  private ManagedChannel channel;

  @BeforeEach
  void start() throws Exception {
    Logger.getLogger(ErrorMappingInterceptor.class.getName()).addHandler(capture);
    EventStream.Endings endings = new EventStream.Endings(
        () -> Status.UNAUTHENTICATED.asRuntimeException(),
        () -> Status.UNAVAILABLE.withDescription("server stopping").asRuntimeException(),
        () -> Status.ABORTED.asRuntimeException(),
        failure -> ErrorMappingInterceptor.toStatus(failure, METHOD));
    String name = InProcessServerBuilder.generateName();
    server = InProcessServerBuilder.forName(name).addService(new SchedulingServiceGrpc.SchedulingServiceImplBase() {
      @Override
      public void subscribeSchedule(SubscribeScheduleRequest r, StreamObserver<ScheduleUpdate> response) {
        ServerCallStreamObserver<ScheduleUpdate> out = (ServerCallStreamObserver<ScheduleUpdate>) response;
        new EventStream<>(hub, out, 0, e -> true, EventStreamFailureTest::message, streams, () -> true, endings)
            .start();
      }
    }).build().start();
    channel = InProcessChannelBuilder.forName(name).build();
  }

  @AfterEach
  void stop() {
    Logger.getLogger(ErrorMappingInterceptor.class.getName()).removeHandler(capture);
    channel.shutdownNow();
    server.shutdownNow();
    streams.shutdownNow();
  }

  private static ScheduleUpdate message(Numbered e) {
    if (e.sequence() == POISONED) {
      throw new IllegalStateException("cannot render event " + e.sequence());
    }
    return ScheduleUpdate.newBuilder().setEvent(ScheduleEvent.newBuilder().setSequence(e.sequence())).build();
  }

  private void publish(long from, long to) {
    List<Numbered> events = new ArrayList<>();
    for (long s = from; s <= to; s++) {
      events.add(new Numbered(s));
    }
    stored.addAll(events);
    hub.publish(events);
  }

  private Updates subscribe() throws InterruptedException {
    Updates u = new Updates();
    SchedulingServiceGrpc.newStub(channel).subscribeSchedule(SubscribeScheduleRequest.getDefaultInstance(), u);
    long deadline = System.nanoTime() + RecordedStream.PATIENCE.toNanos();
    while (hub.subscriberCount() == 0 && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    return u;
  }

  @Test
  void aFailureWhileSendingIsLoggedOnceAndEndsTheStreamInternal() throws Exception {
    Updates sub = subscribe();
    publish(1, 5);
    Status ended = sub.awaitEnd();

    assertEquals(Status.Code.INTERNAL, ended.getCode());
    assertEquals("INTERNAL_ERROR", Errors.info((StatusRuntimeException) sub.error()).getReason());
    assertFalse(String.valueOf(ended.getDescription()).contains("cannot render"), "no detail leaks to the client");
    assertEquals(List.of(1L, 2L), sub.eventSequences(), "what was sent before the failure, and nothing after");
    assertEquals(1, severe.size(), "logged once");
    assertTrue(severe.getFirst().getMessage().contains(METHOD));
    assertSame(IllegalStateException.class, severe.getFirst().getThrown().getClass(), "with its stack");
    assertEquals(0, hub.subscriberCount());
  }

  @Test
  void theHubClosingEndsStreamsUnavailableWithoutAnError() throws Exception {
    Updates sub = subscribe();
    publish(1, 2);
    sub.awaitSequence(2);
    hub.close();

    Status ended = sub.awaitEnd();
    assertEquals(Status.Code.UNAVAILABLE, ended.getCode());
    assertEquals("server stopping", ended.getDescription());
    assertTrue(severe.isEmpty());
  }

  /** The client's side: the events received and how the stream ended. */
  static final class Updates extends RecordedStream<SubscribeScheduleRequest, ScheduleUpdate> {
    @Override
    protected long apply(ScheduleUpdate u) {
      return u.getEvent().getSequence();
    }

    @Override
    protected Kind kind(ScheduleUpdate u) {
      return Kind.EVENT;
    }
  }
}
