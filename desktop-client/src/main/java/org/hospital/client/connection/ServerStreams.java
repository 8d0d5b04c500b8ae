package org.hospital.client.connection;

import io.grpc.Context;
import io.grpc.stub.StreamObserver;
import java.util.function.Consumer;
import org.hospital.client.live.FeedObserver;
import org.hospital.client.tasks.Cancellable;

/** Opens server streams for the live feeds, the same way for every one of them. */
public final class ServerStreams {

  private ServerStreams() {
  }

  /**
   * Starts a server stream ({@code start} makes the call with the observer it is given) in a cancellable
   * context of its own, detached from the caller's, so that the stream lives until the returned handle is
   * cancelled. Does not block. A call that cannot even start (no channel: an unreadable CA file) is reported
   * to {@code observer} like a broken stream, so it is retried the same way.
   */
  public static <T> Cancellable open(Consumer<StreamObserver<T>> start, FeedObserver<T> observer) {
    Context.CancellableContext context = Context.ROOT.withCancellation();
    try {
      context.run(() -> start.accept(new StreamObserver<>() {
        @Override
        public void onNext(T update) {
          observer.onNext(update);
        }

        @Override
        public void onError(Throwable failure) {
          observer.onError(failure);
        }

        @Override
        public void onCompleted() {
          observer.onCompleted();
        }
      }));
    } catch (RuntimeException e) {
      observer.onError(e);
    }
    return () -> context.cancel(null);
  }
}
