package org.hospital.server.scheduling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.ManagedChannel;
import io.grpc.Status;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;
import org.hospital.proto.auth.v1.AuthServiceGrpc;
import org.hospital.proto.auth.v1.LoginRequest;
import org.hospital.proto.scheduling.v1.BookAppointmentRequest;
import org.hospital.proto.scheduling.v1.SchedulingServiceGrpc;
import org.hospital.proto.scheduling.v1.Slot;
import org.hospital.proto.scheduling.v1.SubscribeScheduleRequest;
import org.hospital.server.config.ServerConfig;
import org.hospital.server.crash.ServerProcess;
import org.hospital.server.testing.BearerToken;
import org.hospital.server.testing.RecordedStream.Kind;
import org.hospital.server.testing.TestHospitalServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two server instances on one PostgreSQL database, one of them the packaged server in a process of its own that
 * is killed with SIGKILL in the middle of a burst of bookings: no shutdown, no goodbye to its subscribers. Its
 * subscribers see their streams break, sign in again on the surviving instance and resume from the last event
 * they had, and between the two instances every booking reaches them once, in order.
 */
class TwoInstancesKilledIT {

  private static final int SUBSCRIBERS_ON_A = 8;
  private static final int BOOKINGS = 24;

  @Test
  void theSubscribersOfAKilledInstanceResumeOnTheOtherWithNothingMissedOrRepeated(@TempDir Path work)
      throws Exception {
    Path jar = Path.of(System.getProperty("server.jar", "target/hospital-server.jar"));
    assertTrue(Files.isRegularFile(jar), "the packaged server is needed: " + jar.toAbsolutePath());
    try (ScheduleHospital b = ScheduleHospital.start("postgresql")) {
      ServerConfig shared = b.server.config();
      ServerProcess a = ServerProcess.start(jar, work.resolve("a"), List.of("--db.url=" + shared.jdbcUrl(),
          "--db.user=" + shared.dbUser(), "--db.password=" + shared.dbPassword()), work.resolve("a.log"));
      ManagedChannel toA = a.channel();
      try {
        String token = AuthServiceGrpc.newBlockingStub(toA).login(LoginRequest.newBuilder().setUsername("doctor")
            .setPassword(TestHospitalServer.PASSWORD).setWorkstation("ward-pc").build()).getSessionToken();
        SchedulingServiceGrpc.SchedulingServiceStub onA = SchedulingServiceGrpc.newStub(toA)
            .withCallCredentials(BearerToken.of(token));
        List<Subscription> subscribers = new ArrayList<>();
        for (int i = 0; i < SUBSCRIBERS_ON_A; i++) {
          subscribers.add(Subscription.open(onA, request(b, 0)));
        }
        for (Subscription s : subscribers) {
          s.awaitUpdates(1);
        }
        long start = subscribers.getFirst().firstSequence();

        List<BookAppointmentRequest> bookings = bookings(b, BOOKINGS);
        ExecutorService desk = Executors.newSingleThreadExecutor();
        Future<?> burst = desk.submit(() -> {
          for (BookAppointmentRequest r : bookings) {
            b.as("reception").bookAppointment(r);
            Thread.sleep(40); // a desk's pace, so that the kill falls inside the burst
          }
          return null;
        });
        subscribers.getFirst().awaitSequence(start + 5);
        a.kill();
        for (Subscription s : subscribers) {
          assertEquals(Status.Code.UNAVAILABLE, s.awaitEnd().getCode(), "the stream breaks with the process");
        }
        burst.get();
        desk.shutdown();
        assertTrue(subscribers.stream().allMatch(s -> s.eventSequences().size() < BOOKINGS),
            "the kill came in the middle of the burst");

        List<Long> everyBooking = LongStream.rangeClosed(start + 1, start + BOOKINGS).boxed().toList();
        for (Subscription s : subscribers) {
          // as a workstation does: its session is in the shared database, so it carries on at B
          Subscription resumed = Subscription.open(b.asyncAs("doctor"), request(b, s.lastSequence()));
          resumed.awaitSequence(start + BOOKINGS);
          assertEquals(Kind.RESUMED, resumed.firstKind());
          List<Long> together = new ArrayList<>(s.eventSequences());
          together.addAll(resumed.eventSequences());
          assertEquals(everyBooking, together, "every booking once, across the killed instance and the other");
          resumed.cancel();
        }
      } finally {
        toA.shutdownNow();
        a.stop();
      }
    }
  }

  private static SubscribeScheduleRequest request(ScheduleHospital h, long afterSequence) {
    LocalDate today = LocalDate.now(h.zone);
    return SubscribeScheduleRequest.newBuilder().setFrom(ScheduleHospital.date(today))
        .setTo(ScheduleHospital.date(today.plusDays(30))).setAfterSequence(afterSequence).build();
  }

  private static List<BookAppointmentRequest> bookings(ScheduleHospital h, int count) {
    long clinician = h.clinicians.getFirst().getId();
    LocalDate day = h.freeWeekday(9);
    List<Instant> free = h.slots(clinician, day).stream().filter(Slot::getFree)
        .map(s -> Instant.ofEpochSecond(s.getStart().getSeconds())).toList();
    assertTrue(free.size() >= count, "a free day with enough slots");
    return LongStream.range(0, count).mapToObj(i -> h.booking(clinician, h.patients.get((int) i % h.patients.size()),
        free.get((int) i)).build()).toList();
  }
}
