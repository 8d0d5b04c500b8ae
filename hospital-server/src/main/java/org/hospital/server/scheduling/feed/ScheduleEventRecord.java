package org.hospital.server.scheduling.feed;

import java.time.Instant;
import org.hospital.proto.scheduling.v1.ScheduleEvent;
import org.hospital.server.live.Sequenced;

/**
 * One entry of the schedule event log: the event as subscribers receive it, with the fields that filters
 * look at.
 */
public record ScheduleEventRecord(long sequence, long clinicianId, long departmentId, Instant start,
    ScheduleEvent message) implements Sequenced {}
