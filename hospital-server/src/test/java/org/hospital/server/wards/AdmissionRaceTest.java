package org.hospital.server.wards;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.hospital.server.persistence.UniqueViolation;
import org.hospital.server.testing.Errors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Many desks racing through the real gRPC server: for one bed, exactly one admission wins and the others are
 * told BED_UNAVAILABLE; for one patient sent to many beds, exactly one wins and the others are told
 * PATIENT_ALREADY_ADMITTED. Behind the services, the database itself refuses a second patient in a bed and a
 * second bed for a patient.
 */
@ParameterizedClass
@MethodSource("org.hospital.server.testing.TestDatabases#kinds")
class AdmissionRaceTest {

  static final int DESKS = 12;

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

  /** Runs the calls at once (released together) and counts outcomes by reason ("OK" for a success). */
  private static Map<String, Integer> race(List<Runnable> calls) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(calls.size());
    CountDownLatch go = new CountDownLatch(1);
    Map<String, Integer> outcomes = new ConcurrentHashMap<>();
    try {
      List<Future<?>> done = new ArrayList<>();
      for (Runnable call : calls) {
        done.add(pool.submit(() -> {
          go.await();
          try {
            call.run();
            outcomes.merge("OK", 1, Integer::sum);
          } catch (StatusRuntimeException e) {
            assertEquals(Status.Code.FAILED_PRECONDITION, e.getStatus().getCode(), e.toString());
            outcomes.merge(Errors.info(e).getReason(), 1, Integer::sum);
          }
          return null;
        }));
      }
      go.countDown();
      for (Future<?> f : done) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }
    return outcomes;
  }

  @Test
  void manyDesksAdmittingToOneBedExactlyOneWins() throws Exception {
    long bed = h.freeBeds().getFirst();
    List<Long> patients = h.patientsNotInABed().subList(0, DESKS);
    List<Runnable> calls = new ArrayList<>();
    for (int i = 0; i < DESKS; i++) {
      long patient = patients.get(i);
      String desk = i % 2 == 0 ? "nurse" : "doctor";
      calls.add(() -> h.admit(desk, patient, bed));
    }
    assertEquals(Map.of("OK", 1, "BED_UNAVAILABLE", DESKS - 1), race(calls));
    assertEquals(1, h.count("SELECT COUNT(*) FROM bed_occupancy WHERE bed_id = " + bed));
    assertEquals(1, h.count("SELECT COUNT(*) FROM inpatient_stay WHERE bed_id = " + bed));
    assertEquals(1, h.count("SELECT COUNT(*) FROM encounter WHERE kind = 'INPATIENT' AND patient_id IN ("
        + String.join(",", patients.stream().map(String::valueOf).toList()) + ")"), "the losers wrote nothing");
  }

  @Test
  void onePatientSentToManyBedsAtOnceLiesInOne() throws Exception {
    long patient = h.patientsNotInABed().getLast();
    List<Long> beds = h.freeBeds().subList(0, DESKS);
    List<Runnable> calls = new ArrayList<>();
    for (long bed : beds) {
      calls.add(() -> h.admit("nurse", patient, bed));
    }
    assertEquals(Map.of("OK", 1, "PATIENT_ALREADY_ADMITTED", DESKS - 1), race(calls));
    assertEquals(1, h.count("SELECT COUNT(*) FROM bed_occupancy WHERE patient_id = " + patient));
    assertEquals(1, h.count("SELECT COUNT(*) FROM inpatient_stay WHERE patient_id = " + patient));
  }

  @Test
  void theDatabaseRefusesASecondPatientInABedAndASecondBedForAPatient() {
    long occupiedBed = h.ids("SELECT bed_id FROM bed_occupancy ORDER BY bed_id").getFirst();
    long patientInBed = h.ids("SELECT patient_id FROM bed_occupancy ORDER BY bed_id").getFirst();
    // a stay that has ended, so that only the constraint under test can object
    List<Long> free = h.freeBeds();
    long otherPatient = h.patientsNotInABed().getFirst();
    var stay = h.admit("nurse", otherPatient, free.getFirst());
    h.as("nurse").dischargePatient(org.hospital.proto.wards.v1.DischargePatientRequest.newBuilder()
        .setStayId(stay.getId()).setExpectedVersion(stay.getVersion())
        .setDestination(org.hospital.proto.wards.v1.DischargeDestination.HOME).build());

    var twoInOneBed = h.tryExecute("INSERT INTO bed_occupancy (bed_id, patient_id, stay_id, since) VALUES ("
        + occupiedBed + ", " + otherPatient + ", " + stay.getId() + ", CURRENT_TIMESTAMP)");
    assertNotNull(twoInOneBed, "a second patient in an occupied bed");
    assertEquals(UniqueViolation.SQLSTATE, twoInOneBed.getSQLState(), twoInOneBed.toString());

    var twoBeds = h.tryExecute("INSERT INTO bed_occupancy (bed_id, patient_id, stay_id, since) VALUES ("
        + free.get(1) + ", " + patientInBed + ", " + stay.getId() + ", CURRENT_TIMESTAMP)");
    assertNotNull(twoBeds, "a second bed for a patient in one");
    assertTrue(UniqueViolation.of(twoBeds, "bed_occupancy_one_bed_per_patient"), twoBeds.toString());
  }
}
