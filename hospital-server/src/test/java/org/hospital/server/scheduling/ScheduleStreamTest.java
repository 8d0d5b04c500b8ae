package org.hospital.server.scheduling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;
import org.hospital.proto.auth.v1.AuthServiceGrpc;
import org.hospital.proto.auth.v1.LoginRequest;
import org.hospital.proto.auth.v1.LogoutRequest;
import org.hospital.proto.scheduling.v1.Appointment;
import org.hospital.proto.scheduling.v1.BookAppointmentRequest;
import org.hospital.proto.scheduling.v1.CancelAppointmentRequest;
import org.hospital.proto.scheduling.v1.CheckInRequest;
import org.hospital.proto.scheduling.v1.ScheduleEvent;
import org.hospital.proto.scheduling.v1.ScheduleUpdate;
import org.hospital.proto.scheduling.v1.SchedulingServiceGrpc;
import org.hospital.proto.scheduling.v1.Slot;
import org.hospital.proto.scheduling.v1.SubscribeScheduleRequest;
import org.hospital.server.testing.BearerToken;
import org.hospital.server.testing.Errors;
import org.hospital.server.testing.TestHospitalServer;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The live schedule through the real server: every change reaches subscribers in order and without gaps;
 * a subscriber that drops off (cancel, server restart) resumes with exactly what it missed; one that is
 * too far behind gets a snapshot; streams end with the session.
 */
@ParameterizedClass
@MethodSource("org.hospital.server.testing.TestDatabases#kinds")
class ScheduleStreamTest {

  /** The database kind of this run ("h2" or "postgresql"); the server is started per kind. */
  @Parameter
  String kind;

  private static ScheduleHospital h;

  @BeforeParameterizedClassInvocation
  static void start(String kind) {
    h = ScheduleHospital.start(kind);
  }

  @AfterParameterizedClassInvocation
  static void stop() {
    h.close();
  }

  /** Everything from today for 30 days: every change the tests make. */
  private SubscribeScheduleRequest everything(long afterSequence) {
    LocalDate today = LocalDate.now(h.zone);
    return SubscribeScheduleRequest.newBuilder().setFrom(ScheduleHospital.date(today))
        .setTo(ScheduleHospital.date(today.plusDays(30))).setAfterSequence(afterSequence).build();
  }

  private long latest() {
    return h.count("SELECT last_seq FROM schedule_sequence");
  }

  /** The free slots of a clinician on a day. */
  private List<Instant> slots(String clinician, LocalDate day) {
    return h.slots(h.clinicianId(clinician), day).stream().filter(Slot::getFree).map(s -> Instant.ofEpochSecond(s.getStart().getSeconds())).toList();
  }

  /** Books, and cancels or checks in some, from several threads; returns how many changes were made. */
  private int burst(String clinician, LocalDate day, int bookings) throws Exception {
    long id = h.clinicianId(clinician);
    List<Instant> free = slots(clinician, day).subList(0, bookings);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    List<Future<Integer>> done = new ArrayList<>();
    for (int i = 0; i < free.size(); i++) {
      int n = i;
      done.add(pool.submit(() -> {
        Appointment a = h.as("reception").bookAppointment(h.booking(id, h.patients.get(n % h.patients.size()),
            free.get(n)).build()).getAppointment();
        if (n % 3 == 0) {
          h.as("reception").cancelAppointment(CancelAppointmentRequest.newBuilder().setAppointmentId(a.getId())
              .setExpectedVersion(a.getVersion()).setReason("Rebooked by phone").build());
          return 2;
        }
        if (n % 4 == 1) {
          h.as("reception").checkIn(CheckInRequest.newBuilder().setIdempotencyKey(ScheduleHospital.key())
              .setAppointmentId(a.getId()).build());
          return 2;
        }
        return 1;
      }));
    }
    int changes = 0;
    for (Future<Integer> f : done) {
      changes += f.get();
    }
    pool.shutdown();
    return changes;
  }

  /** What a fresh subscriber sees now. */
  private Map<Long, Appointment> serverView() throws InterruptedException {
    Subscription fresh = Subscription.open(h.asyncAs("nurse"), everything(0));
    fresh.awaitUpdates(1);
    fresh.cancel();
    ScheduleUpdate first = fresh.updates().get(0);
    assertTrue(first.hasSnapshot());
    Map<Long, Appointment> view = new HashMap<>();
    first.getSnapshot().getAppointmentsList().forEach(a -> view.put(a.getId(), a));
    return view;
  }

  private static void assertConsecutive(List<ScheduleEvent> events, long from, long to) {
    assertEquals(LongStream.rangeClosed(from, to).boxed().toList(),
        events.stream().map(ScheduleEvent::getSequence).toList());
  }

  private static Map<Long, Appointment> apply(Map<Long, Appointment> base, List<ScheduleEvent> events) {
    Map<Long, Appointment> view = new HashMap<>(base);
    for (ScheduleEvent e : events) {
      Appointment known = view.get(e.getAppointment().getId());
      if (known == null || known.getVersion() < e.getAppointment().getVersion()) {
        view.put(e.getAppointment().getId(), e.getAppointment());
      }
    }
    return view;
  }

  @Test
  void aSubscriberSeesEveryChangeInOrderWithoutGaps() throws Exception {
    Subscription sub = Subscription.open(h.asyncAs("nurse"), everything(0));
    sub.awaitUpdates(1);
    long start = sub.updates().get(0).getSnapshot().getSequence();
    int changes = burst("Dr. Claire Moreau", h.freeWeekday(9), 18) + burst("Dr. Lucas Silva", h.freeWeekday(9), 18);
    assertEquals(start + changes, latest());
    sub.awaitSequence(latest());
    assertConsecutive(sub.events(), start + 1, latest());
    assertEquals(serverView(), sub.view());
    sub.cancel();
  }

  @Test
  void aCancelledSubscriberResumesWithExactlyWhatItMissed() throws Exception {
    Subscription first = Subscription.open(h.asyncAs("doctor"), everything(0));
    first.awaitUpdates(1);
    long start = first.lastSequence();
    ExecutorService background = Executors.newSingleThreadExecutor();
    Future<Integer> burst = background.submit(() -> burst("Dr. Abena Osei", h.freeWeekday(10), 20));
    first.awaitSequence(start + 5);
    first.cancel();
    burst.get();
    background.shutdown();
    Map<Long, Appointment> seen = first.view();
    long resumeAfter = first.lastSequence();

    Subscription second = Subscription.open(h.asyncAs("doctor"), everything(resumeAfter));
    second.awaitSequence(latest());
    assertEquals(resumeAfter, second.updates().get(0).getResumed().getAfterSequence());
    assertConsecutive(second.events(), resumeAfter + 1, latest());
    List<ScheduleEvent> all = new ArrayList<>(first.events().stream()
        .filter(e -> e.getSequence() <= resumeAfter).toList());
    all.addAll(second.events());
    assertConsecutive(all, start + 1, latest());
    assertEquals(serverView(), apply(seen, second.events()));
    second.cancel();
  }

  @Test
  void aRestartMidBurstEndsStreamsAndTheyResumeAfterIt() throws Exception {
    Subscription first = Subscription.open(h.asyncAs("doctor"), everything(0));
    first.awaitUpdates(1);
    long start = first.lastSequence();
    LocalDate day = h.freeWeekday(11);
    long id = h.clinicianId("Dr. Marta Kowalski");
    List<BookAppointmentRequest> bookings = new ArrayList<>();
    List<Instant> free = slots("Dr. Marta Kowalski", day);
    for (int i = 0; i < 16; i++) {
      bookings.add(h.booking(id, h.patients.get(i), free.get(i)).build());
    }
    ExecutorService background = Executors.newSingleThreadExecutor();
    Future<?> burst = background.submit(() -> {
      for (BookAppointmentRequest b : bookings) {
        bookRetrying(b);
      }
      return null;
    });
    first.awaitSequence(start + 4);
    h.server.restart();
    assertEquals(Status.Code.UNAVAILABLE, first.awaitEnd().getCode());
    burst.get();
    background.shutdown();
    assertEquals(16, h.count("SELECT COUNT(*) FROM appointment WHERE clinician_id = " + id
        + " AND held_slot_start IS NOT NULL AND start_at >= TIMESTAMP WITH TIME ZONE '" + h.at(day, 0, 0) + "'"
        + " AND start_at < TIMESTAMP WITH TIME ZONE '" + h.at(day.plusDays(1), 0, 0) + "'"),
        "every booking once, although some were retried across the restart");

    long resumeAfter = first.lastSequence();
    Subscription second = Subscription.open(h.asyncAs("doctor"), everything(resumeAfter));
    second.awaitSequence(latest());
    assertTrue(second.updates().get(0).hasResumed());
    assertConsecutive(second.events(), resumeAfter + 1, latest());
    assertEquals(serverView(), apply(first.view(), second.events()));
    second.cancel();
  }

  /** As a workstation does: the same request (same key) again until the server answers. */
  private void bookRetrying(BookAppointmentRequest b) throws InterruptedException {
    long deadline = System.nanoTime() + RecordedStream.PATIENCE.toNanos();
    while (true) {
      try {
        h.as("reception").bookAppointment(b);
        return;
      } catch (StatusRuntimeException e) {
        if (e.getStatus().getCode() != Status.Code.UNAVAILABLE || System.nanoTime() > deadline) {
          throw e;
        }
        Thread.sleep(100);
      }
    }
  }

  @Test
  void aResumeFromBeyondTheRetainedLogGetsASnapshot() throws Exception {
    burst("Dr. Samir Haddad", h.freeWeekday(12), 4);
    long latest = latest();
    new ScheduleEventLog(h.server.server().database()).purge(2, Instant.EPOCH);

    Subscription tooOld = Subscription.open(h.asyncAs("doctor"), everything(1));
    tooOld.awaitUpdates(1);
    assertEquals(latest, tooOld.updates().get(0).getSnapshot().getSequence());
    assertEquals(serverView(), tooOld.view());
    tooOld.cancel();

    Subscription recent = Subscription.open(h.asyncAs("doctor"), everything(latest - 1));
    recent.awaitSequence(latest);
    assertTrue(recent.updates().get(0).hasResumed());
    assertConsecutive(recent.events(), latest, latest);
    recent.cancel();

    Subscription fromElsewhere = Subscription.open(h.asyncAs("doctor"), everything(latest + 1000));
    fromElsewhere.awaitUpdates(1);
    assertEquals(latest, fromElsewhere.updates().get(0).getSnapshot().getSequence());
    fromElsewhere.cancel();
  }

  @Test
  void aFrozenSubscriberCatchesUpCompletelyWhenItReadsAgain() throws Exception {
    Subscription slow = Subscription.openSlow(h.asyncAs("nurse"), everything(0));
    slow.awaitUpdates(1);
    long start = slow.lastSequence();
    burst("Dr. Hiro Tanaka", h.freeWeekday(13), 20);
    assertEquals(1, slow.updates().size(), "nothing is read while the workstation does not ask");
    slow.request(Integer.MAX_VALUE);
    slow.awaitSequence(latest());
    assertConsecutive(slow.events(), start + 1, latest());
    slow.cancel();
  }

  @Test
  void theStreamEndsWhenTheSessionEnds() throws Exception {
    String token = AuthServiceGrpc.newBlockingStub(h.channel).login(LoginRequest.newBuilder().setUsername("nurse")
        .setPassword(TestHospitalServer.PASSWORD).setWorkstation("ward-2").build()).getSessionToken();
    Subscription sub = Subscription.open(SchedulingServiceGrpc.newStub(h.channel)
        .withCallCredentials(BearerToken.of(token)), everything(0));
    sub.awaitUpdates(1);
    AuthServiceGrpc.newBlockingStub(h.channel).withCallCredentials(BearerToken.of(token))
        .logout(LogoutRequest.getDefaultInstance());
    assertEquals(Status.Code.UNAUTHENTICATED, sub.awaitEnd().getCode());
    assertEquals("SESSION_EXPIRED", Errors.info((StatusRuntimeException) sub.error()).getReason());
  }
}
