package org.hospital.server.scheduling;

import io.grpc.CallCredentials;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.hospital.proto.scheduling.v1.AddToWaitListRequest;
import org.hospital.proto.scheduling.v1.SchedulingServiceGrpc;
import org.hospital.proto.scheduling.v1.SubscribeWaitListRequest;
import org.hospital.proto.scheduling.v1.VisitType;
import org.hospital.proto.scheduling.v1.WaitListUpdate;
import org.hospital.server.live.LiveFeedContract;
import org.hospital.server.testing.RecordedStream;
import org.hospital.server.testing.TestHospitalServer;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The live wait list keeps the promises of every live feed; a change is a patient added to a department's
 * list. Adding is repeatable: a patient already waiting for that department is answered ALREADY_EXISTS,
 * which a retry takes as done.
 */
@ParameterizedClass
@MethodSource("org.hospital.server.testing.TestDatabases#kinds")
class WaitListFeedContractTest extends LiveFeedContract<WaitListUpdate> {

  @Parameter
  String kind;

  private static ScheduleHospital h;
  private static List<Long> departments;
  /** The next (patient, department) pair not yet on a list. */
  private static int next;

  @BeforeParameterizedClassInvocation
  static void start(String kind) {
    h = ScheduleHospital.start(kind);
    departments = new ArrayList<>();
    h.query("SELECT id FROM department ORDER BY id", rs -> departments.add(rs.getLong(1)));
    next = 0;
  }

  @AfterParameterizedClassInvocation
  static void stop() {
    h.close();
  }

  @Override
  protected String topic() {
    return "wait_list";
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
  protected RecordedStream<?, WaitListUpdate> subscribe(CallCredentials as, long afterSequence, boolean frozen) {
    return WaitListSubscription.open(SchedulingServiceGrpc.newStub(h.channel).withCallCredentials(as),
        SubscribeWaitListRequest.newBuilder().setAfterSequence(afterSequence).build(), frozen);
  }

  @Override
  protected List<Runnable> changes(int count) {
    LocalDate today = LocalDate.now(h.zone);
    List<Runnable> changes = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      int pair = next++;
      AddToWaitListRequest add = AddToWaitListRequest.newBuilder()
          .setPatientId(h.patients.get(pair % h.patients.size()))
          .setDepartmentId(departments.get(pair / h.patients.size()))
          .setLatest(ScheduleHospital.date(today.plusDays(20))).setVisitType(VisitType.FOLLOW_UP).build();
      changes.add(() -> {
        try {
          h.as("reception").addToWaitList(add);
        } catch (StatusRuntimeException e) {
          if (e.getStatus().getCode() != Status.Code.ALREADY_EXISTS) {
            throw e;
          }
        }
      });
    }
    return changes;
  }
}
