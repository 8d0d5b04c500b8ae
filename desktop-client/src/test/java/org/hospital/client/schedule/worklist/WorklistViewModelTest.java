package org.hospital.client.schedule.worklist;

import static org.hospital.client.schedule.FakeScheduleGateway.DOCTOR;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.Timestamp;
import io.grpc.Status;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.hospital.client.schedule.FakeScheduleGateway;
import org.hospital.client.schedule.ScheduleFilter;
import org.hospital.client.schedule.ScheduleText;
import org.hospital.client.schedule.ScriptedFeeds;
import org.hospital.client.schedule.ScriptedStreams;
import org.hospital.client.testing.Direct;
import org.hospital.client.testing.Failures;
import org.hospital.client.testing.ManualScheduler;
import org.hospital.proto.common.v1.ErrorReason;
import org.hospital.proto.scheduling.v1.Appointment;
import org.hospital.proto.scheduling.v1.AppointmentStatus;
import org.junit.jupiter.api.Test;

class WorklistViewModelTest {

  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-30T08:30:00Z"), ZoneOffset.UTC);

  private final FakeScheduleGateway gateway = new FakeScheduleGateway();
  private final ManualScheduler timers = new ManualScheduler();
  private final ScriptedFeeds feeds = new ScriptedFeeds(timers);

  private WorklistViewModel worklist(long staffId) {
    WorklistViewModel vm = new WorklistViewModel(Direct.ENGLISH, Direct.ERRORS, new ScheduleText(Direct.ENGLISH),
        Direct.tasks(), gateway, feeds, timers, CLOCK, staffId);
    vm.start();
    return vm;
  }

  private static Appointment appointment(long id, String start, AppointmentStatus status) {
    Appointment a = ScriptedStreams.appointment(id, 1, status, DOCTOR.getId(), Instant.parse(start),
        "PATIENT" + id, "MRN-" + id);
    return a.toBuilder().setCheckedInAt(Timestamp.newBuilder().setSeconds(Instant.parse("2026-11-30T08:05:00Z")
        .getEpochSecond())).setConsultationStartedAt(Timestamp.newBuilder().setSeconds(
            Instant.parse("2026-11-30T08:20:00Z").getEpochSecond())).build();
  }

  @Test
  void followsTheDoctorsOwnScheduleForToday() {
    WorklistViewModel vm = worklist(FakeScheduleGateway.DOCTOR.getId());
    assertEquals(ScheduleFilter.clinician(DOCTOR.getId(), LocalDate.of(2026, 11, 30), LocalDate.of(2026, 11, 30)),
        feeds.last().filter());
    feeds.last().streams().last().snapshot(9,
        appointment(2, "2026-11-30T09:00:00Z", AppointmentStatus.BOOKED),
        appointment(1, "2026-11-30T08:30:00Z", AppointmentStatus.CHECKED_IN),
        appointment(3, "2026-11-30T08:00:00Z", AppointmentStatus.IN_CONSULTATION),
        appointment(4, "2026-11-30T10:00:00Z", AppointmentStatus.CANCELLED));

    assertEquals(List.of(3L, 1L, 2L), vm.entries().stream().map(e -> e.appointment().getId()).toList());
    assertEquals("25 min (since 09:05)", vm.entries().get(1).since());
    assertEquals("since 09:20", vm.entries().get(0).since());
    assertEquals("PATIENT3 \u00b7 MRN-3", vm.nowSeeingProperty().get());
    assertEquals("1 waiting \u00b7 1 still expected", vm.summaryProperty().get());
  }

  @Test
  void callsTheNextPatientAndSaysWhenNobodyWaits() {
    WorklistViewModel vm = worklist(FakeScheduleGateway.DOCTOR.getId());
    vm.callNextPatient();
    assertEquals("callNextPatient 0", gateway.calls.getLast(), "0: the signed-in doctor");
    assertEquals("Called: DOE, Jane \u00b7 MRN-1. The consultation has started.", vm.noticeProperty().get());

    gateway.nextFailure = Failures.reason(Status.Code.NOT_FOUND, ErrorReason.NOT_FOUND, Map.of());
    vm.callNextPatient();
    assertEquals("Nobody is waiting for you right now.", vm.errorMessageProperty().get());
    assertEquals("", vm.noticeProperty().get());
  }

  @Test
  void startsAndCompletesTheSelectedConsultation() {
    WorklistViewModel vm = worklist(FakeScheduleGateway.DOCTOR.getId());
    feeds.last().streams().last().snapshot(9,
        appointment(1, "2026-11-30T08:30:00Z", AppointmentStatus.CHECKED_IN),
        appointment(2, "2026-11-30T09:00:00Z", AppointmentStatus.BOOKED));

    vm.selectedProperty().set(vm.entries().get(1));
    vm.startConsultation();
    assertEquals("Select a patient who has arrived.", vm.errorMessageProperty().get());

    vm.selectedProperty().set(vm.entries().get(0));
    vm.startConsultation();
    assertEquals("updateStatus 1 v1 IN_CONSULTATION", gateway.calls.getLast());

    feeds.last().streams().last().event(10, appointment(1, "2026-11-30T08:30:00Z",
        AppointmentStatus.IN_CONSULTATION).toBuilder().setVersion(2).build());
    assertEquals(1, vm.selectedProperty().get().appointment().getId(), "the selection survives the update");
    vm.completeConsultation();
    assertEquals("updateStatus 1 v2 COMPLETED", gateway.calls.getLast());
  }

  @Test
  void anAccountWithoutAClinicianProfileIsToldSo() {
    WorklistViewModel vm = worklist(999);
    assertEquals("Your account has no clinician schedule, so there is no worklist to show.",
        vm.errorMessageProperty().get());
    assertTrue(feeds.opened.isEmpty());
  }
}
