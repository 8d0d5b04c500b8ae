package org.hospital.server.scheduling.waitlist;

import org.hospital.proto.scheduling.v1.WaitListEvent;
import org.hospital.server.live.Sequenced;

/**
 * One entry of the wait-list event log: the event as subscribers receive it, with the fields that filters look
 * at (clinicianId 0: an entry for the whole department).
 */
public record WaitListEventRecord(long sequence, long clinicianId, long departmentId, WaitListEvent message)
    implements Sequenced {}
