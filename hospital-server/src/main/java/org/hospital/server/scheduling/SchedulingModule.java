package org.hospital.server.scheduling;

import io.grpc.BindableService;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import org.hospital.proto.scheduling.v1.ScheduleUpdate;
import org.hospital.proto.scheduling.v1.WaitListUpdate;
import org.hospital.server.audit.AuditTrail;
import org.hospital.server.live.LiveFeed;
import org.hospital.server.live.LiveFeeds;
import org.hospital.server.persistence.Database;
import org.hospital.server.security.SessionService;
import org.hospital.server.security.SessionWatch;
import org.hospital.server.scheduling.booking.BookingService;
import org.hospital.server.scheduling.feed.ScheduleEventRecord;
import org.hospital.server.scheduling.feed.ScheduleEvents;
import org.hospital.server.scheduling.feed.ScheduleFeed;
import org.hospital.server.scheduling.hours.ScheduleCalendar;
import org.hospital.server.scheduling.hours.ScheduleQueryService;
import org.hospital.server.scheduling.hours.ScheduleTemplateService;
import org.hospital.server.scheduling.series.SeriesService;
import org.hospital.server.scheduling.visits.CheckInWindow;
import org.hospital.server.scheduling.visits.VisitService;
import org.hospital.server.billing.ChargeCapture;
import org.hospital.server.scheduling.waitlist.WaitListEventRecord;
import org.hospital.server.scheduling.waitlist.WaitListEvents;
import org.hospital.server.scheduling.waitlist.WaitListFeed;
import org.hospital.server.scheduling.waitlist.WaitListService;
import org.hospital.server.scheduling.writes.IdempotentWrites;
import org.hospital.server.scheduling.writes.ScheduleReads;
import org.hospital.server.scheduling.writes.ScheduleWriter;

/**
 * Scheduling, wired: the services, their two live feeds (the schedule and the wait list, opened on the server's
 * {@link LiveFeeds}, which also ends their streams at shutdown), and the gRPC adapter.
 */
public final class SchedulingModule {

  private final SchedulingGrpcService grpc;

  public SchedulingModule(Database db, AuditTrail audit, SessionService sessions, LiveFeeds feeds, ZoneId zone,
      Duration checkInOpensBefore, ChargeCapture charges, Clock clock) {
    LiveFeed<ScheduleEvents.Change, ScheduleEventRecord, ScheduleUpdate> schedule = ScheduleEvents.open(feeds);
    LiveFeed<WaitListEvents.Change, WaitListEventRecord, WaitListUpdate> waitList = WaitListEvents.open(feeds);
    ScheduleCalendar calendar = new ScheduleCalendar(zone);
    ScheduleWriter writer = new ScheduleWriter(db, audit, schedule, waitList, clock);
    ScheduleReads reads = new ScheduleReads(db);
    IdempotentWrites writes = new IdempotentWrites(writer, reads, calendar, clock);
    CheckInWindow checkIn = new CheckInWindow(zone, checkInOpensBefore);
    this.grpc = new SchedulingGrpcService(new ScheduleQueryService(reads, calendar, clock),
        new BookingService(calendar, writes, clock), new SeriesService(calendar, writer, reads, writes, clock),
        new VisitService(writer, writes, checkIn, charges),
        new ScheduleTemplateService(writer, reads, calendar, audit, clock),
        new WaitListService(writer, reads, calendar, audit, clock), new ScheduleFeed(schedule, audit), clock,
        () -> SessionWatch.forCurrentCall(sessions), new WaitListFeed(waitList, audit, calendar, clock),
        checkIn);
  }

  public BindableService grpcService() {
    return grpc;
  }
}
