package org.hospital.client.shell;

import java.time.Duration;
import java.util.function.LongSupplier;
import org.hospital.client.tasks.Cancellable;
import org.hospital.client.tasks.UiScheduler;

/**
 * Fires once after a period without user input. Input only records a time stamp (mouse moves arrive by the
 * hundred); the single pending check reschedules itself for the remaining time when input came in meanwhile.
 */
final class IdleTimer {

  private final UiScheduler scheduler;
  private final LongSupplier nanoTime;
  private final Runnable onIdle;
  private Duration timeout = Duration.ZERO;
  private long lastActivity;
  private Cancellable pending = Cancellable.NONE;
  private boolean running;

  IdleTimer(UiScheduler scheduler, LongSupplier nanoTime, Runnable onIdle) {
    this.scheduler = scheduler;
    this.nanoTime = nanoTime;
    this.onIdle = onIdle;
  }

  /** Starts (or restarts) counting; a zero or negative timeout means the session never idles out. */
  void start(Duration idleTimeout) {
    stop();
    timeout = idleTimeout;
    if (timeout.isZero() || timeout.isNegative()) {
      return;
    }
    running = true;
    lastActivity = nanoTime.getAsLong();
    pending = scheduler.schedule(timeout, this::check);
  }

  void activity() {
    lastActivity = nanoTime.getAsLong();
  }

  void stop() {
    running = false;
    pending.cancel();
    pending = Cancellable.NONE;
  }

  private void check() {
    if (!running) {
      return;
    }
    Duration idle = Duration.ofNanos(nanoTime.getAsLong() - lastActivity);
    if (idle.compareTo(timeout) >= 0) {
      running = false;
      onIdle.run();
    } else {
      pending = scheduler.schedule(timeout.minus(idle), this::check);
    }
  }
}
