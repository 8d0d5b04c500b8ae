package org.hospital.client.schedule.waitlist;

import static org.hospital.client.schedule.FakeScheduleGateway.GENMED;
import static org.hospital.client.schedule.FakeScheduleGateway.OKAFOR;
import static org.hospital.client.schedule.waitlist.FakeWaitListGateway.entry;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.Status;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.hospital.client.patients.search.PatientSearchViewModel;
import org.hospital.client.schedule.Clinic;
import org.hospital.client.live.FeedStatus;
import org.hospital.client.schedule.FakeScheduleGateway;
import org.hospital.client.schedule.ScheduleText;
import org.hospital.client.schedule.ScriptedStreams;
import org.hospital.client.testing.Direct;
import org.hospital.client.testing.Failures;
import org.hospital.client.testing.ManualScheduler;
import org.hospital.proto.common.v1.ErrorReason;
import org.hospital.proto.patients.v1.PatientSummary;
import org.hospital.proto.scheduling.v1.Department;
import org.hospital.proto.scheduling.v1.VisitType;
import org.hospital.proto.scheduling.v1.WaitListEntry;
import org.junit.jupiter.api.Test;

class WaitListViewModelTest {

  /** Answers the dialogs as the test says. */
  private static final class ScriptedDialogs implements WaitListDialogs {
    final List<String> asked = new ArrayList<>();
    WaitListEntry added;
    String reason;

    @Override
    public void add(Clinic clinic, Department department, Consumer<WaitListEntry> done) {
      asked.add("add " + department.getName());
      if (added != null) {
        done.accept(added);
      }
    }

    @Override
    public void askRemoveReason(String entryText, Consumer<String> answer) {
      asked.add("remove " + entryText);
      if (reason != null) {
        answer.accept(reason);
      }
    }
  }

  private final FakeWaitListGateway gateway = new FakeWaitListGateway();
  private final ScriptedDialogs dialogs = new ScriptedDialogs();
  private final ManualScheduler timers = new ManualScheduler();
  private final ScriptedWaitListFeeds feeds = new ScriptedWaitListFeeds(timers);
  private final WaitListViewModel vm = new WaitListViewModel(Direct.ENGLISH, Direct.ERRORS,
      new ScheduleText(Direct.ENGLISH), Direct.tasks(), gateway, dialogs, feeds,
      Clock.fixed(Instant.parse("2026-11-30T08:00:00Z"), ZoneOffset.UTC));
  private final Clinic clinic = Clinic.of(new FakeScheduleGateway().listClinicians(), ZoneOffset.UTC);

  private static final WaitListEntry TOM = entry(1, "WHITE, Tom", OKAFOR.getId(), VisitType.FOLLOW_UP,
      "Wants mornings");
  private static final WaitListEntry ANN = entry(2, "GREEN, Ann", 0, VisitType.CONSULTATION, "");

  private List<String> names() {
    return vm.rows().stream().map(r -> r.entry().getPatientName()).toList();
  }

  @Test
  void showsTheDepartmentsEntriesAndFollowsOtherDesksChangesWithoutReading() {
    vm.show(clinic, GENMED);
    assertEquals(1, feeds.last().departmentId());
    assertEquals(0, feeds.last().last().afterSequence, "a new list starts with a snapshot");
    assertEquals(FeedStatus.CONNECTING, vm.feedStatusProperty().get());
    feeds.last().last().snapshot(5, TOM, ANN);
    assertEquals(FeedStatus.LIVE, vm.feedStatusProperty().get());
    WaitListRow tom = vm.rows().get(0);
    assertEquals("Dr. Amara Okafor", tom.target());
    assertEquals("30 Nov \u2013 20 Dec", tom.days());
    assertEquals("Follow-up", tom.visitType());
    assertEquals("since 20 Nov", tom.since());
    assertEquals("Any clinician in the department", vm.rows().get(1).target());

    // another desk adds someone who has waited longer (added elsewhere first) and takes Tom off
    WaitListEntry eve = entry(3, "BLACK, Eve", 0, VisitType.CONSULTATION, "").toBuilder()
        .setAddedAt(ScriptedStreams.ts(Instant.parse("2026-11-19T10:00:00Z"))).build();
    feeds.last().last().added(6, eve).removed(9, TOM);
    assertEquals(List.of("BLACK, Eve", "GREEN, Ann"), names(), "longest waiting first, Tom gone");
    feeds.last().last().added(4, TOM);
    assertEquals(List.of("BLACK, Eve", "GREEN, Ann"), names(), "a replayed older event changes nothing");

    timers.advance(Duration.ofMinutes(5));
    assertEquals(List.of(), gateway.calls, "the list is never read again: changes are pushed");
    vm.show(clinic, null);
    assertTrue(vm.rows().isEmpty());
    assertTrue(feeds.last().last().cancelled, "no department, no stream");
  }

  @Test
  void aBrokenStreamIsShownAndResumedFromTheLastChange() {
    vm.show(clinic, GENMED);
    feeds.last().last().snapshot(5, TOM).added(7, ANN);
    feeds.last().last().fail(Status.UNAVAILABLE.asRuntimeException());
    assertEquals(FeedStatus.RECONNECTING, vm.feedStatusProperty().get());
    assertEquals(List.of("WHITE, Tom", "GREEN, Ann"), names(), "what was shown stays while it is away");
    timers.advance(Duration.ofSeconds(1));
    assertEquals(7, feeds.last().last().afterSequence);
    feeds.last().last().resumed(7).removed(8, ANN);
    assertEquals(FeedStatus.RESYNCED, vm.feedStatusProperty().get());
    assertEquals(List.of("WHITE, Tom"), names());
  }

  @Test
  void anotherDepartmentIsAnotherStreamAndEntriesPastTheirDaysAreLeftOut() {
    vm.show(clinic, GENMED);
    ScriptedWaitListFeeds.Opened genmed = feeds.last();
    WaitListEntry over = entry(4, "OLD, Ida", 0, VisitType.CONSULTATION, "").toBuilder()
        .setLatest(org.hospital.proto.common.v1.Date.newBuilder().setYear(2026).setMonth(11).setDay(29)).build();
    genmed.last().snapshot(5, TOM, over);
    assertEquals(List.of("WHITE, Tom"), names(), "yesterday was Ida's last day");
    vm.show(clinic, FakeScheduleGateway.PAEDS);
    assertTrue(genmed.last().cancelled);
    assertEquals(2, feeds.last().departmentId());
    assertEquals(0, feeds.last().last().afterSequence, "a sequence means nothing for another department");
    assertTrue(vm.rows().isEmpty());
    genmed.last().added(6, ANN);
    assertTrue(vm.rows().isEmpty(), "the closed feed changes nothing");
  }

  @Test
  void removingAsksWhyAndSendsTheVersionSeenThenTheStreamTakesItOff() {
    vm.show(clinic, GENMED);
    feeds.last().last().snapshot(5, TOM);
    dialogs.reason = "Found an appointment elsewhere";
    vm.remove(vm.rows().getFirst());
    assertEquals("remove WHITE, Tom \u00b7 MRN-1", dialogs.asked.getLast());
    assertEquals(List.of("remove 1 v3 Found an appointment elsewhere"), gateway.calls);
    assertEquals("WHITE, Tom was taken off the wait list.", vm.noticeProperty().get());
    feeds.last().last().removed(6, TOM);
    assertTrue(vm.rows().isEmpty());
  }

  @Test
  void aStaleRemovalIsExplained() {
    vm.show(clinic, GENMED);
    feeds.last().last().snapshot(5, TOM);
    dialogs.reason = "No longer needed";
    gateway.nextFailure = Failures.reason(Status.Code.ABORTED, ErrorReason.STALE_VERSION, Map.of("updated_by",
        "Rita Reception", "updated_at", "2026-11-30T08:00:00Z", "current_version", "4"));
    vm.remove(vm.rows().getFirst());
    assertTrue(vm.errorMessageProperty().get().contains("Rita Reception"), vm.errorMessageProperty().get());
    assertEquals(1, gateway.calls.size(), "no reading: the stream shows the entry as it is now");
  }

  @Test
  void anEntryAddedThroughTheDialogArrivesThroughTheStream() {
    vm.show(clinic, GENMED);
    feeds.last().last().snapshot(5);
    dialogs.added = entry(5, "NEW, Patient", 0, VisitType.CONSULTATION, "");
    vm.add();
    assertEquals("add General Medicine", dialogs.asked.getLast());
    assertEquals("NEW, Patient is on the wait list.", vm.noticeProperty().get());
    assertEquals(List.of(), gateway.calls);
    feeds.last().last().added(6, dialogs.added);
    assertEquals(List.of("NEW, Patient"), names());
  }

  @Test
  void theAddDialogSendsClinicianOrDepartmentDaysVisitTypeAndReason() {
    List<WaitListEntry> added = new ArrayList<>();
    AddToWaitListViewModel add = new AddToWaitListViewModel(Direct.ENGLISH, Direct.ERRORS, Direct.tasks(), gateway,
        new PatientSearchViewModel(Direct.ENGLISH, Direct.ERRORS, Direct.tasks(), timers,
            new org.hospital.client.patients.FakePatientDirectory(),
            new org.hospital.client.patients.RecordingNavigator()),
        clinic, GENMED, Clock.fixed(Instant.parse("2026-11-30T08:00:00Z"), ZoneOffset.UTC), added::add);
    assertEquals(List.of("Anyone in General Medicine", "Dr. Amara Okafor", "Dr. Daniel Doctor"),
        add.targets().stream().map(AddToWaitListViewModel.Target::label).toList());
    add.add();
    assertEquals("Choose the patient first: search and select a row.", add.errorMessageProperty().get());
    assertTrue(gateway.calls.isEmpty());

    add.choosePatient(PatientSummary.newBuilder().setId(42).setFamilyName("WHITE").setGivenNames("Tom").build());
    add.reasonProperty().set("  Wants mornings ");
    add.add();
    assertEquals("add 42 DEPARTMENT_ID=1 30/11..30/12 CONSULTATION Wants mornings", gateway.calls.getLast());
    add.targetProperty().set(add.targets().get(1));
    add.visitTypeProperty().set(VisitType.FOLLOW_UP);
    add.latestProperty().set(add.earliestProperty().get().plusDays(7));
    add.add();
    assertEquals("add 42 CLINICIAN_ID=11 30/11..7/12 FOLLOW_UP Wants mornings", gateway.calls.getLast());
    assertEquals(2, added.size());

    gateway.nextFailure = Failures.invalid(Map.of(), "latest", "OUT_OF_RANGE");
    add.add();
    assertTrue(!add.errorMessageProperty().get().isEmpty());
    assertEquals(2, added.size());
  }
}
