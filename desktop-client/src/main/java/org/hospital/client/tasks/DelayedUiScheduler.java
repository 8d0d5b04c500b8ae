package org.hospital.client.tasks;

import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/** {@link UiScheduler} on a timer thread that hands the action to the UI thread when it is due. */
public final class DelayedUiScheduler implements UiScheduler {

  private final ScheduledExecutorService timer;
  private final Executor ui;

  public DelayedUiScheduler(ScheduledExecutorService timer, Executor ui) {
    this.timer = timer;
    this.ui = ui;
  }

  @Override
  public Cancellable schedule(Duration delay, Runnable action) {
    AtomicBoolean cancelled = new AtomicBoolean();
    var future = timer.schedule(() -> ui.execute(() -> {
      if (!cancelled.get()) {
        action.run();
      }
    }), delay.toMillis(), TimeUnit.MILLISECONDS);
    return () -> {
      cancelled.set(true);
      future.cancel(false);
    };
  }
}
