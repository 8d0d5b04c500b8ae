package org.hospital.client.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.hospital.client.tasks.Cancellable;
import org.hospital.client.tasks.UiScheduler;

/** A clock the test moves by hand; actions run when their time has come. */
public final class ManualScheduler implements UiScheduler {

  private final List<Entry> entries = new ArrayList<>();
  private long nowNanos;

  private static final class Entry {
    final long due;
    final Runnable action;
    boolean cancelled;

    Entry(long due, Runnable action) {
      this.due = due;
      this.action = action;
    }
  }

  @Override
  public Cancellable schedule(Duration delay, Runnable action) {
    Entry entry = new Entry(nowNanos + delay.toNanos(), action);
    entries.add(entry);
    return () -> entry.cancelled = true;
  }

  public long nanoTime() {
    return nowNanos;
  }

  public void advance(Duration step) {
    long target = nowNanos + step.toNanos();
    while (true) {
      Entry next = entries.stream().filter(e -> !e.cancelled && e.due <= target)
          .min(Comparator.comparingLong(e -> e.due)).orElse(null);
      if (next == null) {
        break;
      }
      entries.remove(next);
      nowNanos = next.due;
      next.action.run();
    }
    nowNanos = target;
  }

  public long activeCount() {
    return entries.stream().filter(e -> !e.cancelled).count();
  }
}
