package org.hospital.client.patients.details;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.Status;
import org.hospital.client.patients.FakePatientDirectory;
import org.hospital.client.patients.RecordingNavigator;
import org.hospital.client.testing.Direct;
import org.hospital.client.testing.ManualExecutor;
import org.hospital.proto.patients.v1.Patient;
import org.junit.jupiter.api.Test;

class PatientDetailsViewModelTest {

  private final ManualExecutor background = new ManualExecutor();
  private final FakePatientDirectory directory = new FakePatientDirectory();
  private final PatientDetailsViewModel vm = new PatientDetailsViewModel(Direct.ERRORS, Direct.tasks(background),
      directory, new RecordingNavigator());

  @Test
  void showsTheRecordWithWhatTheFormSaidAboutIt() {
    directory.getAnswer = id -> Patient.newBuilder().setId(id).setMrn("10005").build();

    vm.load(5, "Registered as MRN 10005.");

    assertTrue(vm.loadingProperty().get());
    assertEquals("Registered as MRN 10005.", vm.noticeProperty().get());
    background.runAll();
    assertFalse(vm.loadingProperty().get());
    assertEquals("10005", vm.patientProperty().get().getMrn());
    assertEquals("Registered as MRN 10005.", vm.noticeProperty().get(), "reading the record keeps the notice");
  }

  @Test
  void aRecordThatCannotBeReadIsAnErrorInPlaceOfTheNotice() {
    directory.getAnswer = id -> {
      throw Status.UNAVAILABLE.asRuntimeException();
    };

    vm.load(5, "Changes saved.");
    background.runAll();

    assertFalse(vm.loadingProperty().get());
    assertEquals("", vm.noticeProperty().get(), "never a success and an error at once");
    assertTrue(vm.errorMessageProperty().get().startsWith("Cannot reach the server"),
        vm.errorMessageProperty().get());
  }

  @Test
  void openingAnotherPatientCallsOffTheFirstReadAndItsSpinner() {
    directory.getAnswer = id -> Patient.newBuilder().setId(id).build();
    vm.load(5, "");
    vm.back();
    assertFalse(vm.loadingProperty().get(), "the first read will never answer");
  }
}
