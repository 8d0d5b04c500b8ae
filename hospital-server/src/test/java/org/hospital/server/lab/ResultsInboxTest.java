package org.hospital.server.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.List;
import org.hospital.proto.lab.v1.AcknowledgeResultsRequest;
import org.hospital.proto.lab.v1.CorrectLabResultRequest;
import org.hospital.proto.lab.v1.LabOrder;
import org.hospital.proto.lab.v1.LabServiceGrpc;
import org.hospital.proto.lab.v1.RecordLabResultsRequest;
import org.hospital.proto.lab.v1.ResultsInboxItem;
import org.hospital.server.clinical.chart.ChartHospital;
import org.hospital.server.testing.BearerToken;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The results inbox through the real server on H2 and PostgreSQL: the lab's results reach the ordering doctor
 * live and no other doctor; critical first; acknowledging (audited, version-checked, the ordering doctor only)
 * takes an order out, and a correction afterwards brings it back.
 */
class ResultsInboxTest {

  private static final String TSH_UNIT = "m[IU]/L";

  @ParameterizedTest
  @MethodSource("org.hospital.server.testing.TestDatabases#kinds")
  void resultsReachTheOrderingDoctorOnlyCriticalFirstAndAcknowledgingTakesThemOutUntilACorrection(String kind)
      throws Exception {
    try (ChartHospital h = ChartHospital.start(kind)) {
      long patient = LabRpcTest.patient(h, "MALE");
      long mine = InboxOrders.encounter(h, "doctor", patient);
      long theirs = InboxOrders.encounter(h, "dr.okafor", patient);
      ResultsInboxSubscription doctor = subscribe(h, "doctor");
      ResultsInboxSubscription other = subscribe(h, "dr.okafor");
      doctor.awaitUpdates(1);
      other.awaitUpdates(1);
      assertEquals(List.of(), doctor.orderIds(), "nothing resulted yet");

      LabOrder tsh = InboxOrders.received(h, "doctor", mine, InboxOrders.TSH);
      LabOrder bmp = InboxOrders.received(h, "doctor", mine, InboxOrders.BMP);
      LabOrder okafors = InboxOrders.received(h, "dr.okafor", theirs, InboxOrders.TSH);
      long start = h.server.server().liveFeeds().feed("results_inbox").log().latest();
      assertEquals(List.of(), doctor.orderIds(), "a received order without results is not in the inbox");

      LabOrder tshFinal = lab(h).recordLabResults(RecordLabResultsRequest.newBuilder().setOrderId(tsh.getId())
          .setExpectedVersion(tsh.getVersion()).setFinal(true)
          .addEntries(LabRpcTest.entry(InboxOrders.TSH, "2.1", TSH_UNIT)).build());
      doctor.awaitSequence(start + 1);
      assertFalse(doctor.item(tsh.getId()).getCritical());
      assertEquals(tshFinal.getVersion(), doctor.item(tsh.getId()).getOrder().getVersion());

      LabOrder potassium = lab(h).recordLabResults(RecordLabResultsRequest.newBuilder().setOrderId(bmp.getId())
          .setExpectedVersion(bmp.getVersion()).addEntries(LabRpcTest.entry("2823-3", "6.9", "mmol/L")).build());
      doctor.awaitSequence(start + 2);
      assertTrue(doctor.item(bmp.getId()).getCritical(), "potassium 6.9 is critically high");

      lab(h).recordLabResults(RecordLabResultsRequest.newBuilder().setOrderId(okafors.getId())
          .setExpectedVersion(okafors.getVersion()).addEntries(LabRpcTest.entry(InboxOrders.TSH, "3.0", TSH_UNIT))
          .build());
      other.awaitSequence(start + 3);
      assertEquals(List.of(okafors.getId()), other.orderIds(), "another doctor sees only the own order");
      assertEquals(List.of(start + 3), other.eventSequences());

      ResultsInboxSubscription fresh = subscribe(h, "doctor");
      fresh.awaitUpdates(1);
      assertEquals(List.of(bmp.getId(), tsh.getId()), fresh.snapshotItems().stream()
          .map(i -> i.getOrder().getId()).toList(), "the critical order first, though the older one");
      assertEquals(List.of(start + 1, start + 2), doctor.eventSequences(), "nothing of the other doctor's");
      fresh.cancel();

      long audited = h.count("SELECT COUNT(*) FROM audit_entry WHERE action = 'LAB_RESULTS_ACKNOWLEDGED'");
      refused(h, Status.Code.PERMISSION_DENIED, () -> inbox(h, "dr.okafor").acknowledgeResults(ack(tshFinal)));
      refused(h, Status.Code.ABORTED, () -> inbox(h, "doctor").acknowledgeResults(AcknowledgeResultsRequest
          .newBuilder().setOrderId(tsh.getId()).setVersion(tsh.getVersion()).build()));
      refused(h, Status.Code.INVALID_ARGUMENT, () -> inbox(h, "doctor").acknowledgeResults(AcknowledgeResultsRequest
          .newBuilder().setVersion(1).build()));
      refused(h, Status.Code.NOT_FOUND, () -> inbox(h, "doctor").acknowledgeResults(AcknowledgeResultsRequest
          .newBuilder().setOrderId(tsh.getId() + 1000).setVersion(1).build()));
      LabOrder receivedOnly = InboxOrders.received(h, "doctor", mine, InboxOrders.TSH);
      refused(h, Status.Code.FAILED_PRECONDITION, () -> inbox(h, "doctor").acknowledgeResults(ack(receivedOnly)));
      refused(h, Status.Code.PERMISSION_DENIED, () -> inbox(h, "lab").acknowledgeResults(ack(tshFinal)));

      inbox(h, "doctor").acknowledgeResults(ack(tshFinal));
      doctor.awaitSequence(start + 4);
      assertEquals(tsh.getId(), doctor.updates().getLast().getEvent().getRemovedOrderId());
      assertEquals(tshFinal.getVersion(), doctor.updates().getLast().getEvent().getRemovedVersion());
      assertEquals(List.of(bmp.getId()), doctor.orderIds(), "acknowledged: out of the inbox");
      assertEquals(audited + 1, h.count("SELECT COUNT(*) FROM audit_entry WHERE action = 'LAB_RESULTS_ACKNOWLEDGED'"
          + " AND patient_id = " + patient));
      ResultsInboxSubscription afterAck = subscribe(h, "doctor");
      afterAck.awaitUpdates(1);
      assertEquals(List.of(bmp.getId()), afterAck.orderIds(), "and out of a new snapshot");
      afterAck.cancel();

      LabOrder corrected = lab(h).correctLabResult(CorrectLabResultRequest.newBuilder().setOrderId(tsh.getId())
          .setExpectedVersion(tshFinal.getVersion()).setEntry(LabRpcTest.entry(InboxOrders.TSH, "6.5", TSH_UNIT))
          .setReason("Sample mix-up at the analyser").build());
      doctor.awaitSequence(start + 5);
      ResultsInboxItem back = doctor.item(tsh.getId());
      assertEquals(corrected.getVersion(), back.getOrder().getVersion(), "the correction brings it back");
      assertEquals("6.5", back.getOrder().getResults(0).getValue());
      refused(h, Status.Code.ABORTED, () -> inbox(h, "doctor").acknowledgeResults(ack(tshFinal)));

      assertTrue(potassium.getVersion() > 0);
      doctor.cancel();
      other.cancel();
    }
  }

  private static ResultsInboxSubscription subscribe(ChartHospital h, String doctor) {
    return ResultsInboxSubscription.open(LabServiceGrpc.newStub(h.channel)
        .withCallCredentials(BearerToken.of(h.token(doctor))), 0, false);
  }

  private static AcknowledgeResultsRequest ack(LabOrder o) {
    return AcknowledgeResultsRequest.newBuilder().setOrderId(o.getId()).setVersion(o.getVersion()).build();
  }

  private static LabServiceGrpc.LabServiceBlockingStub lab(ChartHospital h) {
    return LabRpcTest.lab(h, "lab");
  }

  private static LabServiceGrpc.LabServiceBlockingStub inbox(ChartHospital h, String doctor) {
    return LabRpcTest.lab(h, doctor);
  }

  private static long acknowledgementRows(ChartHospital h) {
    return h.count("SELECT (SELECT COUNT(*) FROM lab_results_acknowledgement)"
        + " + (SELECT COUNT(*) FROM results_inbox_event)");
  }

  private static void refused(ChartHospital h, Status.Code code, Executable call) {
    long before = acknowledgementRows(h);
    StatusRuntimeException e = assertThrows(StatusRuntimeException.class, call);
    assertEquals(code, e.getStatus().getCode(), e.getStatus().toString());
    assertEquals(before, acknowledgementRows(h), "a refused acknowledgement writes nothing");
  }
}
