package org.hospital.client.testing;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Executor;

/** Holds submitted work until the test runs it, so a test can act while a call is "in flight". */
public final class ManualExecutor implements Executor {

  private final Deque<Runnable> queue = new ArrayDeque<>();

  @Override
  public void execute(Runnable command) {
    queue.add(command);
  }

  public int pending() {
    return queue.size();
  }

  /** Runs everything queued, including work queued while running. */
  public void runAll() {
    while (!queue.isEmpty()) {
      queue.poll().run();
    }
  }

  public void runNext() {
    queue.poll().run();
  }
}
