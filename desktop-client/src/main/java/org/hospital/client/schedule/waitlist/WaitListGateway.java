package org.hospital.client.schedule.waitlist;

import java.time.Instant;
import java.util.List;
import org.hospital.proto.scheduling.v1.AddToWaitListRequest;
import org.hospital.proto.scheduling.v1.FindWaitListCandidatesResponse;
import org.hospital.proto.scheduling.v1.WaitListEntry;

/** The wait list calls. They block: always run them through the TaskRunner. */
public interface WaitListGateway {

  /** Open entries of the department (for anyone in it or one of its clinicians), longest waiting first. */
  List<WaitListEntry> list(long departmentId);

  WaitListEntry add(AddToWaitListRequest request);

  void remove(long entryId, long expectedVersion, String reason);

  /** The best entries for one slot of a clinician, and whether the slot is free right now. */
  FindWaitListCandidatesResponse candidates(long clinicianId, Instant slotStart);
}
