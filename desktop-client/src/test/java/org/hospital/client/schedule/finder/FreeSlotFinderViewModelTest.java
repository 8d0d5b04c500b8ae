package org.hospital.client.schedule.finder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.google.protobuf.Timestamp;
import io.grpc.Status;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.hospital.client.schedule.Clinic;
import org.hospital.client.schedule.FakeScheduleGateway;
import org.hospital.client.schedule.ScheduleText;
import org.hospital.client.testing.Direct;
import org.hospital.proto.scheduling.v1.Clinician;
import org.hospital.proto.scheduling.v1.Slot;
import org.junit.jupiter.api.Test;

class FreeSlotFinderViewModelTest {

  private static final ZoneId PRAGUE = ZoneId.of("Europe/Prague");
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-30T07:00:00Z"), PRAGUE);

  private final FakeScheduleGateway gateway = new FakeScheduleGateway();
  private final Clinic clinic = clinicWithSpecialties();
  private final FreeSlotFinderViewModel vm = new FreeSlotFinderViewModel(Direct.ENGLISH, Direct.ERRORS,
      new ScheduleText(Direct.ENGLISH), Direct.tasks(), gateway, CLOCK, clinic, FakeScheduleGateway.GENMED);

  private Clinic clinicWithSpecialties() {
    var response = gateway.listClinicians().toBuilder().clearClinicians()
        .addClinicians(FakeScheduleGateway.OKAFOR.toBuilder().setSpecialty("Internal medicine"))
        .addClinicians(FakeScheduleGateway.DOCTOR.toBuilder().setSpecialty("Internal medicine"))
        .addClinicians(FakeScheduleGateway.MOREAU.toBuilder().setSpecialty("Paediatrics")).build();
    gateway.calls.clear();
    return Clinic.of(response, PRAGUE);
  }

  private static Slot slot(Clinician who, String instant) {
    Instant at = Instant.parse(instant);
    return Slot.newBuilder().setClinicianId(who.getId()).setFree(true)
        .setStart(Timestamp.newBuilder().setSeconds(at.getEpochSecond())).build();
  }

  @Test
  void looksInTheDepartmentOnScreenFromTodayByDefault() {
    gateway.freeSlots = List.of(slot(FakeScheduleGateway.OKAFOR, "2026-12-01T08:20:00Z"),
        slot(FakeScheduleGateway.DOCTOR, "2026-12-01T09:00:00Z"));
    vm.search();
    assertEquals(List.of("findFreeSlots DEPARTMENT_ID 1 2026-11-30..2026-12-14"), gateway.calls);
    assertEquals(List.of("Tuesday, December 1, 2026, 09:20 \u00b7 Dr. Amara Okafor (General Medicine)",
        "Tuesday, December 1, 2026, 10:00 \u00b7 Dr. Daniel Doctor (General Medicine)"),
        vm.results().stream().map(Object::toString).toList());
    assertEquals(vm.results().getFirst(), vm.chosenProperty().get(), "the earliest is ready to book");
    assertEquals("2 free slots, earliest first. Enter or double-click books one.", vm.summaryProperty().get());
  }

  @Test
  void offersEachSpecialtyOnceAndAsksTheServerBySpecialty() {
    assertEquals(List.of("Internal medicine", "Paediatrics"), vm.specialties());
    vm.scopeProperty().set(FreeSlotFinderViewModel.Scope.SPECIALTY);
    vm.specialtyProperty().set("Paediatrics");
    vm.search();
    assertEquals(List.of("findFreeSlots SPECIALTY Paediatrics 2026-11-30..2026-12-14"), gateway.calls);
    assertEquals("No free slot in these days. Try later days or another clinician.", vm.summaryProperty().get());
    assertNull(vm.chosenProperty().get());
  }

  @Test
  void badRangesAreExplainedWithoutCallingTheServer() {
    vm.toProperty().set(LocalDate.of(2026, 11, 29));
    vm.search();
    assertEquals("Choose a first and a last day, the last not before the first.",
        vm.status().errorProperty().get());
    vm.fromProperty().set(LocalDate.of(2026, 11, 1));
    vm.search();
    assertEquals("The first day cannot be in the past.", vm.status().errorProperty().get());
    vm.fromProperty().set(LocalDate.of(2026, 12, 1));
    vm.toProperty().set(LocalDate.of(2027, 1, 15));
    vm.search();
    assertEquals("Look at most 31 days ahead at a time.", vm.status().errorProperty().get());
    vm.scopeProperty().set(FreeSlotFinderViewModel.Scope.CLINICIAN);
    vm.clinicianProperty().set(null);
    vm.toProperty().set(LocalDate.of(2026, 12, 20));
    vm.search();
    assertEquals("Choose where to look first.", vm.status().errorProperty().get());
    assertEquals(List.of(), gateway.calls);
  }

  @Test
  void aServerRefusalIsShownAndTheOldResultsCleared() {
    gateway.freeSlots = List.of(slot(FakeScheduleGateway.OKAFOR, "2026-12-01T08:20:00Z"));
    vm.search();
    gateway.nextFailure = Status.UNAVAILABLE.asRuntimeException();
    vm.search();
    assertEquals(1, vm.results().size(), "what was found stays until a new answer comes");
    assertNull(vm.chosenProperty().get());
    assertEquals(false, vm.status().errorProperty().get().isEmpty());
  }
}
