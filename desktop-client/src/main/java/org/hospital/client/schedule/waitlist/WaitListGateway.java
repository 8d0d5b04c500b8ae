package org.hospital.client.schedule.waitlist;

import java.time.Instant;
import org.hospital.client.live.FeedObserver;
import org.hospital.client.tasks.Cancellable;
import org.hospital.proto.scheduling.v1.AddToWaitListRequest;
import org.hospital.proto.scheduling.v1.FindWaitListCandidatesResponse;
import org.hospital.proto.scheduling.v1.SubscribeWaitListRequest;
import org.hospital.proto.scheduling.v1.WaitListEntry;
import org.hospital.proto.scheduling.v1.WaitListUpdate;

/** The wait list calls. They block (except {@link #subscribe}): always run them through the TaskRunner. */
public interface WaitListGateway {

  WaitListEntry add(AddToWaitListRequest request);

  void remove(long entryId, long expectedVersion, String reason);

  /**
   * Opens the live wait list; does not block (the call is only queued, messages arrive on the observer).
   * Cancelling ends the stream.
   */
  Cancellable subscribe(SubscribeWaitListRequest request, FeedObserver<WaitListUpdate> observer);

  /** The best entries for one slot of a clinician, and whether the slot is free right now. */
  FindWaitListCandidatesResponse candidates(long clinicianId, Instant slotStart);
}
