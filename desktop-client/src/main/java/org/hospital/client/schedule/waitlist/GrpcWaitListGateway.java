package org.hospital.client.schedule.waitlist;

import com.google.protobuf.Timestamp;
import java.time.Instant;
import java.util.List;
import org.hospital.client.connection.ServerConnection;
import org.hospital.proto.scheduling.v1.AddToWaitListRequest;
import org.hospital.proto.scheduling.v1.FindWaitListCandidatesRequest;
import org.hospital.proto.scheduling.v1.FindWaitListCandidatesResponse;
import org.hospital.proto.scheduling.v1.ListWaitListRequest;
import org.hospital.proto.scheduling.v1.RemoveFromWaitListRequest;
import org.hospital.proto.scheduling.v1.SchedulingServiceGrpc;
import org.hospital.proto.scheduling.v1.WaitListEntry;

/** {@link WaitListGateway} over the SchedulingService RPCs, with the channel's default deadline. */
public final class GrpcWaitListGateway implements WaitListGateway {

  private final ServerConnection connection;

  public GrpcWaitListGateway(ServerConnection connection) {
    this.connection = connection;
  }

  @Override
  public List<WaitListEntry> list(long departmentId) {
    return blocking().listWaitList(ListWaitListRequest.newBuilder().addDepartmentIds(departmentId).build())
        .getEntriesList();
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

  private SchedulingServiceGrpc.SchedulingServiceBlockingStub blocking() {
    return SchedulingServiceGrpc.newBlockingStub(connection.channel());
  }
}
