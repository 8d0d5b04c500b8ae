package org.hospital.server.bench;

import io.grpc.ConnectivityState;
import io.grpc.ManagedChannel;
import io.grpc.StatusRuntimeException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.hospital.proto.scheduling.v1.BookAppointmentRequest;
import org.hospital.proto.scheduling.v1.SchedulingServiceGrpc;
import org.hospital.server.HospitalServer;
import org.hospital.server.config.ServerConfig;

/**
 * The live part of the scheduling benchmark: many subscribers to one day, bookings into it at a steady pace,
 * the commit-to-arrival time at every subscriber, then a server restart and the time until all have resumed,
 * and a check that every subscriber holds exactly the appointments that were booked, none twice.
 */
final class FanOutRun {

  /**
   * A second server instance on the same PostgreSQL database: half the subscribers watch through it, every
   * other booking goes through it, and instead of a restart the first instance is stopped and its subscribers
   * fail over to this one.
   */
  record OtherInstance(HospitalServer server, ManagedChannel[] channels,
      SchedulingServiceGrpc.SchedulingServiceBlockingStub stub) {}

  private static final int BEFORE_RESTART = 300;
  private static final int AFTER_RESTART = 100;
  /**
   * Ten bookings a second, every one delivered to every subscriber: far above a 200-clinician hospital's
   * busiest hour (a few bookings a second across all desks), so the fan-out is measured under strain.
   */
  private static final long PACE_MILLIS = 100;

  private final ServerConfig config;
  private final ManagedChannel[] channels;
  private final String token;
  private final SchedulingServiceGrpc.SchedulingServiceBlockingStub stub;
  private final List<Long> clinicians;
  private final long[] patientIds;
  private final LocalDate day;
  private final int subscriberCount;
  private HospitalServer server;
  private int nextSlot;
  private OtherInstance other;
  private boolean firstStopped;

  FanOutRun withOtherInstance(OtherInstance instance) {
    this.other = instance;
    return this;
  }

  FanOutRun(HospitalServer server, ServerConfig config, ManagedChannel[] channels, String token,
      SchedulingServiceGrpc.SchedulingServiceBlockingStub stub, List<Long> clinicians, long[] patientIds,
      LocalDate day, int subscriberCount) {
    this.server = server;
    this.config = config;
    this.channels = channels;
    this.token = token;
    this.stub = stub;
    this.clinicians = clinicians;
    this.patientIds = patientIds;
    this.day = day;
    this.subscriberCount = subscriberCount;
  }

  void run() throws Exception {
    LatencyRecorder fanOut = new LatencyRecorder();
    ScheduledExecutorService retries = SchedulingBenchmark.scheduler();
    List<BenchSubscriber> subscribers = new ArrayList<>();
    long start = System.nanoTime();
    for (int i = 0; i < subscriberCount; i++) {
      ManagedChannel through = other == null || i % 2 == 0 ? channels[(i / 2) % channels.length]
          : other.channels()[(i / 2) % other.channels().length];
      BenchSubscriber s = new BenchSubscriber(other == null ? channels[i % channels.length] : through, token,
          SchedulingBenchmark.date(day), fanOut, retries);
      subscribers.add(s);
      s.subscribe();
    }
    for (BenchSubscriber s : subscribers) {
      if (!s.awaitSync(120, TimeUnit.SECONDS)) {
        throw new IllegalStateException("a subscriber got no snapshot within 120 s");
      }
    }
    System.out.printf("%n%d subscribers had their snapshot after %.2f s%n", subscriberCount,
        (System.nanoTime() - start) / 1e9);

    // A rerun finds the previous run's bookings on the day: they are part of what everybody must hold.
    Set<Long> booked = new HashSet<>(subscribers.get(0).appointmentIds());
    SplittableRandom random = new SplittableRandom(11);
    bookPaced(BEFORE_RESTART, booked, random);
    awaitAll(subscribers, booked);
    System.out.printf("Commit to arrival at every subscriber (%,d deliveries): p50 %.2f ms, p99 %.2f ms,"
        + " max %.2f ms%n", fanOut.count(), fanOut.percentileMillis(50), fanOut.percentileMillis(99),
        fanOut.percentileMillis(100));

    if (other != null) {
      failOver(subscribers);
    } else {
      restart(subscribers);
    }

    bookPaced(AFTER_RESTART, booked, random);
    awaitAll(subscribers, booked);
    int duplicates = subscribers.stream().mapToInt(BenchSubscriber::duplicates).sum();
    System.out.printf("After %d bookings across the %s: every subscriber holds exactly the %d booked"
        + " appointments; events delivered twice: %d%n", BEFORE_RESTART + AFTER_RESTART,
        other == null ? "restart" : "stop of the first instance", booked.size(), duplicates);
    retries.shutdownNow();
    if (!firstStopped) {
      server.close();
    }
    if (other != null) {
      other.server().close();
    }
  }

  /** The first instance stops for good; its subscribers go to the other, as a load balancer sends them. */
  private void failOver(List<BenchSubscriber> subscribers) throws InterruptedException {
    List<BenchSubscriber> moved = new ArrayList<>();
    for (int i = 0; i < subscribers.size(); i++) {
      BenchSubscriber s = subscribers.get(i);
      if (List.of(channels).contains(s.channel())) {
        s.failOverTo(other.channels()[i % other.channels().length]);
        s.expectResync();
        moved.add(s);
      }
    }
    long stopped = System.nanoTime();
    server.close();
    firstStopped = true;
    long lastSync = 0;
    for (BenchSubscriber s : moved) {
      if (!s.awaitSync(60, TimeUnit.SECONDS)) {
        throw new IllegalStateException("a subscriber did not resume on the other instance within 60 s");
      }
      lastSync = Math.max(lastSync, s.syncedAtNanos());
    }
    System.out.printf("First instance stopped: all %d of its subscribers resumed on the other %.2f s after"
        + " the stop began%n", moved.size(), (lastSync - stopped) / 1e9);
  }

  private void restart(List<BenchSubscriber> subscribers) throws Exception {
    subscribers.forEach(BenchSubscriber::expectResync);
    long stopped = System.nanoTime();
    server.close();
    server = HospitalServer.start(config, Clock.systemUTC());
    long serving = System.nanoTime();
    long lastSync = 0;
    for (BenchSubscriber s : subscribers) {
      if (!s.awaitSync(60, TimeUnit.SECONDS)) {
        throw new IllegalStateException("a subscriber did not resume within 60 s of the restart");
      }
      lastSync = Math.max(lastSync, s.syncedAtNanos());
    }
    System.out.printf("Server restart: down for %.2f s; all %d subscribers resumed %.2f s after it served"
        + " again%n", (serving - stopped) / 1e9, subscriberCount, (lastSync - serving) / 1e9);
  }

  private void bookPaced(int count, Set<Long> booked, SplittableRandom random) throws InterruptedException {
    for (int done = 0; done < count; ) {
      int slot = nextSlot++;
      long clinician = clinicians.get(slot % clinicians.size());
      int index = slot / clinicians.size();
      LocalTime time = LocalTime.of(8, 0).plusMinutes(15L * index + (index >= 16 ? 60 : 0));
      Instant at = day.atTime(time).atZone(ZoneOffset.UTC).toInstant();
      BookAppointmentRequest r = SchedulingBenchmark.request(clinician, at,
          patientIds[random.nextInt(patientIds.length)]);
      boolean throughOther = other != null && (firstStopped || slot % 2 == 1);
      long id = bookRetrying(throughOther ? other.stub() : stub, r);
      if (id > 0) {
        booked.add(id);
        done++;
        Thread.sleep(PACE_MILLIS);
      }
    }
  }

  /**
   * Retries (same idempotency key) while the channel reconnects after the restart; 0 when an earlier run
   * already booked the slot.
   */
  private long bookRetrying(SchedulingServiceGrpc.SchedulingServiceBlockingStub stub, BookAppointmentRequest r)
      throws InterruptedException {
    for (int attempt = 0; ; attempt++) {
      try {
        return stub.withDeadlineAfter(10, TimeUnit.SECONDS).bookAppointment(r).getAppointment().getId();
      } catch (StatusRuntimeException e) {
        if (e.getStatus().getCode() == io.grpc.Status.Code.ALREADY_EXISTS) {
          return 0;
        }
        if (attempt == 50) {
          throw e;
        }
        if (channels[0].getState(false) == ConnectivityState.TRANSIENT_FAILURE) {
          channels[0].resetConnectBackoff();
        }
        Thread.sleep(200);
      }
    }
  }

  private static void awaitAll(List<BenchSubscriber> subscribers, Set<Long> booked) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    for (BenchSubscriber s : subscribers) {
      while (!s.appointmentIds().equals(booked)) {
        if (System.nanoTime() > deadline) {
          Set<Long> missing = new HashSet<>(booked);
          missing.removeAll(s.appointmentIds());
          throw new IllegalStateException("a subscriber is missing " + missing.size() + " appointments");
        }
        Thread.sleep(50);
      }
    }
  }
}
