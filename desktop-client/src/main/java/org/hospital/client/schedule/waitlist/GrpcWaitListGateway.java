package org.hospital.client.schedule.waitlist;

import com.google.protobuf.Timestamp;
import java.time.Instant;
import org.hospital.client.connection.ServerConnection;
import org.hospital.client.connection.ServerStreams;
import org.hospital.client.live.FeedObserver;
import org.hospital.client.tasks.Cancellable;
import org.hospital.proto.scheduling.v1.AddToWaitListRequest;
import org.hospital.proto.scheduling.v1.FindWaitListCandidatesRequest;
import org.hospital.proto.scheduling.v1.FindWaitListCandidatesResponse;
import org.hospital.proto.scheduling.v1.RemoveFromWaitListRequest;
import org.hospital.proto.scheduling.v1.SchedulingServiceGrpc;
import org.hospital.proto.scheduling.v1.SubscribeWaitListRequest;
import org.hospital.proto.scheduling.v1.WaitListEntry;
import org.hospital.proto.scheduling.v1.WaitListUpdate;

/**
 * {@link WaitListGateway} over the SchedulingService RPCs, with the channel's default deadline (none for the
 * stream, see CallDefaultsInterceptor).
 */
public final class GrpcWaitListGateway implements WaitListGateway {

  private final ServerConnection connection;

  public GrpcWaitListGateway(ServerConnection connection) {
    this.connection = connection;
  }

  @Override
  public WaitListEntry add(AddToWaitListRequest request) {
    return blocking().addToWaitList(request).getEntry();
  }

  @Override
  public void remove(long entryId, long expectedVersion, String reason) {
    blocking().removeFromWaitList(RemoveFromWaitListRequest.newBuilder().setId(entryId)
        .setExpectedVersion(expectedVersion).setReason(reason).build());
  }

  @Override
  public FindWaitListCandidatesResponse candidates(long clinicianId, Instant slotStart) {
    // no visit type: a freed slot suits any kind of visit
    return blocking().findWaitListCandidates(FindWaitListCandidatesRequest.newBuilder().setClinicianId(clinicianId)
        .setSlotStart(Timestamp.newBuilder().setSeconds(slotStart.getEpochSecond()).setNanos(slotStart.getNano()))
        .build());
  }

  @Override
  public Cancellable subscribe(SubscribeWaitListRequest request, FeedObserver<WaitListUpdate> observer) {
    return ServerStreams.open(stream -> SchedulingServiceGrpc.newStub(connection.channel()).subscribeWaitList(request, stream),
        observer);
  }

  private SchedulingServiceGrpc.SchedulingServiceBlockingStub blocking() {
    return SchedulingServiceGrpc.newBlockingStub(connection.channel());
  }
}
