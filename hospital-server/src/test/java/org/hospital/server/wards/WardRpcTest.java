package org.hospital.server.wards;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.List;
import java.util.Map;
import org.hospital.proto.clinical.v1.ChartServiceGrpc;
import org.hospital.proto.clinical.v1.ListEncountersRequest;
import org.hospital.proto.wards.v1.BedState;
import org.hospital.proto.wards.v1.BlockBedRequest;
import org.hospital.proto.wards.v1.Consciousness;
import org.hospital.proto.wards.v1.DischargeDestination;
import org.hospital.proto.wards.v1.DischargePatientRequest;
import org.hospital.proto.wards.v1.Escalation;
import org.hospital.proto.wards.v1.ListVitalsRequest;
import org.hospital.proto.wards.v1.MarkBedCleanRequest;
import org.hospital.proto.wards.v1.Observations;
import org.hospital.proto.wards.v1.RecordVitalsRequest;
import org.hospital.proto.wards.v1.SetSpo2ScaleRequest;
import org.hospital.proto.wards.v1.Stay;
import org.hospital.proto.wards.v1.SubscribeBedBoardRequest;
import org.hospital.proto.wards.v1.TransferPatientRequest;
import org.hospital.proto.wards.v1.VitalSigns;
import org.hospital.server.testing.BearerToken;
import org.hospital.server.testing.Errors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A stay from admission to a clean bed through the real server: the inpatient encounter in the chart, the
 * board's tiles and census as events at another desk, vitals with NEWS2 and their range checks, the SpO2
 * scale, and what each role may do. Refused calls write nothing.
 */
@ParameterizedClass
@MethodSource("org.hospital.server.testing.TestDatabases#kinds")
class WardRpcTest {

  @Parameter
  String kind;

  private static WardHospital h;

  @BeforeParameterizedClassInvocation
  static void start(String kind) {
    h = WardHospital.start(kind);
  }

  @AfterParameterizedClassInvocation
  static void stop() {
    h.close();
  }

  static Observations.Builder calm() {
    return Observations.newBuilder().setTemperatureDecicelsius(368).setPulsePerMinute(72).setSystolicMmhg(128)
        .setDiastolicMmhg(78).setRespiratoryRatePerMinute(16).setSpo2Percent(97).setOnOxygen(false)
        .setConsciousness(Consciousness.ALERT);
  }

  private static VitalSigns record(long stayId, Observations.Builder o) {
    return h.as("nurse").recordVitals(RecordVitalsRequest.newBuilder().setStayId(stayId).setObservations(o).build());
  }

  @Test
  void anAdmissionAtOneDeskArrivesOnAnotherDesksBoardAndTheStayRunsToACleanBed() throws Exception {
    BedBoardSubscription board = BedBoardSubscription.open(h.asyncAs("doctor"),
        SubscribeBedBoardRequest.getDefaultInstance(), false);
    board.awaitUpdates(1);
    long start = board.firstSequence();
    List<Long> free = h.freeBeds();
    long bed = free.getFirst();
    long patient = h.patientsNotInABed().getFirst();
    assertEquals(BedState.FREE, board.bed(bed).getBed().getState());

    Stay stay = h.admit("nurse", patient, bed);
    board.awaitSequence(start + 1);
    var tile = board.bed(bed);
    assertEquals(BedState.OCCUPIED, tile.getBed().getState());
    assertEquals(patient, tile.getOccupant().getPatientId());
    assertFalse(tile.getOccupant().getMrn().isEmpty());
    assertFalse(tile.getOccupant().hasLatestNews2());
    var census = board.events().getLast().getCensus();
    assertEquals(tile.getBed().getWardId(), census.getWardId());
    assertEquals(census.getBeds(), census.getFree() + census.getOccupied() + census.getReserved()
        + census.getNeedsCleaning() + census.getBlocked());

    var encounters = ChartServiceGrpc.newBlockingStub(h.channel).withCallCredentials(BearerToken.of(
        h.token("doctor"))).listEncounters(ListEncountersRequest.newBuilder().setPatientId(patient).build());
    var inpatient = encounters.getEncountersList().stream().filter(e -> e.getId() == stay.getEncounterId())
        .findFirst().orElseThrow();
    assertTrue(inpatient.toString().contains("INPATIENT"), inpatient::toString);

    VitalSigns high = record(stay.getId(), calm().setRespiratoryRatePerMinute(25).setSpo2Percent(93)
        .setOnOxygen(true).setTemperatureDecicelsius(398));
    assertEquals(3 + 2 + 2 + 2, high.getNews2().getTotal());
    assertEquals(Escalation.HIGH, high.getNews2().getEscalation());
    board.awaitSequence(start + 2);
    assertEquals(9, board.bed(bed).getOccupant().getLatestNews2().getTotal());
    assertEquals(Escalation.HIGH, board.bed(bed).getOccupant().getLatestNews2().getEscalation());

    long to = free.get(1);
    Stay moved = h.as("nurse").transferPatient(TransferPatientRequest.newBuilder().setStayId(stay.getId())
        .setExpectedVersion(stay.getVersion()).setToBedId(to).build());
    assertEquals(to, moved.getBedId());
    board.awaitSequence(start + 4);
    assertEquals(BedState.NEEDS_CLEANING, board.bed(bed).getBed().getState());
    assertEquals(patient, board.bed(to).getOccupant().getPatientId());
    assertEquals(9, board.bed(to).getOccupant().getLatestNews2().getTotal(), "the score moves with the patient");

    Stay out = h.as("nurse").dischargePatient(DischargePatientRequest.newBuilder().setStayId(moved.getId())
        .setExpectedVersion(moved.getVersion()).setDestination(DischargeDestination.HOME).build());
    assertTrue(out.hasDischargedAt());
    board.awaitSequence(start + 5);
    assertEquals(BedState.NEEDS_CLEANING, board.bed(to).getBed().getState());
    assertFalse(board.bed(to).hasOccupant());
    long ended = h.count("SELECT COUNT(*) FROM encounter WHERE id = " + stay.getEncounterId()
        + " AND status = 'ENDED'");
    assertEquals(1, ended, "discharge ends the inpatient encounter");

    var again = assertThrows(StatusRuntimeException.class, () -> h.as("nurse").dischargePatient(
        DischargePatientRequest.newBuilder().setStayId(out.getId()).setExpectedVersion(out.getVersion())
            .setDestination(DischargeDestination.HOME).build()));
    assertEquals("PATIENT_NOT_ADMITTED", Errors.info(again).getReason());

    var clean = h.as("nurse").markBedClean(MarkBedCleanRequest.newBuilder().setBedId(to)
        .setExpectedVersion(board.bed(to).getBed().getVersion()).build());
    assertEquals(BedState.FREE, clean.getState());
    board.awaitSequence(start + 6);
    assertEquals(BedState.FREE, board.bed(to).getBed().getState());
    board.cancel();
  }

  @Test
  void implausibleVitalsAreRefusedFieldByFieldAndWriteNothing() {
    Stay stay = h.admit("doctor", h.patientsNotInABed().get(1), h.freeBeds().getFirst());
    long before = h.count("SELECT COUNT(*) FROM vital_signs");
    var e = assertThrows(StatusRuntimeException.class, () -> record(stay.getId(), calm()
        .setTemperatureDecicelsius(3700).setPulsePerMinute(7).setSystolicMmhg(80).setDiastolicMmhg(90)
        .setSpo2Percent(101).setPainScore(11).setConsciousness(Consciousness.CONSCIOUSNESS_UNSPECIFIED)));
    assertEquals(Status.Code.INVALID_ARGUMENT, e.getStatus().getCode());
    assertEquals(Map.of("observations.temperature_decicelsius", "OUT_OF_RANGE",
        "observations.pulse_per_minute", "OUT_OF_RANGE", "observations.diastolic_mmhg", "OUT_OF_RANGE",
        "observations.spo2_percent", "OUT_OF_RANGE", "observations.pain_score", "OUT_OF_RANGE",
        "observations.consciousness", "REQUIRED"), Errors.violations(e));
    var future = assertThrows(StatusRuntimeException.class, () -> h.as("nurse").recordVitals(RecordVitalsRequest
        .newBuilder().setStayId(stay.getId()).setObservations(calm())
        .setTakenAt(com.google.protobuf.Timestamp.newBuilder().setSeconds(System.currentTimeMillis() / 1000
            + 3600)).build()));
    assertEquals(Map.of("taken_at", "IN_FUTURE"), Errors.violations(future));
    assertEquals(before, h.count("SELECT COUNT(*) FROM vital_signs"));

    VitalSigns fever = record(stay.getId(), calm().setTemperatureDecicelsius(398).setPainScore(4));
    assertEquals(2, fever.getParts().getTemperature());
    assertEquals(2, fever.getNews2().getTotal());
    assertEquals(Escalation.LOW, fever.getNews2().getEscalation());
    assertEquals(4, fever.getObservations().getPainScore());
    var listed = h.as("doctor").listVitals(ListVitalsRequest.newBuilder().setStayId(stay.getId()).build());
    assertEquals(List.of(fever), listed.getVitalsList());
  }

  @Test
  void aDoctorPutsAPatientOnSpo2Scale2AndTheScoreFollows() {
    Stay stay = h.admit("nurse", h.patientsNotInABed().get(2), h.freeBeds().getFirst());
    Observations.Builder copd = calm().setSpo2Percent(89);
    assertEquals(3, record(stay.getId(), copd).getNews2().getTotal());
    var nurse = assertThrows(StatusRuntimeException.class, () -> h.as("nurse").setSpo2Scale(SetSpo2ScaleRequest
        .newBuilder().setStayId(stay.getId()).setExpectedVersion(stay.getVersion()).setScale(2).build()));
    assertEquals(Status.Code.PERMISSION_DENIED, nurse.getStatus().getCode());
    Stay onScale2 = h.as("doctor").setSpo2Scale(SetSpo2ScaleRequest.newBuilder().setStayId(stay.getId())
        .setExpectedVersion(stay.getVersion()).setScale(2).build());
    assertEquals(2, onScale2.getSpo2Scale());
    VitalSigns v = record(stay.getId(), copd);
    assertEquals(0, v.getNews2().getTotal());
    assertEquals(2, v.getNews2().getSpo2Scale());
  }

  @Test
  void occupiedBlockedAndStaleBedsAreRefused() {
    List<Long> free = h.freeBeds();
    List<Long> patients = h.patientsNotInABed();
    Stay stay = h.admit("nurse", patients.get(3), free.getFirst());
    long stays = h.count("SELECT COUNT(*) FROM inpatient_stay");

    var taken = assertThrows(StatusRuntimeException.class, () -> h.admit("nurse", patients.get(4), free.getFirst()));
    assertEquals(Status.Code.FAILED_PRECONDITION, taken.getStatus().getCode());
    assertEquals("BED_UNAVAILABLE", Errors.info(taken).getReason());
    assertEquals("OCCUPIED", Errors.info(taken).getMetadataMap().get("state"));

    var twice = assertThrows(StatusRuntimeException.class, () -> h.admit("nurse", patients.get(3), free.get(1)));
    assertEquals("PATIENT_ALREADY_ADMITTED", Errors.info(twice).getReason());
    assertEquals(Long.toString(stay.getId()), Errors.info(twice).getMetadataMap().get("stay_id"));

    long blockedBed = free.get(2);
    h.as("nurse").blockBed(BlockBedRequest.newBuilder().setBedId(blockedBed)
        .setExpectedVersion(h.bedVersion(blockedBed)).setReason("Broken hoist").build());
    var blocked = assertThrows(StatusRuntimeException.class, () -> h.admit("nurse", patients.get(4), blockedBed));
    assertEquals("BLOCKED", Errors.info(blocked).getMetadataMap().get("state"));

    var stale = assertThrows(StatusRuntimeException.class, () -> h.as("nurse").blockBed(BlockBedRequest
        .newBuilder().setBedId(free.get(3)).setExpectedVersion(h.bedVersion(free.get(3)) + 1).setReason("x")
        .build()));
    assertEquals(Status.Code.ABORTED, stale.getStatus().getCode());

    var noReason = assertThrows(StatusRuntimeException.class, () -> h.as("nurse").admitPatient(
        org.hospital.proto.wards.v1.AdmitPatientRequest.newBuilder().setPatientId(patients.get(4))
            .setBedId(free.get(3)).setAdmittingDoctorId(h.doctorId).build()));
    assertEquals(Map.of("reason", "REQUIRED"), Errors.violations(noReason));
    var notADoctor = assertThrows(StatusRuntimeException.class, () -> h.as("nurse").admitPatient(
        org.hospital.proto.wards.v1.AdmitPatientRequest.newBuilder().setPatientId(patients.get(4))
            .setBedId(free.get(3)).setAdmittingDoctorId(h.count("SELECT id FROM staff_account"
                + " WHERE username = 'nurse'")).setReason("Fall").build()));
    assertEquals(Map.of("admitting_doctor_id", "UNKNOWN_ID"), Errors.violations(notADoctor));
    assertEquals(stays, h.count("SELECT COUNT(*) FROM inpatient_stay"), "refused admissions wrote nothing");
  }

  @Test
  void anAdmissionFromAConsultationEndsItAndAnotherPatientsEncounterIsRefused() {
    List<Long> patients = h.patientsNotInABed();
    var chart = ChartServiceGrpc.newBlockingStub(h.channel).withCallCredentials(BearerToken.of(h.token("doctor")));
    var consultation = chart.startEncounter(org.hospital.proto.clinical.v1.StartEncounterRequest.newBuilder()
        .setIdempotencyKey(java.util.UUID.randomUUID().toString()).setPatientId(patients.get(6))
        .setReason("Breathless on exertion").build());
    long bed = h.freeBeds().getFirst();
    var request = org.hospital.proto.wards.v1.AdmitPatientRequest.newBuilder().setBedId(bed)
        .setAdmittingDoctorId(h.doctorId).setReason("Heart failure").setFromEncounterId(consultation.getId());

    var wrongPatient = assertThrows(StatusRuntimeException.class, () -> h.as("nurse").admitPatient(request.clone()
        .setPatientId(patients.get(7)).build()));
    assertEquals(Map.of("from_encounter_id", "UNKNOWN_ID"), Errors.violations(wrongPatient));
    assertEquals(0, h.count("SELECT COUNT(*) FROM bed_occupancy WHERE bed_id = " + bed));

    Stay stay = h.as("nurse").admitPatient(request.setPatientId(patients.get(6)).build());
    assertEquals(1, h.count("SELECT COUNT(*) FROM encounter WHERE id = " + consultation.getId()
        + " AND status = 'ENDED'"), "the consultation ends where the stay begins");
    assertEquals(1, h.count("SELECT COUNT(*) FROM encounter WHERE id = " + stay.getEncounterId()
        + " AND kind = 'INPATIENT' AND status = 'OPEN'"));
  }

  @Test
  void aReservedBedTakesItsPatientAndADischargeCannotBeInTheFuture() {
    long bed = h.freeBeds().getFirst();
    var reserved = h.as("nurse").reserveBed(org.hospital.proto.wards.v1.ReserveBedRequest.newBuilder().setBedId(bed)
        .setExpectedVersion(h.bedVersion(bed)).setNote("From the emergency department").build());
    assertEquals(BedState.RESERVED, reserved.getState());
    assertEquals("From the emergency department", reserved.getNote());
    var clean = assertThrows(StatusRuntimeException.class, () -> h.as("nurse").markBedClean(MarkBedCleanRequest
        .newBuilder().setBedId(bed).setExpectedVersion(reserved.getVersion()).build()));
    assertEquals("INVALID_TRANSITION", Errors.info(clean).getReason());

    Stay stay = h.admit("nurse", h.patientsNotInABed().get(9), bed);
    var tomorrow = assertThrows(StatusRuntimeException.class, () -> h.as("nurse").dischargePatient(
        DischargePatientRequest.newBuilder().setStayId(stay.getId()).setExpectedVersion(stay.getVersion())
            .setDestination(DischargeDestination.HOME).setDischargedAt(com.google.protobuf.Timestamp.newBuilder()
                .setSeconds(System.currentTimeMillis() / 1000 + 86_400)).build()));
    assertEquals(Map.of("discharged_at", "IN_FUTURE"), Errors.violations(tomorrow));
    var noDestination = assertThrows(StatusRuntimeException.class, () -> h.as("nurse").dischargePatient(
        DischargePatientRequest.newBuilder().setStayId(stay.getId()).setExpectedVersion(stay.getVersion()).build()));
    assertEquals(Map.of("destination", "REQUIRED"), Errors.violations(noDestination));
    assertEquals(1, h.count("SELECT COUNT(*) FROM bed_occupancy WHERE stay_id = " + stay.getId()),
        "still in the bed");
  }

  @Test
  void onlyWardStaffSeeTheBoardAndOnlyNursesAndAdministratorsMovePatients() throws Exception {
    Stay atTheDesk = h.admit("reception", h.patientsNotInABed().get(8), h.freeBeds().getFirst());
    var vitalsAtTheDesk = assertThrows(StatusRuntimeException.class, () -> h.as("reception").recordVitals(
        RecordVitalsRequest.newBuilder().setStayId(atTheDesk.getId()).setObservations(calm()).build()));
    assertEquals(Status.Code.PERMISSION_DENIED, vitalsAtTheDesk.getStatus().getCode());
    assertEquals("", atTheDesk.getReason(), "the admission's reason is clinical: the desk writes it, not reads it");
    BedBoardSubscription billing = BedBoardSubscription.open(h.asyncAs("billing"),
        SubscribeBedBoardRequest.getDefaultInstance(), false);
    assertEquals(Status.Code.PERMISSION_DENIED, billing.awaitEnd().getCode());

    Stay stay = h.admit("doctor", h.patientsNotInABed().get(5), h.freeBeds().getFirst());
    var doctorMoves = assertThrows(StatusRuntimeException.class, () -> h.as("doctor").dischargePatient(
        DischargePatientRequest.newBuilder().setStayId(stay.getId()).setExpectedVersion(stay.getVersion())
            .setDestination(DischargeDestination.HOME).build()));
    assertEquals(Status.Code.PERMISSION_DENIED, doctorMoves.getStatus().getCode());
    record(stay.getId(), calm());

    // administrators and reception see the board, but not the early-warning score (clinical)
    for (String office : List.of("admin", "reception")) {
      BedBoardSubscription sub = BedBoardSubscription.open(h.asyncAs(office),
          SubscribeBedBoardRequest.getDefaultInstance(), false);
      sub.awaitUpdates(1);
      var tile = sub.bed(stay.getBedId());
      assertEquals(stay.getPatientId(), tile.getOccupant().getPatientId(), office);
      assertFalse(tile.getOccupant().hasLatestNews2(), office);
      sub.cancel();
    }
  }
}
