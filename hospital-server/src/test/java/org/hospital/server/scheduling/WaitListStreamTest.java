package org.hospital.server.scheduling;

import static org.hospital.server.scheduling.AppointmentLifecycleTest.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;
import org.hospital.proto.scheduling.v1.AddToWaitListRequest;
import org.hospital.proto.scheduling.v1.RemoveFromWaitListRequest;
import org.hospital.proto.scheduling.v1.SubscribeWaitListRequest;
import org.hospital.proto.scheduling.v1.VisitType;
import org.hospital.proto.scheduling.v1.WaitListEntry;
import org.hospital.proto.scheduling.v1.WaitListEvent;
import org.hospital.proto.scheduling.v1.WaitListEventType;
import org.hospital.server.testing.Errors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The live wait list through the real server: a snapshot of the open entries, then every addition and removal
 * in order, filtered by department and clinician and audited; a cancelled subscriber's view plus what it
 * resumes with is what a fresh snapshot shows; bad filters are refused. What every feed promises is
 * {@link WaitListFeedContractTest}.
 */
@ParameterizedClass
@MethodSource("org.hospital.server.testing.TestDatabases#kinds")
class WaitListStreamTest {

  /** The department of the clinician {@link #HADDAD} (cardiology) and another one. */
  private static final long CARDIOLOGY = 3;
  private static final long OTHER_DEPARTMENT = 1;
  private static final String HADDAD = "Dr. Samir Haddad";
  private static final String VIEWED = "SELECT COUNT(*) FROM audit_entry WHERE action = 'SCHEDULE_VIEWED'"
      + " AND detail LIKE 'wait list snapshot%'";

  @Parameter
  String kind;

  private static ScheduleHospital h;
  private static List<Long> patients;
  /** The next demo patient not yet on any list: each test's additions are new entries. */
  private static int nextPatient;

  @BeforeParameterizedClassInvocation
  static void start(String kind) {
    h = ScheduleHospital.start(kind);
    patients = h.patients;
    nextPatient = 0;
  }

  @AfterParameterizedClassInvocation
  static void stop() {
    h.close();
  }

  private static SubscribeWaitListRequest all(long afterSequence) {
    return SubscribeWaitListRequest.newBuilder().setAfterSequence(afterSequence).build();
  }

  private static long latest() {
    return h.count("SELECT last_seq FROM wait_list_sequence");
  }

  /**
   * Adds {@code count} patients from several desks at once, alternately for Dr. Haddad, for the whole of
   * cardiology and for another department, and takes every third off again; returns the changes made.
   */
  private static int burst(int count) throws Exception {
    long haddad = h.clinicianId(HADDAD);
    LocalDate today = LocalDate.now(h.zone);
    int first = nextPatient;
    nextPatient += count;
    ExecutorService pool = Executors.newFixedThreadPool(4);
    List<Future<Integer>> done = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      int n = i;
      done.add(pool.submit(() -> {
        AddToWaitListRequest.Builder add = AddToWaitListRequest.newBuilder().setPatientId(patients.get(first + n))
            .setLatest(ScheduleHospital.date(today.plusDays(20))).setVisitType(VisitType.FOLLOW_UP);
        switch (n % 3) {
          case 0 -> add.setClinicianId(haddad);
          case 1 -> add.setDepartmentId(CARDIOLOGY);
          default -> add.setDepartmentId(OTHER_DEPARTMENT);
        }
        WaitListEntry e = h.as("reception").addToWaitList(add.build()).getEntry();
        if (n % 3 == 1) {
          h.as("reception").removeFromWaitList(RemoveFromWaitListRequest.newBuilder().setId(e.getId())
              .setExpectedVersion(e.getVersion()).setReason("Booked by phone").build());
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

  /** The open entries a fresh subscriber with this filter is shown now. */
  private static Map<Long, WaitListEntry> serverView(SubscribeWaitListRequest.Builder filter)
      throws InterruptedException {
    WaitListSubscription fresh = WaitListSubscription.open(h.asyncAs("nurse"), filter.setAfterSequence(0).build());
    fresh.awaitUpdates(1);
    fresh.cancel();
    assertTrue(fresh.updates().get(0).hasSnapshot());
    return fresh.entries();
  }

  private static void assertConsecutive(List<WaitListEvent> events, long from, long to) {
    assertEquals(LongStream.rangeClosed(from, to).boxed().toList(),
        events.stream().map(WaitListEvent::getSequence).toList());
  }

  private static Map<Long, WaitListEntry> apply(Map<Long, WaitListEntry> base, List<WaitListEvent> events) {
    Map<Long, WaitListEntry> view = new HashMap<>(base);
    events.forEach(e -> WaitListSubscription.apply(view, e));
    return WaitListSubscription.open(view);
  }

  @Test
  void aSnapshotThenEveryChangeInOrderWithoutGaps() throws Exception {
    WaitListSubscription everything = WaitListSubscription.open(h.asyncAs("nurse"), all(0));
    SubscribeWaitListRequest.Builder cardiology = SubscribeWaitListRequest.newBuilder().addDepartmentIds(CARDIOLOGY);
    WaitListSubscription desk = WaitListSubscription.open(h.asyncAs("doctor"), cardiology.build());
    everything.awaitUpdates(1);
    desk.awaitUpdates(1);
    long start = everything.updates().get(0).getSnapshot().getSequence();

    int changes = burst(18);
    assertEquals(start + changes, latest());
    everything.awaitSequence(latest());
    assertConsecutive(everything.events(), start + 1, latest());
    assertEquals(18, everything.events().stream().filter(e -> e.getType() == WaitListEventType.ENTRY_ADDED)
        .count());
    assertEquals(6, everything.events().stream().filter(e -> e.getType() == WaitListEventType.ENTRY_REMOVED)
        .count());
    everything.events().stream().filter(e -> e.getType() == WaitListEventType.ENTRY_REMOVED)
        .forEach(e -> assertTrue(e.getEntry().getRemoved(), "a removal carries the entry as removed"));
    long viewedBefore = h.count(VIEWED);
    assertEquals(serverView(SubscribeWaitListRequest.newBuilder()), WaitListSubscription.open(everything.entries()));
    assertEquals(viewedBefore + 1, h.count(VIEWED), "a snapshot naming patients is audited");

    // the department's desk sees only cardiology's changes, in order: its own clinicians' and department-wide
    Map<Long, WaitListEntry> cardiologyNow = serverView(cardiology.clone());
    long lastCardiology = everything.events().stream().filter(e -> e.getEntry().getDepartmentId() == CARDIOLOGY)
        .mapToLong(WaitListEvent::getSequence).max().orElseThrow();
    desk.awaitSequence(lastCardiology);
    assertTrue(desk.events().stream().allMatch(e -> e.getEntry().getDepartmentId() == CARDIOLOGY));
    List<Long> sequences = desk.events().stream().map(WaitListEvent::getSequence).toList();
    assertEquals(sequences.stream().sorted().distinct().toList(), sequences, "increasing, never repeated");
    assertEquals(18, sequences.size(), "6 added for the clinician, 6 for the department and removed again");
    assertEquals(cardiologyNow, WaitListSubscription.open(desk.entries()));
    assertFalse(cardiologyNow.isEmpty());
    everything.cancel();
    desk.cancel();
  }

  @Test
  void aCancelledSubscriberResumesWithExactlyWhatItMissed() throws Exception {
    WaitListSubscription first = WaitListSubscription.open(h.asyncAs("doctor"), all(0));
    first.awaitUpdates(1);
    long start = first.lastSequence();
    ExecutorService background = Executors.newSingleThreadExecutor();
    Future<Integer> burst = background.submit(() -> burst(15));
    first.awaitSequence(start + 4);
    first.cancel();
    burst.get();
    background.shutdown();
    long resumeAfter = first.lastSequence();

    WaitListSubscription second = WaitListSubscription.open(h.asyncAs("doctor"), all(resumeAfter));
    second.awaitSequence(latest());
    assertEquals(resumeAfter, second.updates().get(0).getResumed().getAfterSequence());
    assertConsecutive(second.events(), resumeAfter + 1, latest());
    List<WaitListEvent> together = new ArrayList<>(first.events().stream()
        .filter(e -> e.getSequence() <= resumeAfter).toList());
    together.addAll(second.events());
    assertConsecutive(together, start + 1, latest());
    assertEquals(serverView(SubscribeWaitListRequest.newBuilder()), apply(first.entries(), second.events()));
    second.cancel();
  }

  @Test
  void badFiltersAreRefused() {
    StatusRuntimeException e = expect(Status.Code.INVALID_ARGUMENT, "VALIDATION_FAILED",
        () -> h.as("reception").subscribeWaitList(SubscribeWaitListRequest.newBuilder().addDepartmentIds(0)
            .addClinicianIds(-4).setAfterSequence(-1).build()).hasNext());
    var v = Errors.violations(e);
    assertEquals("OUT_OF_RANGE", v.get("department_ids"));
    assertEquals("OUT_OF_RANGE", v.get("clinician_ids"));
    assertEquals("OUT_OF_RANGE", v.get("after_sequence"));
  }
}
