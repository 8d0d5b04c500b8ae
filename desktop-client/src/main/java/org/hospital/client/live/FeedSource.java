package org.hospital.client.live;

import org.hospital.client.tasks.Cancellable;

/**
 * Opens the server stream of a feed. Must not block: the call is started and its messages arrive later on the
 * observer. Cancelling ends the stream on the wire.
 */
@FunctionalInterface
public interface FeedSource<U> {

  /** @param afterSequence 0 to start with a snapshot, else the last sequence applied */
  Cancellable open(long afterSequence, FeedObserver<U> observer);
}
