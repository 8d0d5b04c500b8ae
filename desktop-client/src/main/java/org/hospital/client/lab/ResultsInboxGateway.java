package org.hospital.client.lab;

import org.hospital.client.live.FeedObserver;
import org.hospital.client.tasks.Cancellable;
import org.hospital.proto.lab.v1.AcknowledgeResultsResponse;
import org.hospital.proto.lab.v1.ResultsInboxUpdate;

/** What the doctor's results inbox asks of the server: its live stream, and acknowledging an order's results. */
public interface ResultsInboxGateway {

  /** Opens the stream (does not block); cancelling ends it. */
  Cancellable subscribe(long afterSequence, FeedObserver<ResultsInboxUpdate> observer);

  /** Blocking, off the FX thread. */
  AcknowledgeResultsResponse acknowledge(long orderId, long version);
}
