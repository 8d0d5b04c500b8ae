package org.hospital.server.scheduling;

import io.grpc.CallCredentials;
import io.grpc.ManagedChannel;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.hospital.proto.scheduling.v1.BookAppointmentRequest;
import org.hospital.proto.scheduling.v1.ScheduleUpdate;
import org.hospital.proto.scheduling.v1.SchedulingServiceGrpc;
import org.hospital.proto.scheduling.v1.Slot;
import org.hospital.proto.scheduling.v1.SubscribeScheduleRequest;
import org.hospital.server.live.LiveFeedContract;
import org.hospital.server.testing.RecordedStream;
import org.hospital.server.testing.TestHospitalServer;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/** The live schedule keeps the promises of every live feed; a change is a booking. */
@ParameterizedClass
@MethodSource("org.hospital.server.testing.TestDatabases#kinds")
class ScheduleFeedContractTest extends LiveFeedContract<ScheduleUpdate> {

  @Parameter
  String kind;

  private static ScheduleHospital h;
  /** Each call of {@link #changes} books a clinician's day no other call has used. */
  private static int calls;

  @BeforeParameterizedClassInvocation
  static void start(String kind) {
    h = ScheduleHospital.start(kind);
    calls = 0;
  }

  @AfterParameterizedClassInvocation
  static void stop() {
    h.close();
  }

  @Override
  protected String topic() {
    return "schedule";
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
  protected RecordedStream<?, ScheduleUpdate> subscribe(CallCredentials as, long afterSequence, boolean frozen) {
    LocalDate today = LocalDate.now(h.zone);
    SubscribeScheduleRequest r = SubscribeScheduleRequest.newBuilder().setFrom(ScheduleHospital.date(today))
        .setTo(ScheduleHospital.date(today.plusDays(30))).setAfterSequence(afterSequence).build();
    SchedulingServiceGrpc.SchedulingServiceStub stub = SchedulingServiceGrpc.newStub(h.channel)
        .withCallCredentials(as);
    return frozen ? Subscription.openSlow(stub, r) : Subscription.open(stub, r);
  }

  @Override
  protected List<Runnable> changes(int count) {
    int call = calls++;
    long clinician = h.clinicians.get(call % h.clinicians.size()).getId();
    LocalDate day = h.freeWeekday(9 + 7 * (call / h.clinicians.size()));
    List<Instant> free = h.slots(clinician, day).stream().filter(Slot::getFree)
        .map(s -> Instant.ofEpochSecond(s.getStart().getSeconds())).toList();
    List<Runnable> changes = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      // built once: a retry sends the same idempotency key
      BookAppointmentRequest booking = h.booking(clinician, h.patients.get(i % h.patients.size()), free.get(i))
          .build();
      changes.add(() -> h.as("reception").bookAppointment(booking));
    }
    return changes;
  }
}
