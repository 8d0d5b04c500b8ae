package org.hospital.client.live;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.hospital.client.tasks.Cancellable;
import org.hospital.client.tasks.UiScheduler;

/**
 * Keeps a set of items up to date from a server stream, for as long as it is open: applies the snapshot and
 * then each change in order ({@link FeedState}), remembers the last sequence, and when the stream breaks
 * opens it again after a growing pause, asking for the changes after that sequence. The view therefore ends
 * up with every change exactly once, whether the network or the server was away.
 *
 * <p>Everything the stream delivers is handed to the UI executor first, so the state, {@link #revisionProperty()}
 * and {@link #statusProperty()} change on the UI thread only. Generic over the message type of the stream
 * ({@code U}) and the item type ({@code T}), so other live lists (beds, results) reuse it with their own
 * {@link FeedSource} and reader.
 */
public final class LiveFeed<U, T> implements AutoCloseable {

  /** How long "back up to date" stays shown before the feed reads as plainly live again. */
  public static final Duration RESYNCED_NOTICE = Duration.ofSeconds(6);

  private final FeedSource<U> source;
  private final Function<U, FeedUpdate<T>> reader;
  private final Executor ui;
  private final UiScheduler scheduler;
  private final Backoff backoff;
  private final FeedState<T> state;
  private final ReadOnlyObjectWrapper<FeedStatus> status = new ReadOnlyObjectWrapper<>(FeedStatus.CONNECTING);
  private final ReadOnlyLongWrapper revision = new ReadOnlyLongWrapper();
  private final ReadOnlyObjectWrapper<Throwable> lastFailure = new ReadOnlyObjectWrapper<>();

  private Cancellable stream = Cancellable.NONE;
  private Cancellable pendingRetry = Cancellable.NONE;
  private Cancellable pendingNotice = Cancellable.NONE;
  /** Numbers the streams, so that messages of a stream already given up are dropped. */
  private long streamGeneration;
  private boolean interrupted;
  private boolean closed;

  public LiveFeed(FeedSource<U> source, Function<U, FeedUpdate<T>> reader, FeedItems<T> keys, Executor ui,
      UiScheduler scheduler, Backoff backoff) {
    this.source = source;
    this.reader = reader;
    this.ui = ui;
    this.scheduler = scheduler;
    this.backoff = backoff;
    this.state = new FeedState<>(keys);
  }

  /** Opens the stream. On the UI thread. */
  public void start() {
    open();
  }

  /** Ends the stream and every timer; nothing changes afterwards. On the UI thread. */
  @Override
  public void close() {
    closed = true;
    streamGeneration++;
    stream.cancel();
    pendingRetry.cancel();
    pendingNotice.cancel();
  }

  private void open() {
    if (closed) {
      return;
    }
    long generation = ++streamGeneration;
    state.streamOpened();
    stream = source.open(state.lastSequence(), new FeedObserver<>() {
      @Override
      public void onNext(U update) {
        ui.execute(() -> {
          if (generation == streamGeneration) {
            received(update);
          }
        });
      }

      @Override
      public void onError(Throwable failure) {
        ui.execute(() -> {
          if (generation == streamGeneration) {
            broken(failure);
          }
        });
      }

      @Override
      public void onCompleted() {
        ui.execute(() -> {
          if (generation == streamGeneration) {
            broken(null);
          }
        });
      }
    });
  }

  private void received(U message) {
    FeedUpdate<T> update = reader.apply(message);
    switch (state.apply(update)) {
      case APPLIED -> {
        if (update instanceof FeedUpdate.Change<T> || update instanceof FeedUpdate.Snapshot<T>) {
          revision.set(revision.get() + 1);
        }
        if (!(update instanceof FeedUpdate.Change<T>)) {
          anchored();
        }
      }
      case IGNORED -> { }
      case OUT_OF_STEP -> startOver();
    }
  }

  /** The stream has said where it starts: the feed is current again. */
  private void anchored() {
    backoff.reset();
    lastFailure.set(null);
    if (interrupted) {
      interrupted = false;
      status.set(FeedStatus.RESYNCED);
      pendingNotice.cancel();
      pendingNotice = scheduler.schedule(RESYNCED_NOTICE, () -> {
        if (status.get() == FeedStatus.RESYNCED) {
          status.set(FeedStatus.LIVE);
        }
      });
    } else {
      status.set(FeedStatus.LIVE);
    }
  }

  /**
   * The stream cannot be trusted to follow on from what is shown: drop it and ask for a fresh snapshot, after
   * the same pause as any break (a server that keeps answering out of step must not be asked in a loop).
   */
  private void startOver() {
    state.forgetPosition();
    broken(null);
  }

  private void broken(Throwable failure) {
    streamGeneration++;
    stream.cancel();
    interrupted = true;
    pendingNotice.cancel();
    lastFailure.set(failure);
    status.set(FeedStatus.RECONNECTING);
    pendingRetry.cancel();
    pendingRetry = scheduler.schedule(backoff.next(), this::open);
  }

  public ReadOnlyObjectProperty<FeedStatus> statusProperty() {
    return status.getReadOnlyProperty();
  }

  /** Goes up by one whenever the items change; listen to it to redraw. */
  public ReadOnlyLongProperty revisionProperty() {
    return revision.getReadOnlyProperty();
  }

  /** Why the stream last broke, or null while it is fine (or it ended without an error). */
  public ReadOnlyObjectProperty<Throwable> lastFailureProperty() {
    return lastFailure.getReadOnlyProperty();
  }

  public List<T> items() {
    return state.items();
  }

  public Optional<T> item(long key) {
    return state.item(key);
  }

  public long lastSequence() {
    return state.lastSequence();
  }
}
