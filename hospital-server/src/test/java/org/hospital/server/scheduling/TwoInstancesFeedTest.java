package org.hospital.server.scheduling;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.grpc.Status;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;
import org.hospital.proto.scheduling.v1.BookAppointmentRequest;
import org.hospital.proto.scheduling.v1.Slot;
import org.hospital.proto.scheduling.v1.SubscribeScheduleRequest;
import org.hospital.server.testing.RecordedStream;
import org.hospital.server.testing.RecordedStream.Kind;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two server instances on one PostgreSQL database, as behind a load balancer: bookings made through A reach
 * the subscribers of B in order and without gaps (A's transactions wake B through LISTEN/NOTIFY; the tables
 * are the truth), and when A stops in the middle of a burst its subscribers resume on B with nothing missed
 * or repeated.
 */
class TwoInstancesFeedTest {

  private static ScheduleHospital a;
  private static ScheduleHospital b;
  private static int days;

  @BeforeAll
  static void start() {
    a = ScheduleHospital.start("postgresql");
    b = a.secondInstance();
  }

  @AfterAll
  static void stop() {
    if (b != null) {
      b.close();
    }
    if (a != null) {
      a.close();
    }
  }

  @Test
  void bookingsThroughOneInstanceReachTheSubscribersOfTheOtherInOrder() throws Exception {
    Subscription onB = subscribe(b, 0);
    onB.awaitUpdates(1);
    long start = onB.firstSequence();
    List<BookAppointmentRequest> bookings = bookings(12);
    for (BookAppointmentRequest r : bookings) {
      a.as("reception").bookAppointment(r);
    }
    onB.awaitSequence(start + bookings.size());
    assertEquals(LongStream.rangeClosed(start + 1, start + bookings.size()).boxed().toList(), onB.eventSequences());
    onB.cancel();
  }

  @Test
  void theSubscribersOfAStoppedInstanceResumeOnTheOtherWithNothingMissedOrRepeated() throws Exception {
    Subscription onA = subscribe(a, 0);
    onA.awaitUpdates(1);
    long start = onA.firstSequence();
    List<BookAppointmentRequest> bookings = bookings(16);
    ExecutorService background = Executors.newSingleThreadExecutor();
    // The front desk books through B all along; A is the instance that goes away.
    Future<?> burst = background.submit(() -> {
      for (BookAppointmentRequest r : bookings) {
        b.as("reception").bookAppointment(r);
      }
      return null;
    });
    onA.awaitSequence(start + 4);
    a.server.stop();
    assertEquals(Status.Code.UNAVAILABLE, onA.awaitEnd().getCode());
    burst.get();
    background.shutdown();

    long resumeAfter = onA.lastSequence();
    Subscription onB = subscribe(b, resumeAfter);
    onB.awaitSequence(start + bookings.size());
    assertEquals(Kind.RESUMED, onB.firstKind());
    List<Long> together = new java.util.ArrayList<>(onA.eventSequences());
    together.addAll(onB.eventSequences());
    assertEquals(LongStream.rangeClosed(start + 1, start + bookings.size()).boxed().toList(), together,
        "every booking once, across the two instances");
    onB.cancel();
    a.server.restart();
  }

  private static Subscription subscribe(ScheduleHospital through, long afterSequence) {
    LocalDate today = LocalDate.now(through.zone);
    SubscribeScheduleRequest r = SubscribeScheduleRequest.newBuilder().setFrom(ScheduleHospital.date(today))
        .setTo(ScheduleHospital.date(today.plusDays(30))).setAfterSequence(afterSequence).build();
    return Subscription.open(through.asyncAs("doctor"), r);
  }

  /** {@code count} bookings on a clinician's day no other call has used. */
  private static List<BookAppointmentRequest> bookings(int count) {
    int call = days++;
    long clinician = a.clinicians.get(call % a.clinicians.size()).getId();
    LocalDate day = a.freeWeekday(9 + 7 * (call / a.clinicians.size()));
    List<Instant> free = a.slots(clinician, day).stream().filter(Slot::getFree)
        .map(s -> Instant.ofEpochSecond(s.getStart().getSeconds())).toList();
    return LongStream.range(0, count).mapToObj(i -> a.booking(clinician, a.patients.get((int) i % a.patients.size()),
        free.get((int) i)).build()).toList();
  }

}
