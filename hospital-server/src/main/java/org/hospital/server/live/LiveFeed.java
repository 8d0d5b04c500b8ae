package org.hospital.server.live;

import io.grpc.Status;
import io.grpc.stub.ServerCallStreamObserver;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.hospital.server.errors.DomainException;
import org.hospital.server.errors.ErrorMappingInterceptor;
import org.hospital.server.live.DurableEventLog.Snapshot;
import org.hospital.server.live.DurableEventLog.SnapshotReader;

/**
 * One pushed feed (the schedule, the wait list, a results inbox...): its durable log, its hub, and the
 * subscribe protocol every feed shares. A subscriber starts with a snapshot (after_sequence 0, or a sequence the
 * log no longer holds) or with "resumed" (the log holds every event after it), then follows the hub in order and
 * without gaps. Opened from {@link LiveFeeds}; see docs/decisions/0313-one-live-feed.md.
 *
 * @param <C> a change as the feature records it in its transaction
 * @param <R> an event as the log holds it, with the fields filters look at
 * @param <U> the streamed update message
 */
public final class LiveFeed<C, R extends Sequenced, U> {

  /** The feed's update messages: the resume marker and an event (the snapshot comes from the subscriber). */
  public interface Messages<R, U> {
    U resumed(long afterSequence);

    U event(R event);
  }

  private final String topic;
  private final DurableEventLog<C, R> log;
  private final EventHub<R> hub;
  private final Messages<R, U> messages;
  private final Executor streams;
  private final EventStream.Endings endings;

  LiveFeed(String method, DurableEventLog<C, R> log, EventHub<R> hub, Messages<R, U> messages,
      Executor streams) {
    this.topic = log.topic();
    this.log = log;
    this.hub = hub;
    this.messages = messages;
    this.streams = streams;
    this.endings = new EventStream.Endings(
        () -> ErrorMappingInterceptor.toStatus(DomainException.sessionExpired(), method),
        () -> Status.UNAVAILABLE.withDescription("server stopping").asRuntimeException(),
        () -> Status.ABORTED.withDescription("resume to get a fresh snapshot").asRuntimeException(),
        failure -> ErrorMappingInterceptor.toStatus(failure, method));
  }

  public String topic() {
    return topic;
  }

  /**
   * Appends the changes to the log; call as the last statements of the changing transaction, and
   * {@link #publish} what it returns once that transaction has committed.
   */
  public List<R> append(Connection c, List<C> changes, Instant now) throws SQLException {
    return log.append(c, changes, now);
  }

  /** Hands committed events to the live subscribers. */
  public void publish(List<R> committed) {
    if (!committed.isEmpty()) {
      hub.publish(committed);
    }
  }

  /** The feed's sequence and what {@code reader} reads as of it, for a subscriber's first message. */
  public <T> Snapshot<T> snapshot(SnapshotReader<T> reader) {
    return log.snapshot(reader);
  }

  /**
   * Serves one subscription: sends the first message (resumed, or the snapshot {@code snapshot} builds), then
   * every event after it that {@code filter} passes, until the client cancels, {@code stillAllowed} turns false
   * (checked every few seconds), the server stops, or the subscriber falls out of the log. Call from the RPC
   * handler and return.
   */
  public void subscribe(long afterSequence, Predicate<R> filter, Supplier<Snapshot<U>> snapshot,
      ServerCallStreamObserver<U> out, BooleanSupplier stillAllowed) {
    long start;
    if (afterSequence > 0 && ResumePoint.canResume(afterSequence, log.latest(), log.oldestRetained())) {
      out.onNext(messages.resumed(afterSequence));
      start = afterSequence;
    } else {
      Snapshot<U> first = snapshot.get();
      out.onNext(first.contents());
      start = first.sequence();
    }
    new EventStream<>(hub, out, start, filter, messages::event, streams, stillAllowed, endings).start();
  }

  public int subscriberCount() {
    return hub.subscriberCount();
  }

  /** The durable log, for housekeeping and tests. */
  public DurableEventLog<C, R> log() {
    return log;
  }

  EventHub<R> hub() {
    return hub;
  }
}
