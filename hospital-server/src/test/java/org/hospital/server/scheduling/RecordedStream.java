package org.hospital.server.scheduling;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.Status;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A live stream as a workstation keeps it: every update received, the last sequence applied, and how the
 * stream ended; tests wait on it for a sequence, a number of updates or the end. Subclasses fold each update
 * into the view it adds up to.
 *
 * @param <R> the subscription request
 * @param <U> the streamed update
 */
abstract class RecordedStream<R, U> implements ClientResponseObserver<R, U> {

  /** Generous: the machine may be busy with other builds; tests wait for conditions, never for time. */
  static final Duration PATIENCE = Duration.ofSeconds(90);

  private final List<U> updates = new ArrayList<>();
  private ClientCallStreamObserver<R> call;
  private Status ended;
  private Throwable error;
  private long lastSequence;

  /** Folds the update into the view; returns the sequence the stream now stands at. */
  protected abstract long apply(U update);

  @Override
  public void beforeStart(ClientCallStreamObserver<R> requestStream) {
    this.call = requestStream;
  }

  /** For flow-control tests: the request side of the call. */
  protected ClientCallStreamObserver<R> call() {
    return call;
  }

  @Override
  public final synchronized void onNext(U u) {
    updates.add(u);
    lastSequence = apply(u);
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
    call.cancel("closed by the test", null);
  }

  synchronized List<U> updates() {
    return List.copyOf(updates);
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
