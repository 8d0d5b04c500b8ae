package org.hospital.client.tasks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.Context;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TaskRunnerTest {

  private final ExecutorService background = Executors.newSingleThreadExecutor();
  private final TaskRunner tasks = new TaskRunner(background, Runnable::run);

  @AfterEach
  void stop() {
    background.shutdownNow();
  }

  @Test
  void cancellingATaskCancelsTheGrpcContextItsCallsRunIn() throws Exception {
    CountDownLatch started = new CountDownLatch(1);
    CompletableFuture<Context> seen = new CompletableFuture<>();
    AtomicReference<Object> delivered = new AtomicReference<>();
    Cancellable task = tasks.run(() -> {
      Context context = Context.current();
      started.countDown();
      // a blocking stub waits like this and is woken by the context's cancellation
      while (!context.isCancelled()) {
        Thread.sleep(5);
      }
      seen.complete(context);
      return "late answer";
    }, delivered::set, delivered::set);
    assertTrue(started.await(5, TimeUnit.SECONDS));
    task.cancel();
    assertTrue(seen.get(5, TimeUnit.SECONDS).isCancelled());
    background.submit(() -> { }).get(5, TimeUnit.SECONDS);
    assertEquals(null, delivered.get(), "a cancelled task never calls back");
  }

  @Test
  void resultsAndFailuresComeBackThroughTheUiExecutor() throws Exception {
    CompletableFuture<String> result = new CompletableFuture<>();
    tasks.run(() -> "ok", result::complete, result::completeExceptionally);
    assertEquals("ok", result.get(5, TimeUnit.SECONDS));

    CompletableFuture<Throwable> failure = new CompletableFuture<>();
    AtomicReference<Throwable> listened = new AtomicReference<>();
    tasks.setFailureListener(listened::set);
    tasks.run(() -> {
      throw new IllegalStateException("boom");
    }, ignored -> { }, failure::complete);
    assertEquals("boom", failure.get(5, TimeUnit.SECONDS).getMessage());
    assertEquals("boom", listened.get().getMessage());
  }
}
