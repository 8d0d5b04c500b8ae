package org.hospital.server.wards.board;

import org.hospital.proto.wards.v1.BedBoardEvent;
import org.hospital.server.live.Sequenced;

/** A bed-board event as the log holds it: the ward for filtering, and the message as first sent. */
public record BedBoardEventRecord(long sequence, long wardId, BedBoardEvent message) implements Sequenced {}
