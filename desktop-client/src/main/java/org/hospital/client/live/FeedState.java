package org.hospital.client.live;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The items of a feed and the last sequence applied, with the rules that keep them consistent. Plain logic,
 * no threads: {@link LiveFeed} calls it on the UI thread only.
 *
 * <p>Sequence numbers are global on the server and a subscription sees only the part that matches its
 * filter, so a jump in sequence numbers is normal and says nothing. What would lose changes is a stream
 * that does not start where this state ends: changes before any snapshot, or a resume from another point
 * than the one asked for. Those are refused as {@link Outcome#OUT_OF_STEP}, and the owner starts over from
 * a fresh snapshot.
 */
public final class FeedState<T> {

  public enum Outcome {
    /** The state changed (or was confirmed, for a resume). */
    APPLIED,
    /** Already applied (a sequence at or below the last one) or carries nothing; dropped. */
    IGNORED,
    /** Does not follow on from this state; applying it could lose changes. Start over with a snapshot. */
    OUT_OF_STEP
  }

  private final FeedItems<T> keys;
  private final Map<Long, T> items = new LinkedHashMap<>();
  private long lastSequence;
  /** Whether the current stream has said where it starts (snapshot or resume). */
  private boolean streamAnchored;

  public FeedState(FeedItems<T> keys) {
    this.keys = keys;
  }

  /** A new stream is about to deliver; it must anchor itself before its changes are accepted. */
  public void streamOpened() {
    streamAnchored = false;
  }

  /** Forgets the position, so the next stream asks for a snapshot (the items stay shown until it comes). */
  public void forgetPosition() {
    lastSequence = 0;
  }

  public Outcome apply(FeedUpdate<T> update) {
    return switch (update) {
      case FeedUpdate.Snapshot<T> snapshot -> applySnapshot(snapshot);
      case FeedUpdate.Resumed<T> resumed -> applyResumed(resumed);
      case FeedUpdate.Change<T> change -> applyChange(change);
      case FeedUpdate.Unknown<T> unknown -> Outcome.IGNORED;
    };
  }

  private Outcome applySnapshot(FeedUpdate.Snapshot<T> snapshot) {
    items.clear();
    for (T item : snapshot.items()) {
      upsert(item);
    }
    lastSequence = snapshot.sequence();
    streamAnchored = true;
    return Outcome.APPLIED;
  }

  private Outcome applyResumed(FeedUpdate.Resumed<T> resumed) {
    // a resume is only good if it continues exactly from what this state holds
    if (lastSequence == 0 || resumed.afterSequence() != lastSequence) {
      return Outcome.OUT_OF_STEP;
    }
    streamAnchored = true;
    return Outcome.APPLIED;
  }

  private Outcome applyChange(FeedUpdate.Change<T> change) {
    if (!streamAnchored) {
      return Outcome.OUT_OF_STEP;
    }
    if (change.sequence() <= lastSequence) {
      return Outcome.IGNORED;
    }
    lastSequence = change.sequence();
    upsert(change.item());
    return Outcome.APPLIED;
  }

  /** Keeps the higher version: a late, older state of an item never overwrites a newer one. */
  private void upsert(T item) {
    long key = keys.key(item);
    T current = items.get(key);
    if (current == null || keys.version(item) >= keys.version(current)) {
      items.put(key, item);
    }
  }

  public long lastSequence() {
    return lastSequence;
  }

  public boolean isAnchored() {
    return streamAnchored;
  }

  public List<T> items() {
    return new ArrayList<>(items.values());
  }

  public Optional<T> item(long key) {
    return Optional.ofNullable(items.get(key));
  }
}
