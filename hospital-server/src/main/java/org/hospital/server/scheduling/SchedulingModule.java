package org.hospital.server.scheduling;

import io.grpc.BindableService;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.hospital.server.audit.AuditTrail;
import org.hospital.server.live.EventHub;
import org.hospital.server.persistence.Database;
import org.hospital.server.scheduling.live.ScheduleFeed;
import org.hospital.server.scheduling.live.WaitListFeed;
import org.hospital.server.security.SessionService;
import org.hospital.server.security.SessionWatch;

/**
 * Scheduling, wired: the services, the live hubs (schedule and wait list) with their housekeeping (polling the log for changes made by
 * other server instances, checking subscribers' sessions, trimming the log), and the gRPC adapter.
 */
public final class SchedulingModule implements AutoCloseable {

  /** Recent events kept in memory; subscribers further behind read the log. */
  static final int RING_SIZE = 8192;
  /** The wait list changes far less often than the schedule. */
  static final int WAIT_LIST_RING_SIZE = 1024;
  /** The event log keeps at least this many events, and those of the last {@link #KEEP_EVENTS_FOR}. */
  public static final long KEEP_EVENTS = 100_000;
  public static final Duration KEEP_EVENTS_FOR = Duration.ofHours(24);
  static final Duration POLL_INTERVAL = Duration.ofMillis(500);
  static final Duration SESSION_CHECK_INTERVAL = Duration.ofSeconds(5);
  static final Duration PURGE_INTERVAL = Duration.ofMinutes(10);
  private static final Logger LOG = Logger.getLogger(SchedulingModule.class.getName());

  private final EventHub<ScheduleEventRecord> hub;
  private final ScheduleEventLog log;
  private final EventHub<WaitListEventRecord> waitListHub;
  private final WaitListEventLog waitListLog;
  private final ScheduledExecutorService housekeeping;
  private final ExecutorService streams;
  private final SchedulingGrpcService grpc;

  public SchedulingModule(Database db, AuditTrail audit, SessionService sessions, ZoneId zone, Clock clock) {
    this.log = new ScheduleEventLog(db);
    this.hub = new EventHub<>(log, RING_SIZE);
    this.waitListLog = new WaitListEventLog(db);
    this.waitListHub = new EventHub<>(waitListLog, WAIT_LIST_RING_SIZE);
    ScheduleCalendar calendar = new ScheduleCalendar(zone);
    ScheduleWriter writer = new ScheduleWriter(db, audit, hub, waitListHub, clock);
    IdempotentWrites writes = new IdempotentWrites(writer, calendar, clock);
    this.streams = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("schedule-stream-", 0).factory());
    ScheduleFeed feed = new ScheduleFeed(hub, log, new ScheduleSnapshots(db, audit), streams);
    this.grpc = new SchedulingGrpcService(new ScheduleQueryService(writer, calendar, clock),
        new BookingService(calendar, writes, clock), new SeriesService(calendar, writer, writes, clock),
        new VisitService(writer, writes),
        new ScheduleTemplateService(writer, calendar, audit, clock),
        new WaitListService(writer, calendar, audit, clock), feed, clock,
        () -> SessionWatch.forCurrentCall(sessions), new WaitListFeed(waitListHub, waitListLog,
            new WaitListSnapshots(db, audit, calendar, clock), streams));
    this.housekeeping = Executors.newSingleThreadScheduledExecutor(
        Thread.ofPlatform().name("schedule-housekeeping").daemon().factory());
    every(POLL_INTERVAL, hub::poll);
    every(POLL_INTERVAL, waitListHub::poll);
    every(SESSION_CHECK_INTERVAL, hub::checkSubscribers);
    every(SESSION_CHECK_INTERVAL, waitListHub::checkSubscribers);
    every(PURGE_INTERVAL, () -> log.purge(KEEP_EVENTS, clock.instant().minus(KEEP_EVENTS_FOR)));
    every(PURGE_INTERVAL, () -> waitListLog.purge(KEEP_EVENTS, clock.instant().minus(KEEP_EVENTS_FOR)));
  }

  public BindableService grpcService() {
    return grpc;
  }

  /** Live subscribers right now (for tests and monitoring). */
  public int subscriberCount() {
    return hub.subscriberCount();
  }

  /** Live wait-list subscribers right now (for tests and monitoring). */
  public int waitListSubscriberCount() {
    return waitListHub.subscriberCount();
  }

  private void every(Duration interval, Runnable task) {
    housekeeping.scheduleWithFixedDelay(() -> {
      try {
        task.run();
      } catch (RuntimeException e) {
        // Housekeeping retries on its next round; a database hiccup must not stop it for good.
        LOG.log(Level.WARNING, "Scheduling housekeeping failed", e);
      }
    }, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Ends every live subscription (UNAVAILABLE: clients resume elsewhere or later) and stops housekeeping. */
  @Override
  public void close() {
    housekeeping.shutdownNow();
    hub.close();
    waitListHub.close();
    streams.shutdown();
    try {
      streams.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
