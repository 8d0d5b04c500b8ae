package org.hospital.server.testing;

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
 * into the view it adds up to. A stream opened with manual flow reads only its first update until
 * {@link #request} is called: a frozen workstation.
 *
 * @param <R> the subscription request
 * @param <U> the streamed update
 */
public abstract class RecordedStream<R, U> implements ClientResponseObserver<R, U> {

  /** Generous: the machine may be busy with other builds; tests wait for conditions, never for time. */
  public static final Duration PATIENCE = Duration.ofSeconds(90);

  /** What an update of any feed is. */
  public enum Kind { SNAPSHOT, RESUMED, EVENT }

  private final boolean manualFlow;
  private final List<U> updates = new ArrayList<>();
  private final List<Long> eventSequences = new ArrayList<>();
  private ClientCallStreamObserver<R> call;
  private Status ended;
  private Throwable error;
  private long lastSequence;
  private long firstSequence = -1;

  protected RecordedStream() {
    this(false);
  }

  protected RecordedStream(boolean manualFlow) {
    this.manualFlow = manualFlow;
  }

  /** Folds the update into the view; returns the sequence the stream now stands at. */
  protected abstract long apply(U update);

  protected abstract Kind kind(U update);

  @Override
  public void beforeStart(ClientCallStreamObserver<R> requestStream) {
    this.call = requestStream;
    if (manualFlow) {
      requestStream.disableAutoRequestWithInitial(1);
    }
  }

  @Override
  public final synchronized void onNext(U u) {
    updates.add(u);
    lastSequence = apply(u);
    if (updates.size() == 1) {
      firstSequence = lastSequence;
    }
    if (kind(u) == Kind.EVENT) {
      eventSequences.add(lastSequence);
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

  public void cancel() {
    call.cancel("closed by the test", null);
  }

  /** For a stream opened with manual flow: lets {@code messages} more arrive. */
  public void request(int messages) {
    call.request(messages);
  }

  public synchronized List<U> updates() {
    return List.copyOf(updates);
  }

  /** The kind of the first update (snapshot or resumed, for every feed). */
  public synchronized Kind firstKind() {
    return kind(updates.getFirst());
  }

  /** The sequence the first update stands at: the snapshot's, or the one resumed after. */
  public synchronized long firstSequence() {
    return firstSequence;
  }

  /** The sequences of the events received, in arrival order. */
  public synchronized List<Long> eventSequences() {
    return List.copyOf(eventSequences);
  }

  public synchronized long lastSequence() {
    return lastSequence;
  }

  public synchronized Status ended() {
    return ended;
  }

  public synchronized Throwable error() {
    return error;
  }

  /** Waits until the last applied sequence reaches {@code sequence}. */
  public synchronized void awaitSequence(long sequence) throws InterruptedException {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    while (lastSequence < sequence && ended == null && System.nanoTime() < deadline) {
      wait(200);
    }
    assertTrue(lastSequence >= sequence, "reached " + lastSequence + " of " + sequence + ", ended " + ended);
  }

  public synchronized void awaitUpdates(int count) throws InterruptedException {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    while (updates.size() < count && ended == null && System.nanoTime() < deadline) {
      wait(200);
    }
    assertTrue(updates.size() >= count, "got " + updates.size() + " of " + count + " updates, ended " + ended);
  }

  public synchronized Status awaitEnd() throws InterruptedException {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    while (ended == null && System.nanoTime() < deadline) {
      wait(200);
    }
    assertTrue(ended != null, "the stream did not end");
    return ended;
  }
}
