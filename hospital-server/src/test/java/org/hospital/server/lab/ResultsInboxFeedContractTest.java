package org.hospital.server.lab;

import io.grpc.CallCredentials;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.ArrayList;
import java.util.List;
import org.hospital.proto.lab.v1.LabOrder;
import org.hospital.proto.lab.v1.LabServiceGrpc;
import org.hospital.proto.lab.v1.RecordLabResultsRequest;
import org.hospital.proto.lab.v1.ResultsInboxUpdate;
import org.hospital.server.clinical.chart.ChartHospital;
import org.hospital.server.live.LiveFeedContract;
import org.hospital.server.testing.RecordedStream;
import org.hospital.server.testing.TestHospitalServer;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The doctor's results inbox keeps the promises of every live feed; a change is the lab entering a preliminary
 * TSH, through its own sign-in, on a received order the doctor placed (one order, one event). Repeating it after
 * a failure finds the order at a newer version (STALE_VERSION), which a retry takes as done.
 */
@ParameterizedClass
@MethodSource("org.hospital.server.testing.TestDatabases#kinds")
class ResultsInboxFeedContractTest extends LiveFeedContract<ResultsInboxUpdate> {

  @Parameter
  String kind;

  private static ChartHospital h;
  private static long encounter;

  @BeforeParameterizedClassInvocation
  static void start(String kind) {
    h = ChartHospital.start(kind);
    encounter = InboxOrders.encounter(h, "doctor", LabRpcTest.patient(h, "FEMALE"));
  }

  @AfterParameterizedClassInvocation
  static void stop() {
    h.close();
  }

  @Override
  protected String topic() {
    return "results_inbox";
  }

  @Override
  protected TestHospitalServer server() {
    return h.server;
  }

  @Override
  protected ManagedChannel channel() {
    return h.channel;
  }

  @Override
  protected RecordedStream<?, ResultsInboxUpdate> subscribe(CallCredentials as, long afterSequence,
      boolean frozen) {
    return ResultsInboxSubscription.open(LabServiceGrpc.newStub(h.channel).withCallCredentials(as), afterSequence,
        frozen);
  }

  @Override
  protected List<Runnable> changes(int count) {
    List<Runnable> changes = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      LabOrder o = InboxOrders.received(h, "doctor", encounter, InboxOrders.TSH);
      RecordLabResultsRequest record = RecordLabResultsRequest.newBuilder().setOrderId(o.getId())
          .setExpectedVersion(o.getVersion()).addEntries(LabRpcTest.entry(InboxOrders.TSH, "2." + i, "m[IU]/L"))
          .build();
      changes.add(() -> {
        try {
          LabRpcTest.lab(h, "lab").recordLabResults(record);
        } catch (StatusRuntimeException e) {
          if (e.getStatus().getCode() != Status.Code.ABORTED) {
            throw e;
          }
        }
      });
    }
    return changes;
  }
}
