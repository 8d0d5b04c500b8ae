package org.hospital.server.wards;

import io.grpc.CallCredentials;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.ArrayList;
import java.util.List;
import org.hospital.proto.wards.v1.BedBoardUpdate;
import org.hospital.proto.wards.v1.BlockBedRequest;
import org.hospital.proto.wards.v1.SubscribeBedBoardRequest;
import org.hospital.proto.wards.v1.WardServiceGrpc;
import org.hospital.server.live.LiveFeedContract;
import org.hospital.server.testing.RecordedStream;
import org.hospital.server.testing.TestHospitalServer;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The bed board keeps the promises of every live feed; a change is a free bed taken out of service (one bed,
 * one event). Repeating it after a failure finds the bed blocked already (INVALID_TRANSITION or, with the
 * version seen before, STALE_VERSION), which a retry takes as done.
 */
@ParameterizedClass
@MethodSource("org.hospital.server.testing.TestDatabases#kinds")
class BedBoardFeedContractTest extends LiveFeedContract<BedBoardUpdate> {

  @Parameter
  String kind;

  private static WardHospital h;
  private static List<Long> freeBeds;
  private static int next;

  @BeforeParameterizedClassInvocation
  static void start(String kind) {
    h = WardHospital.start(kind);
    freeBeds = h.freeBeds();
    next = 0;
  }

  @AfterParameterizedClassInvocation
  static void stop() {
    h.close();
  }

  @Override
  protected String topic() {
    return "bed_board";
  }

  @Override
  protected String subscriber() {
    return "nurse";
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
  protected RecordedStream<?, BedBoardUpdate> subscribe(CallCredentials as, long afterSequence, boolean frozen) {
    return BedBoardSubscription.open(WardServiceGrpc.newStub(h.channel).withCallCredentials(as),
        SubscribeBedBoardRequest.newBuilder().setAfterSequence(afterSequence).build(), frozen);
  }

  @Override
  protected List<Runnable> changes(int count) {
    List<Runnable> changes = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      long bed = freeBeds.get(next++);
      BlockBedRequest block = BlockBedRequest.newBuilder().setBedId(bed).setExpectedVersion(h.bedVersion(bed))
          .setReason("Mattress replacement").build();
      changes.add(() -> {
        try {
          h.as("nurse").blockBed(block);
        } catch (StatusRuntimeException e) {
          Status.Code code = e.getStatus().getCode();
          if (code != Status.Code.FAILED_PRECONDITION && code != Status.Code.ABORTED) {
            throw e;
          }
        }
      });
    }
    return changes;
  }
}
