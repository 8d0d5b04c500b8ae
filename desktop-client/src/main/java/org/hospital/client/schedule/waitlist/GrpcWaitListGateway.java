package org.hospital.client.schedule.waitlist;

import com.google.protobuf.Timestamp;
import io.grpc.Context;
import io.grpc.stub.StreamObserver;
import java.time.Instant;
import org.hospital.client.connection.ServerConnection;
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
    // its own cancellable context, detached from the caller's: the stream lives until cancelled
    Context.CancellableContext context = Context.ROOT.withCancellation();
    try {
      context.run(() -> SchedulingServiceGrpc.newStub(connection.channel())
          .subscribeWaitList(request, new StreamObserver<>() {
            @Override
            public void onNext(WaitListUpdate update) {
              observer.onNext(update);
            }

            @Override
            public void onError(Throwable failure) {
              observer.onError(failure);
            }

            @Override
            public void onCompleted() {
              observer.onCompleted();
            }
          }));
    } catch (RuntimeException e) {
      observer.onError(e); // no channel (unreadable CA): reported like a broken stream, retried the same way
    }
    return () -> context.cancel(null);
  }

  private SchedulingServiceGrpc.SchedulingServiceBlockingStub blocking() {
    return SchedulingServiceGrpc.newBlockingStub(connection.channel());
  }
}
