package org.hospital.server.live;

import io.grpc.MethodDescriptor;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.hospital.server.persistence.Database;

/**
 * Every live feed of the server, and their shared housekeeping: on PostgreSQL a notification wakes a feed's hub
 * as soon as any server instance commits to its log ({@link PostgresWakeups}), and each hub also polls its log
 * for what a lost notification would have missed, checks its subscribers' sessions, and its log forgets events past the retention
 * window. A feature opens its feed here; see docs/decisions/0313-one-live-feed.md. Its housekeeping thread is
 * also the server's scheduler for other periodic chores ({@link #housekeeping}).
 */
public final class LiveFeeds implements AutoCloseable {

  /** A log keeps at least this many events, and those of the last {@link #KEEP_EVENTS_FOR}. */
  public static final long KEEP_EVENTS = 100_000;
  public static final Duration KEEP_EVENTS_FOR = Duration.ofHours(24);
  static final Duration POLL_INTERVAL = Duration.ofMillis(500);
  static final Duration SESSION_CHECK_INTERVAL = Duration.ofSeconds(5);
  static final Duration PURGE_INTERVAL = Duration.ofMinutes(10);
  private static final Logger LOG = Logger.getLogger(LiveFeeds.class.getName());

  private final Database db;
  private final Clock clock;
  private final Map<String, LiveFeed<?, ?, ?>> feeds = new ConcurrentHashMap<>();
  private final ScheduledExecutorService housekeeping = Executors.newSingleThreadScheduledExecutor(
      Thread.ofPlatform().name("live-feed-housekeeping").daemon().factory());
  private final ExecutorService streams =
      Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("live-stream-", 0).factory());

  private final PostgresWakeups wakeups;

  public LiveFeeds(Database db, Clock clock) {
    this.db = db;
    this.clock = clock;
    if (db.vendor() == Database.Vendor.POSTGRESQL) {
      wakeups = new PostgresWakeups(db, this::wake);
      wakeups.start();
    } else {
      wakeups = null; // one instance per H2 database: every event is published where it is written
    }
  }

  /** A notification said the feed's log has new events (from this instance or another): read them now. */
  private void wake(String topic) {
    LiveFeed<?, ?, ?> f = feeds.get(topic);
    if (f != null) {
      f.hub().poll();
    }
  }

  /**
   * Opens a feed over the tables {@code <topic>_event} and {@code <topic>_sequence} (a migration creates them).
   *
   * @param ringSize recent events kept in memory; subscribers further behind read the log
   * @param method the subscribe RPC, named in the errors a stream ends with
   */
  public <C, R extends Sequenced, U> LiveFeed<C, R, U> open(String topic, int ringSize,
      MethodDescriptor<?, U> method, DurableEventLog.Codec<C, R> codec, LiveFeed.Messages<R, U> messages) {
    DurableEventLog<C, R> log = new DurableEventLog<>(db, topic, codec);
    LiveFeed<C, R, U> feed = new LiveFeed<>(method.getFullMethodName(), log, new EventHub<>(log, ringSize),
        messages, streams);
    if (feeds.putIfAbsent(topic, feed) != null) {
      throw new IllegalStateException("The feed " + topic + " is open already");
    }
    every(POLL_INTERVAL, feed.hub()::poll);
    every(SESSION_CHECK_INTERVAL, feed.hub()::checkSubscribers);
    every(PURGE_INTERVAL, () -> log.purge(KEEP_EVENTS, clock.instant().minus(KEEP_EVENTS_FOR)));
    return feed;
  }

  /** An open feed by topic (for tests and monitoring). */
  public LiveFeed<?, ?, ?> feed(String topic) {
    LiveFeed<?, ?, ?> f = feeds.get(topic);
    if (f == null) {
      throw new IllegalArgumentException("No feed " + topic);
    }
    return f;
  }

  /**
   * Runs another periodic database chore (session retention...) on this housekeeping thread, with the same
   * retry-next-round behaviour, so that the server keeps one scheduler for its chores. Stops on {@link #close}.
   */
  public void housekeeping(Duration interval, Runnable task) {
    every(interval, task);
  }

  /** The topics of the open feeds (for monitoring). */
  public Set<String> topics() {
    return Set.copyOf(feeds.keySet());
  }

  private void every(Duration interval, Runnable task) {
    housekeeping.scheduleWithFixedDelay(() -> {
      try {
        task.run();
      } catch (RuntimeException e) {
        // Housekeeping retries on its next round; a database hiccup must not stop it for good.
        LOG.log(Level.WARNING, "Housekeeping failed", e);
      }
    }, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Ends every live subscription (UNAVAILABLE: clients resume elsewhere or later) and stops housekeeping. */
  @Override
  public void close() {
    if (wakeups != null) {
      wakeups.close();
    }
    housekeeping.shutdownNow();
    feeds.values().forEach(f -> f.hub().close());
    streams.shutdown();
    try {
      streams.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
