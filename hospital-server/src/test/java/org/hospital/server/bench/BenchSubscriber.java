package org.hospital.server.bench;

import io.grpc.ConnectivityState;
import io.grpc.ManagedChannel;
import io.grpc.stub.StreamObserver;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.hospital.proto.common.v1.Date;
import org.hospital.proto.scheduling.v1.ScheduleEvent;
import org.hospital.proto.scheduling.v1.ScheduleUpdate;
import org.hospital.proto.scheduling.v1.SchedulingServiceGrpc;
import org.hospital.proto.scheduling.v1.SubscribeScheduleRequest;
import org.hospital.server.testing.BearerToken;

/**
 * One workstation watching a day: subscribes, records when each event arrives, and when the stream breaks
 * resubscribes after a short pause with the last sequence it applied, as the workstation's feed does.
 */
final class BenchSubscriber {

  private final String token;
  private volatile ManagedChannel channel;
  private volatile SchedulingServiceGrpc.SchedulingServiceStub stub;
  private final Date day;
  private final LatencyRecorder fanOut;
  private final ScheduledExecutorService retries;
  private final Set<Long> appointmentIds = new HashSet<>();
  private long lastSequence;
  private int duplicates;
  private volatile CountDownLatch synced = new CountDownLatch(1);
  private volatile long syncedAtNanos;

  BenchSubscriber(ManagedChannel channel, String token, Date day, LatencyRecorder fanOut,
      ScheduledExecutorService retries) {
    this.token = token;
    this.channel = channel;
    this.stub = SchedulingServiceGrpc.newStub(channel).withCallCredentials(BearerToken.of(token));
    this.day = day;
    this.fanOut = fanOut;
    this.retries = retries;
  }

  void subscribe() {
    long after;
    synchronized (this) {
      after = lastSequence;
    }
    stub.subscribeSchedule(SubscribeScheduleRequest.newBuilder().setFrom(day).setTo(day).setAfterSequence(after)
        .build(), new StreamObserver<>() {
          @Override
          public void onNext(ScheduleUpdate update) {
            apply(update);
          }

          @Override
          public void onError(Throwable t) {
            retryLater();
          }

          @Override
          public void onCompleted() {
            retryLater();
          }
        });
  }

  /** From the next resubscription on, through another server instance (what a load balancer does). */
  void failOverTo(ManagedChannel other) {
    this.channel = other;
    this.stub = SchedulingServiceGrpc.newStub(other).withCallCredentials(BearerToken.of(token));
  }

  /** The channel this subscriber uses now. */
  ManagedChannel channel() {
    return channel;
  }

  private void retryLater() {
    if (!retries.isShutdown()) {
      retries.schedule(this::retry, 200, TimeUnit.MILLISECONDS);
    }
  }

  private void retry() {
    // The channel's own reconnect back-off grows to minutes; a workstation that wants its schedule back
    // asks for a new connection attempt whenever its retry timer fires.
    if (channel.getState(false) == ConnectivityState.TRANSIENT_FAILURE) {
      channel.resetConnectBackoff();
    }
    subscribe();
  }

  private void apply(ScheduleUpdate update) {
    switch (update.getKindCase()) {
      case SNAPSHOT -> {
        synchronized (this) {
          lastSequence = update.getSnapshot().getSequence();
          update.getSnapshot().getAppointmentsList().forEach(a -> appointmentIds.add(a.getId()));
        }
        markSynced();
      }
      case RESUMED -> markSynced();
      case EVENT -> {
        ScheduleEvent e = update.getEvent();
        Instant now = Instant.now();
        long committedNanos = e.getOccurredAt().getSeconds() * 1_000_000_000L + e.getOccurredAt().getNanos();
        fanOut.add(now.getEpochSecond() * 1_000_000_000L + now.getNano() - committedNanos);
        synchronized (this) {
          if (e.getSequence() <= lastSequence) {
            duplicates++;
          } else {
            lastSequence = e.getSequence();
            appointmentIds.add(e.getAppointment().getId());
          }
        }
      }
      default -> { }
    }
  }

  private void markSynced() {
    syncedAtNanos = System.nanoTime();
    synced.countDown();
  }

  /** Forget the last sync, so that {@link #awaitSync} waits for the next snapshot or resume. */
  void expectResync() {
    synced = new CountDownLatch(1);
  }

  boolean awaitSync(long timeout, TimeUnit unit) throws InterruptedException {
    return synced.await(timeout, unit);
  }

  long syncedAtNanos() {
    return syncedAtNanos;
  }

  synchronized Set<Long> appointmentIds() {
    return Set.copyOf(appointmentIds);
  }

  synchronized int duplicates() {
    return duplicates;
  }
}
