package org.hospital.client.patients.form;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.Status;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.hospital.client.dialogs.DuplicateDecision;
import org.hospital.client.dialogs.ScriptedDialogs;
import org.hospital.client.dialogs.StaleSaveDecision;
import org.hospital.client.patients.FakePatientDirectory;
import org.hospital.client.patients.RecordingNavigator;
import org.hospital.client.testing.Direct;
import org.hospital.client.testing.Failures;
import org.hospital.proto.common.v1.ErrorReason;
import org.hospital.proto.patients.v1.DuplicateCandidates;
import org.hospital.proto.patients.v1.Patient;
import org.hospital.proto.patients.v1.PatientDemographics;
import org.hospital.proto.patients.v1.RegisterPatientResponse;
import org.hospital.proto.patients.v1.Sex;
import org.junit.jupiter.api.Test;

class PatientFormViewModelTest {

  private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);

  private final FakePatientDirectory directory = new FakePatientDirectory();
  private final RecordingNavigator navigator = new RecordingNavigator();
  private final ScriptedDialogs dialogs = new ScriptedDialogs();
  private final AtomicInteger ids = new AtomicInteger();
  private final PatientFormViewModel vm = new PatientFormViewModel(Direct.ENGLISH, Direct.ERRORS, Direct.tasks(),
      directory, navigator, dialogs, () -> "request-" + ids.incrementAndGet(), () -> TODAY);

  private void fillValid() {
    PatientFields f = vm.fields();
    f.familyName().set("Novak");
    f.givenNames().set("Jana");
    f.birthDate().set(LocalDate.of(1980, 3, 2));
    f.sex().set(Sex.SEX_FEMALE);
    f.country().set("cz");
  }

  private static Patient patient(long id, long version, String family) {
    return Patient.newBuilder().setId(id).setMrn("1000" + id).setVersion(version).setUpdatedBy("Dr. Who")
        .setDemographics(PatientDemographics.newBuilder().setFamilyName(family).setGivenNames("Jana")
            .setBirthDate(org.hospital.proto.common.v1.Date.newBuilder().setYear(1980).setMonth(3).setDay(2))
            .setSex(Sex.SEX_FEMALE))
        .build();
  }

  @Test
  void requiredFieldsAreMarkedAndNothingIsSent() {
    vm.save();
    assertEquals("Required.", vm.fields().familyName().errorProperty().get());
    assertEquals("Required.", vm.fields().givenNames().errorProperty().get());
    assertEquals("Required.", vm.fields().birthDate().errorProperty().get());
    assertEquals("Required.", vm.fields().sex().errorProperty().get());
    assertEquals("", vm.fields().phone().errorProperty().get());
    assertEquals("Please correct the marked fields.", vm.formErrorProperty().get());
    assertTrue(directory.registrations.isEmpty());
  }

  @Test
  void limitsFutureDatesUnreadableDatesAndCountryCodes() {
    fillValid();
    vm.fields().familyName().set("x".repeat(101));
    vm.fields().postalCode().set("1".repeat(21));
    vm.fields().birthDate().set(TODAY.plusDays(1));
    vm.fields().country().set("CZE");
    vm.fields().email().set("not-an-email");
    vm.save();
    assertEquals("Too long: at most 100 characters.", vm.fields().familyName().errorProperty().get());
    assertEquals("Too long: at most 20 characters.", vm.fields().postalCode().errorProperty().get());
    assertEquals("Cannot be in the future.", vm.fields().birthDate().errorProperty().get());
    assertEquals("Not in the expected format.", vm.fields().country().errorProperty().get());
    assertEquals("Not in the expected format.", vm.fields().email().errorProperty().get());

    vm.fields().birthDateUnreadableProperty().set(true);
    vm.save();
    assertTrue(vm.fields().birthDate().errorProperty().get().startsWith("Not a valid date"));
  }

  @Test
  void editingAFieldClearsItsMessage() {
    vm.save();
    vm.fields().familyName().set("N");
    assertFalse(vm.fields().familyName().hasError());
  }

  @Test
  void registersAndOpensTheNewPatientWithItsMrn() {
    fillValid();
    directory.registerAnswer = r -> RegisterPatientResponse.newBuilder().setPatient(patient(7, 1, "Novak")).build();
    vm.save();
    var sent = directory.registrations.getFirst();
    assertFalse(sent.confirmedNew());
    assertEquals("CZ", sent.demographics().getAddress().getCountry());
    assertEquals("details:7:Patient registered with MRN 10007.", navigator.last());
  }

  @Test
  void serverFieldViolationsAppearNextToTheirFields() {
    fillValid();
    directory.registerAnswer = r -> {
      throw Failures.invalid(Map.of(), "demographics.phone", "INVALID_FORMAT", "demographics.address.city",
          "INVALID_CHARACTERS", "demographics.mystery", "REQUIRED");
    };
    vm.save();
    assertEquals("Not in the expected format.", vm.fields().phone().errorProperty().get());
    assertEquals("Contains characters that are not allowed.", vm.fields().city().errorProperty().get());
    assertEquals("demographics.mystery: Required.", vm.formErrorProperty().get());
  }

  @Test
  void duplicatesAskAndRegisterAsNewResendsTheSameRequestConfirmed() {
    fillValid();
    directory.registerAnswer = r -> r.confirmedNew()
        ? RegisterPatientResponse.newBuilder().setPatient(patient(8, 1, "Novak")).build()
        : RegisterPatientResponse.newBuilder().setDuplicates(DuplicateCandidates.newBuilder()
            .addCandidates(FakePatientDirectory.summary(3, "Novak", "Jana"))).build();
    dialogs.duplicateAnswer = new DuplicateDecision.RegisterAsNew();
    vm.save();
    assertEquals(1, dialogs.duplicateQuestions.size());
    assertEquals(2, directory.registrations.size());
    assertTrue(directory.registrations.get(1).confirmedNew());
    assertEquals(directory.registrations.get(0).requestId(), directory.registrations.get(1).requestId());
    assertEquals("details:8:Patient registered with MRN 10008.", navigator.last());
  }

  @Test
  void duplicatesOpenTheChosenExistingPatient() {
    fillValid();
    directory.registerAnswer = r -> RegisterPatientResponse.newBuilder().setDuplicates(DuplicateCandidates
        .newBuilder().addCandidates(FakePatientDirectory.summary(3, "Novak", "Jana"))).build();
    dialogs.duplicateAnswer = new DuplicateDecision.OpenExisting(3);
    vm.save();
    assertEquals("details:3", navigator.last());
  }

  @Test
  void aRetryOfTheSameContentKeepsItsRequestIdAndNewContentGetsANewOne() {
    fillValid();
    directory.registerAnswer = r -> {
      throw Status.DEADLINE_EXCEEDED.asRuntimeException();
    };
    vm.save();
    vm.save();
    vm.fields().phone().set("+420 601 123 456");
    vm.save();
    List<String> requestIds = directory.registrations.stream().map(FakePatientDirectory.Registration::requestId)
        .toList();
    assertEquals(List.of("request-1", "request-1", "request-2"), requestIds);
    assertEquals("The server is too slow to answer. Please try again.", vm.formErrorProperty().get());
  }

  @Test
  void editSendsTheVersionItWasFilledFrom() {
    vm.edit(patient(5, 3, "Novak"));
    vm.fields().phone().set("+420 601 000 000");
    directory.updateAnswer = u -> patient(5, 4, "Novak");
    vm.save();
    assertEquals(3, directory.updates.getFirst().expectedVersion());
    assertEquals("details:5:Changes saved.", navigator.last());
  }

  @Test
  void staleSaveTellsWhoAndReloadingTakesTheirVersion() {
    vm.edit(patient(5, 3, "Novak"));
    vm.fields().familyName().set("Mine");
    directory.updateAnswer = u -> {
      throw Failures.reason(Status.Code.ABORTED, ErrorReason.STALE_VERSION,
          Map.of("updated_by", "Nurse Ratched", "updated_at", "2026-11-22T09:30:00Z", "current_version", "4"));
    };
    directory.getAnswer = id -> patient(5, 4, "Theirs");
    dialogs.staleAnswer = StaleSaveDecision.RELOAD_THEIR_VERSION;
    vm.save();
    assertTrue(dialogs.staleQuestions.getFirst().startsWith("Nurse Ratched at "), dialogs.staleQuestions.toString());
    assertEquals("Theirs", vm.fields().familyName().get());

    directory.updateAnswer = u -> patient(5, 5, "Theirs");
    vm.save();
    assertEquals(4, directory.updates.get(1).expectedVersion());
  }

  @Test
  void keepEditingKeepsMyEditsAndTheOldVersion() {
    vm.edit(patient(5, 3, "Novak"));
    vm.fields().familyName().set("Mine");
    directory.updateAnswer = u -> {
      throw Failures.reason(Status.Code.ABORTED, ErrorReason.STALE_VERSION,
          Map.of("updated_by", "Nurse Ratched", "updated_at", "2026-11-22T09:30:00Z"));
    };
    dialogs.staleAnswer = StaleSaveDecision.KEEP_EDITING;
    vm.save();
    vm.save();
    assertEquals("Mine", vm.fields().familyName().get());
    assertEquals(List.of(3L, 3L), directory.updates.stream().map(FakePatientDirectory.Update::expectedVersion)
        .toList());
  }
}
