package org.hospital.server.live;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Fans committed events of one topic (the schedule, later the bed board...) out to live subscribers. Holds
 * the most recent events in a fixed ring; a subscriber keeps only a cursor (the last sequence it sent) and
 * pulls from the ring, or from the durable log when it has fallen behind the ring. Memory is bounded by the
 * ring, whatever the number or speed of subscribers. See docs/decisions/0303-live-feeds-and-flow-control.md.
 */
public final class EventHub<E extends Sequenced> {

  /** A subscriber the hub wakes when there may be something new, and ends when the hub closes. */
  public interface Subscriber {
    void wake();

    /** Periodic check (the session may have ended); the subscriber ends itself if it must. */
    void check();

    void hubClosed();
  }

  private final EventLog<E> log;
  private final AtomicReferenceArray<E> ring;
  private final AtomicLong latest = new AtomicLong();
  private final Set<Subscriber> subscribers = ConcurrentHashMap.newKeySet();
  private volatile boolean closed;

  public EventHub(EventLog<E> log, int ringSize) {
    this.log = log;
    this.ring = new AtomicReferenceArray<>(ringSize);
    this.latest.set(log.latest());
  }

  /** Call after the events' transaction committed, with its events in sequence order. */
  public void publish(List<E> events) {
    for (E e : events) {
      ring.set(slot(e.sequence()), e);
      latest.accumulateAndGet(e.sequence(), Math::max);
    }
    wakeAll();
  }

  /**
   * Looks at the durable log for events committed elsewhere (another server instance) or whose publication
   * was missed; wakes subscribers when there are any. Run periodically.
   */
  public void poll() {
    long stored = log.latest();
    if (stored > latest.getAndAccumulate(stored, Math::max)) {
      wakeAll();
    }
  }

  /** Runs every subscriber's periodic check. */
  public void checkSubscribers() {
    subscribers.forEach(Subscriber::check);
  }

  /** The highest sequence known to be committed. */
  public long latest() {
    return latest.get();
  }

  /**
   * Up to {@code limit} events after {@code sequence}, in order and without gaps: from the ring when it holds
   * the next one, otherwise from the durable log. Empty when nothing newer is committed yet.
   */
  public List<E> after(long sequence, int limit) {
    List<E> out = new ArrayList<>();
    for (long s = sequence + 1; out.size() < limit; s++) {
      E e = ring.get(slot(s));
      if (e == null || e.sequence() != s) {
        break;
      }
      out.add(e);
    }
    if (!out.isEmpty() || sequence >= latest.get()) {
      return out;
    }
    return log.after(sequence, limit);
  }

  public void subscribe(Subscriber s) {
    subscribers.add(s);
  }

  public void unsubscribe(Subscriber s) {
    subscribers.remove(s);
  }

  public int subscriberCount() {
    return subscribers.size();
  }

  /** Ends every subscription (server shutdown). */
  public void close() {
    closed = true;
    for (Subscriber s : List.copyOf(subscribers)) {
      s.hubClosed();
    }
    subscribers.clear();
  }

  /** Whether {@link #close} has been called: the server is stopping. */
  public boolean isClosed() {
    return closed;
  }

  private void wakeAll() {
    subscribers.forEach(Subscriber::wake);
  }

  private int slot(long sequence) {
    return (int) Math.floorMod(sequence, (long) ring.length());
  }
}
