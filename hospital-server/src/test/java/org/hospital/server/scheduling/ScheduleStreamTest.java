package org.hospital.server.scheduling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import org.hospital.proto.scheduling.v1.Appointment;
import org.hospital.proto.scheduling.v1.AppointmentStatus;
import org.hospital.proto.scheduling.v1.CancelAppointmentRequest;
import org.hospital.proto.scheduling.v1.UpdateAppointmentStatusRequest;
import org.hospital.proto.scheduling.v1.ScheduleEvent;
import org.hospital.proto.scheduling.v1.ScheduleUpdate;
import org.hospital.proto.scheduling.v1.Slot;
import org.hospital.proto.scheduling.v1.SubscribeScheduleRequest;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The live schedule through the real server, as a workstation's view of it: bookings, cancellations and
 * check-ins folded by version add up to what a fresh snapshot shows, also across a resume. What every feed
 * promises (order, gaps, resume, restart, slow readers, sessions) is {@link ScheduleFeedContractTest}.
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
          // a status change (these days are ahead, so not a check-in: that is for the day itself)
          h.as("reception").updateAppointmentStatus(UpdateAppointmentStatusRequest.newBuilder()
              .setAppointmentId(a.getId()).setExpectedVersion(a.getVersion())
              .setStatus(AppointmentStatus.NO_SHOW).build());
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
}
