package org.hospital.server.lab;

import org.hospital.proto.lab.v1.ResultsInboxEvent;
import org.hospital.server.live.Sequenced;

/** A results-inbox event as the log holds it: the ordering doctor for filtering, and the message as first sent. */
record ResultsInboxEventRecord(long sequence, long doctorId, ResultsInboxEvent message) implements Sequenced {}
