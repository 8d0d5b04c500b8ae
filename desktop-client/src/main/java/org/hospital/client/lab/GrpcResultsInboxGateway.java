package org.hospital.client.lab;

import org.hospital.client.connection.ServerConnection;
import org.hospital.client.connection.ServerStreams;
import org.hospital.client.live.FeedObserver;
import org.hospital.client.tasks.Cancellable;
import org.hospital.proto.lab.v1.AcknowledgeResultsRequest;
import org.hospital.proto.lab.v1.AcknowledgeResultsResponse;
import org.hospital.proto.lab.v1.LabServiceGrpc;
import org.hospital.proto.lab.v1.ResultsInboxUpdate;
import org.hospital.proto.lab.v1.SubscribeResultsInboxRequest;

/** The results inbox over the signed-in connection. */
public final class GrpcResultsInboxGateway implements ResultsInboxGateway {

  private final ServerConnection connection;

  public GrpcResultsInboxGateway(ServerConnection connection) {
    this.connection = connection;
  }

  @Override
  public Cancellable subscribe(long afterSequence, FeedObserver<ResultsInboxUpdate> observer) {
    return ServerStreams.open(stream -> LabServiceGrpc.newStub(connection.channel()).subscribeResultsInbox(
        SubscribeResultsInboxRequest.newBuilder().setAfterSequence(afterSequence).build(), stream), observer);
  }

  @Override
  public AcknowledgeResultsResponse acknowledge(long orderId, long version) {
    return LabServiceGrpc.newBlockingStub(connection.channel()).acknowledgeResults(AcknowledgeResultsRequest
        .newBuilder().setOrderId(orderId).setVersion(version).build());
  }
}
