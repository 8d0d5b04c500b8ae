package org.hospital.client.ward;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hospital.client.live.FeedObserver;
import org.hospital.client.patients.PatientDirectory;
import org.hospital.client.tasks.Cancellable;
import org.hospital.client.testing.Direct;
import org.hospital.client.testing.Failures;
import org.hospital.client.testing.ManualScheduler;
import org.hospital.proto.patients.v1.Patient;
import org.hospital.proto.patients.v1.PatientDemographics;
import org.hospital.proto.patients.v1.RegisterPatientResponse;
import org.hospital.proto.patients.v1.SearchPatientsResponse;
import org.hospital.proto.scheduling.v1.Clinician;
import org.hospital.proto.wards.v1.AdmitPatientRequest;
import org.hospital.proto.wards.v1.Bed;
import org.hospital.proto.wards.v1.BedBoardEvent;
import org.hospital.proto.wards.v1.BedBoardSnapshot;
import org.hospital.proto.wards.v1.BedBoardUpdate;
import org.hospital.proto.wards.v1.BedState;
import org.hospital.proto.wards.v1.BedTile;
import org.hospital.proto.wards.v1.DischargePatientRequest;
import org.hospital.proto.wards.v1.Escalation;
import org.hospital.proto.wards.v1.News2;
import org.hospital.proto.wards.v1.Observations;
import org.hospital.proto.wards.v1.Occupant;
import org.hospital.proto.wards.v1.Stay;
import org.hospital.proto.wards.v1.SubscribeBedBoardRequest;
import org.hospital.proto.wards.v1.TransferPatientRequest;
import org.hospital.proto.wards.v1.VitalSigns;
import org.hospital.proto.wards.v1.Ward;
import org.junit.jupiter.api.Test;

/**
 * The Ward area's state without the toolkit: the board follows its stream per ward with the census counted from
 * the tiles, the vitals form turns what was typed into the request (39,8 °C as 398) and shows the server's
 * field errors at their fields.
 */
class WardViewModelTest {

  static final Ward A = Ward.newBuilder().setId(1).setCode("A").setName("Ward A").build();
  static final Ward B = Ward.newBuilder().setId(2).setCode("B").setName("Ward B").build();

  /** The board's stream as the test scripts it, and the writes the view model asks for. */
  private static final class Board implements WardGateway {
    FeedObserver<BedBoardUpdate> stream;
    final List<Observations> recorded = new ArrayList<>();
    RuntimeException refuseVitals;

    @Override
    public Cancellable subscribe(SubscribeBedBoardRequest request, FeedObserver<BedBoardUpdate> observer) {
      stream = observer;
      return () -> { };
    }

    @Override
    public VitalSigns recordVitals(long stayId, Observations o) {
      if (refuseVitals != null) {
        throw refuseVitals;
      }
      recorded.add(o);
      return VitalSigns.newBuilder().setStayId(stayId).setObservations(o).setNews2(News2.newBuilder().setTotal(9)
          .setEscalation(Escalation.HIGH)).build();
    }

    @Override
    public List<Clinician> doctors() {
      return List.of(Clinician.newBuilder().setId(7).setDisplayName("Dr. Osei").build());
    }

    @Override
    public org.hospital.proto.reports.v1.PdfDocument wristband(long stayId) {
      throw new AssertionError("this test prints nothing");
    }

    @Override
    public org.hospital.proto.reports.v1.PdfDocument labels(long stayId, int count) {
      throw new AssertionError("this test prints nothing");
    }

    @Override
    public Stay admit(AdmitPatientRequest request) {
      throw new AssertionError("not used here");
    }

    @Override
    public Stay transfer(TransferPatientRequest request) {
      throw new AssertionError("not used here");
    }

    @Override
    public Stay discharge(DischargePatientRequest request) {
      throw new AssertionError("not used here");
    }

    @Override
    public Bed markClean(long bedId, long expectedVersion) {
      throw new AssertionError("not used here");
    }

    @Override
    public Bed block(long bedId, long expectedVersion, String reason) {
      throw new AssertionError("not used here");
    }

    @Override
    public Bed release(long bedId, long expectedVersion) {
      throw new AssertionError("not used here");
    }
  }

  private static final PatientDirectory NO_PATIENTS = new PatientDirectory() {
    @Override
    public SearchPatientsResponse search(String query, String pageToken) {
      return SearchPatientsResponse.getDefaultInstance();
    }

    @Override
    public Patient get(long id) {
      throw new AssertionError();
    }

    @Override
    public RegisterPatientResponse register(PatientDemographics d, boolean confirmedNew, String requestId) {
      throw new AssertionError();
    }

    @Override
    public Patient update(long id, long expectedVersion, PatientDemographics d) {
      throw new AssertionError();
    }
  };

  static BedTile bed(long id, Ward w, String label, BedState state, long version) {
    return BedTile.newBuilder().setBed(Bed.newBuilder().setId(id).setWardId(w.getId()).setLabel(label)
        .setState(state).setVersion(version)).build();
  }

  static BedTile occupied(long id, Ward w, String label, long version) {
    return bed(id, w, label, BedState.OCCUPIED, version).toBuilder().setOccupant(Occupant.newBuilder()
        .setStayId(100 + id).setPatientId(200 + id).setDisplayName("Quist, Ada").setMrn("10000042")
        .setAdmittedAt(com.google.protobuf.Timestamp.newBuilder().setSeconds(Instant.parse("2026-12-04T08:00:00Z")
            .getEpochSecond()))).build();
  }

  private final Board board = new Board();
  private final WardViewModel vm = new WardViewModel(board, NO_PATIENTS, Direct.ENGLISH, Direct.ERRORS,
      Direct.tasks(), Direct.EXECUTOR, new ManualScheduler(),
      Clock.fixed(Instant.parse("2026-12-07T09:00:00Z"), ZoneOffset.UTC), true, true,
      new org.hospital.client.reports.Printouts(java.nio.file.Path.of("target", "ward-printouts"), f -> { }));

  private void snapshot(BedTile... tiles) {
    board.stream.onNext(BedBoardUpdate.newBuilder().setSnapshot(BedBoardSnapshot.newBuilder().setSequence(10)
        .addWards(A).addWards(B).addAllBeds(List.of(tiles))).build());
  }

  private void event(long sequence, BedTile tile) {
    board.stream.onNext(BedBoardUpdate.newBuilder().setEvent(BedBoardEvent.newBuilder().setSequence(sequence)
        .setTile(tile)).build());
  }

  @Test
  void theBoardShowsTheFirstWardAndFollowsItsEvents() {
    vm.start();
    snapshot(bed(1, A, "1A", BedState.FREE, 1), occupied(2, A, "1B", 2), bed(3, A, "1C", BedState.NEEDS_CLEANING, 3),
        bed(4, B, "1A", BedState.FREE, 1));
    assertEquals(A, vm.wardProperty().get());
    assertEquals(List.of("1A", "1B", "1C"), vm.tiles().stream().map(t -> t.getBed().getLabel()).toList());
    assertEquals("1 of 3 beds occupied · 1 free · 1 to clean · 0 blocked · 0 reserved", vm.censusProperty().get());
    assertEquals(3, BedTileText.daysIn(vm.tiles().get(1), vm.clock()));
    assertEquals("Dr. Osei", vm.doctorProperty().get().getDisplayName());

    vm.selectedProperty().set(vm.tiles().getFirst());
    event(11, occupied(1, A, "1A", 2));
    assertEquals("2 of 3 beds occupied · 0 free · 1 to clean · 0 blocked · 0 reserved", vm.censusProperty().get());
    assertTrue(vm.selectedProperty().get().hasOccupant(), "the selected bed follows the board");
    event(12, occupied(2, A, "1B", 2).toBuilder().setOccupant(occupied(2, A, "1B", 2).getOccupant().toBuilder()
        .setLatestNews2(News2.newBuilder().setTotal(6).setEscalation(Escalation.MEDIUM))).build());
    assertEquals(6, vm.tiles().get(1).getOccupant().getLatestNews2().getTotal(), "a new score at the same bed version");

    vm.wardProperty().set(B);
    assertNull(vm.selectedProperty().get());
    assertEquals("0 of 1 beds occupied · 1 free · 0 to clean · 0 blocked · 0 reserved", vm.censusProperty().get());
    assertEquals(List.of(4L), vm.freeBeds().stream().map(t -> t.getBed().getId()).toList(),
        "transfer targets: the free beds of every ward");
  }

  @Test
  void vitalsAreSentAsTypedAndTheServersFieldErrorsAppearAtTheirFields() {
    vm.start();
    snapshot(occupied(2, A, "1B", 2));
    vm.selectedProperty().set(vm.tiles().getFirst());
    VitalsForm f = vm.vitals();
    f.value(VitalsForm.TEMPERATURE).set("39,8");
    f.value(VitalsForm.PULSE).set("72");
    f.value(VitalsForm.SYSTOLIC).set("128");
    f.value(VitalsForm.DIASTOLIC).set("78");
    f.value(VitalsForm.RESPIRATION).set("2x");
    f.value(VitalsForm.SPO2).set("93");
    vm.recordVitals();
    assertEquals("Not a number.", f.error(VitalsForm.RESPIRATION).get());
    assertTrue(board.recorded.isEmpty(), "nothing is sent while a number is not a number");

    f.value(VitalsForm.RESPIRATION).set("25");
    board.refuseVitals = Failures.invalid(Map.of(), "observations.temperature_decicelsius", "OUT_OF_RANGE");
    vm.recordVitals();
    assertEquals("Out of the allowed range.", f.error(VitalsForm.TEMPERATURE).get());
    assertEquals("Check the marked fields.", vm.status().errorProperty().get());

    board.refuseVitals = null;
    f.onOxygenProperty().set(true);
    vm.recordVitals();
    Observations sent = board.recorded.getFirst();
    assertEquals(398, sent.getTemperatureDecicelsius());
    assertEquals(25, sent.getRespiratoryRatePerMinute());
    assertTrue(sent.getOnOxygen());
    assertTrue(!sent.hasPainScore(), "pain not assessed is left out");
    assertEquals("NEWS2 9 · High: emergency response", vm.lastNews2Property().get());
    assertEquals("", f.value(VitalsForm.TEMPERATURE).get(), "the form is ready for the next set");
    assertEquals("", f.error(VitalsForm.TEMPERATURE).get());
  }
}
