package org.hospital.client.tasks;

import io.grpc.Context;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * The one way the client does slow work: every RPC runs on the background executor, and its result or failure
 * comes back on the UI executor. Each task runs inside its own cancellable gRPC {@link Context}, so cancelling
 * the task cancels the RPC on the wire too; a cancelled task never calls back.
 */
public final class TaskRunner {

  private final Executor background;
  private final Executor ui;
  private volatile Consumer<Throwable> failureListener = failure -> { };

  /**
   * @param background where work runs (never the UI thread)
   * @param ui the UI thread ({@code Platform::runLater} in the application, a direct executor in tests)
   */
  public TaskRunner(Executor background, Executor ui) {
    this.background = Objects.requireNonNull(background);
    this.ui = Objects.requireNonNull(ui);
  }

  /** Sees every failure before the task's own handler (the workspace locks on an expired session). */
  public void setFailureListener(Consumer<Throwable> listener) {
    this.failureListener = Objects.requireNonNull(listener);
  }

  public <T> Cancellable run(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure) {
    Context.CancellableContext context = Context.current().withCancellation();
    AtomicBoolean cancelled = new AtomicBoolean();
    background.execute(() -> {
      if (cancelled.get()) {
        return;
      }
      try {
        T result = context.call(work);
        ui.execute(() -> {
          if (!cancelled.get()) {
            onSuccess.accept(result);
          }
        });
      } catch (Throwable failure) {
        ui.execute(() -> {
          if (!cancelled.get()) {
            failureListener.accept(failure);
            onFailure.accept(failure);
          }
        });
      } finally {
        context.cancel(null); // releases the context's listeners; the call is over anyway
      }
    });
    return () -> {
      cancelled.set(true);
      context.cancel(null);
    };
  }
}
