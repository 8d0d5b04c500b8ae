package org.hospital.server.live;

import io.grpc.StatusRuntimeException;
import io.grpc.stub.ServerCallStreamObserver;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * One subscriber's server stream: a cursor into the hub's sequence, advanced only while the transport is
 * ready for more ({@link ServerCallStreamObserver#isReady()}), resumed by the on-ready handler. Nothing is
 * queued per subscriber, so a slow client costs a cursor, not memory. All sending happens in one drain loop
 * at a time, so messages and the final status never race.
 *
 * @param <E> the hub's event
 * @param <M> the message sent for an event
 */
public final class EventStream<E extends Sequenced, M> implements EventHub.Subscriber {

  private static final int BATCH = 256;

  private final EventHub<E> hub;
  private final ServerCallStreamObserver<M> observer;
  private final Predicate<E> filter;
  private final Function<E, M> toMessage;
  private final Executor executor;
  private final BooleanSupplier stillAllowed;
  private final Supplier<StatusRuntimeException> whenDisallowed;
  private final Supplier<StatusRuntimeException> whenHubClosed;
  private final Supplier<StatusRuntimeException> whenFallenOutOfLog;
  private final Function<RuntimeException, StatusRuntimeException> whenFailed;
  private final AtomicInteger wip = new AtomicInteger();
  private final AtomicReference<StatusRuntimeException> ending = new AtomicReference<>();
  private volatile boolean finished;
  private long cursor;

  /**
   * How the stream ends when it must: the status to send in each case. {@code failed} is for a failure while
   * sending that is not the server stopping (a bug, the database gone): it logs the failure and maps it to
   * the status the client gets.
   */
  public record Endings(Supplier<StatusRuntimeException> disallowed, Supplier<StatusRuntimeException> hubClosed,
      Supplier<StatusRuntimeException> fallenOutOfLog,
      Function<RuntimeException, StatusRuntimeException> failed) {}

  public EventStream(EventHub<E> hub, ServerCallStreamObserver<M> observer, long afterSequence,
      Predicate<E> filter, Function<E, M> toMessage, Executor executor, BooleanSupplier stillAllowed,
      Endings endings) {
    this.hub = hub;
    this.observer = observer;
    this.cursor = afterSequence;
    this.filter = filter;
    this.toMessage = toMessage;
    this.executor = executor;
    this.stillAllowed = stillAllowed;
    this.whenDisallowed = endings.disallowed();
    this.whenHubClosed = endings.hubClosed();
    this.whenFallenOutOfLog = endings.fallenOutOfLog();
    this.whenFailed = endings.failed();
  }

  /**
   * Starts following the hub. Call from the RPC handler after the first message (snapshot or resumed) has
   * been sent, and before returning.
   */
  public void start() {
    observer.setOnCancelHandler(this::finish);
    observer.setOnReadyHandler(this::wake);
    hub.subscribe(this);
    wake();
  }

  @Override
  public void wake() {
    if (!finished && wip.getAndIncrement() == 0) {
      executor.execute(this::drain);
    }
  }

  @Override
  public void check() {
    if (!finished && !stillAllowed.getAsBoolean()) {
      end(whenDisallowed.get());
    }
  }

  @Override
  public void hubClosed() {
    end(whenHubClosed.get());
  }

  private void end(StatusRuntimeException status) {
    if (ending.compareAndSet(null, status)) {
      if (wip.getAndIncrement() == 0) {
        drain();
      }
    }
  }

  private void drain() {
    int missed = 1;
    do {
      try {
        drainOnce();
      } catch (RuntimeException e) {
        if (ending.get() == null) {
          // While the hub closes, reads may fail because the database is going too: that is the server
          // stopping. Anything else is logged once (by the error mapping) and ends this stream alone.
          ending.compareAndSet(null, hub.isClosed() ? whenHubClosed.get() : whenFailed.apply(e));
        }
        sendEnding();
      }
      missed = wip.addAndGet(-missed);
    } while (missed != 0);
  }

  private void drainOnce() {
    if (finished) {
      return;
    }
    if (ending.get() != null) {
      sendEnding();
      return;
    }
    while (!finished && ending.get() == null && observer.isReady() && cursor < hub.latest()) {
      List<E> batch = hub.after(cursor, BATCH);
      if (batch.isEmpty()) {
        return;
      }
      if (batch.get(0).sequence() != cursor + 1) {
        // The log no longer holds what this subscriber needs: it must resume, and will get a snapshot.
        ending.compareAndSet(null, whenFallenOutOfLog.get());
        break;
      }
      for (E e : batch) {
        if (!observer.isReady() || finished) {
          return;
        }
        if (filter.test(e)) {
          observer.onNext(toMessage.apply(e));
        }
        cursor = e.sequence();
      }
    }
    if (ending.get() != null) {
      sendEnding();
    }
  }

  private void sendEnding() {
    if (!finished) {
      finish();
      try {
        observer.onError(ending.get());
      } catch (IllegalStateException alreadyClosed) {
        // the client cancelled at the same moment
      }
    }
  }

  private void finish() {
    finished = true;
    hub.unsubscribe(this);
  }
}
