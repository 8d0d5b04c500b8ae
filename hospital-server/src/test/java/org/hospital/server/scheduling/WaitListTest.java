package org.hospital.server.scheduling;

import static org.hospital.server.scheduling.AppointmentLifecycleTest.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.hospital.proto.scheduling.v1.AddToWaitListRequest;
import org.hospital.proto.scheduling.v1.ListWaitListRequest;
import org.hospital.proto.scheduling.v1.RemoveFromWaitListRequest;
import org.hospital.proto.scheduling.v1.VisitType;
import org.hospital.proto.scheduling.v1.WaitListEntry;
import org.hospital.server.testing.Errors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/** The wait list through the real server. */
@ParameterizedClass
@MethodSource("org.hospital.server.testing.TestDatabases#kinds")
class WaitListTest {

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

  private static AddToWaitListRequest.Builder waitFor(int patient) {
    LocalDate today = LocalDate.now(h.zone);
    return AddToWaitListRequest.newBuilder().setPatientId(h.patients.get(patient))
        .setLatest(ScheduleHospital.date(today.plusDays(30))).setVisitType(VisitType.CONSULTATION)
        .setReason("Wants an earlier cardiology appointment");
  }

  private static List<Long> listed(ListWaitListRequest r) {
    return h.as("nurse").listWaitList(r).getEntriesList().stream().map(WaitListEntry::getId).toList();
  }

  @Test
  void patientsWaitOnceOldestFirstUntilTakenOff() throws Exception {
    long haddad = h.clinicianId("Dr. Samir Haddad");
    // a patient added twice at once (a retried call) waits once
    ExecutorService pool = Executors.newFixedThreadPool(6);
    List<Future<WaitListEntry>> adds = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      adds.add(pool.submit(() -> h.as("reception").addToWaitList(waitFor(50).setClinicianId(haddad).build())
          .getEntry()));
    }
    Set<Long> ids = new HashSet<>();
    for (Future<WaitListEntry> f : adds) {
      ids.add(f.get().getId());
    }
    pool.shutdown();
    assertEquals(1, ids.size());
    WaitListEntry first = h.as("reception").addToWaitList(waitFor(50).setClinicianId(haddad).build()).getEntry();
    assertEquals(3, first.getDepartmentId(), "the clinician's department (cardiology)");
    assertEquals(LocalDate.now(h.zone).getDayOfMonth(), first.getEarliest().getDay(), "earliest defaults to today");
    WaitListEntry second = h.as("supervisor").addToWaitList(waitFor(51).setDepartmentId(3).build()).getEntry();
    assertEquals(0, second.getClinicianId());

    assertEquals(List.of(first.getId(), second.getId()), listed(ListWaitListRequest.newBuilder()
        .addDepartmentIds(3).build()));
    assertEquals(List.of(first.getId()), listed(ListWaitListRequest.newBuilder().addClinicianIds(haddad).build()));
    assertEquals(List.of(), listed(ListWaitListRequest.newBuilder().addDepartmentIds(6).build()));

    RemoveFromWaitListRequest remove = RemoveFromWaitListRequest.newBuilder().setId(first.getId())
        .setExpectedVersion(first.getVersion()).setReason("Booked for next Tuesday").build();
    h.as("reception").removeFromWaitList(remove);
    StatusRuntimeException stale = expect(Status.Code.ABORTED, "STALE_VERSION",
        () -> h.as("reception").removeFromWaitList(remove));
    assertEquals("2", Errors.info(stale).getMetadataOrThrow("current_version"));
    assertEquals(List.of(second.getId()), listed(ListWaitListRequest.newBuilder().addDepartmentIds(3).build()));
    // once taken off, the patient may wait again
    WaitListEntry again = h.as("reception").addToWaitList(waitFor(50).setClinicianId(haddad).build()).getEntry();
    assertTrue(again.getId() != first.getId());
    assertEquals(2, h.count("SELECT COUNT(*) FROM audit_entry WHERE action = 'WAIT_LIST_ADDED' AND patient_id = "
        + h.patients.get(50)));
  }

  @Test
  void badAdditionsAreRefusedAndWriteNothing() {
    long before = h.count("SELECT COUNT(*) FROM wait_list_entry");
    LocalDate today = LocalDate.now(h.zone);
    StatusRuntimeException e = expect(Status.Code.INVALID_ARGUMENT, "VALIDATION_FAILED",
        () -> h.as("reception").addToWaitList(waitFor(52).setEarliest(ScheduleHospital.date(today.plusDays(10)))
            .setLatest(ScheduleHospital.date(today.plusDays(5))).setVisitTypeValue(77)
            .setReason("bell\u0007").build()));
    var v = Errors.violations(e);
    assertEquals("REQUIRED", v.get("clinician_id"));
    assertEquals("OUT_OF_RANGE", v.get("latest"));
    assertEquals("UNKNOWN_VALUE", v.get("visit_type"));
    assertEquals("INVALID_CHARACTERS", v.get("reason"));
    StatusRuntimeException far = expect(Status.Code.INVALID_ARGUMENT, "VALIDATION_FAILED",
        () -> h.as("reception").addToWaitList(waitFor(52).setDepartmentId(1)
            .setLatest(ScheduleHospital.date(today.plusDays(200))).build()));
    assertEquals("OUT_OF_RANGE", Errors.violations(far).get("latest"));
    StatusRuntimeException unknown = expect(Status.Code.INVALID_ARGUMENT, "VALIDATION_FAILED",
        () -> h.as("reception").addToWaitList(waitFor(52).setDepartmentId(999).setPatientId(987654).build()));
    assertEquals("UNKNOWN_ID", Errors.violations(unknown).get("department_id"));
    assertEquals("UNKNOWN_ID", Errors.violations(unknown).get("patient_id"));
    expect(Status.Code.PERMISSION_DENIED, "PERMISSION_DENIED",
        () -> h.as("billing").addToWaitList(waitFor(52).setDepartmentId(1).build()));
    assertEquals(before, h.count("SELECT COUNT(*) FROM wait_list_entry"));
  }
}
