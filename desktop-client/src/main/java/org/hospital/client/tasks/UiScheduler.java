package org.hospital.client.tasks;

import java.time.Duration;

/** Runs an action on the UI thread after a delay (debouncing, idle timers). */
@FunctionalInterface
public interface UiScheduler {

  Cancellable schedule(Duration delay, Runnable action);
}
