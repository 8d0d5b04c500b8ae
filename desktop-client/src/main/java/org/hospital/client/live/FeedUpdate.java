package org.hospital.client.live;

import java.util.List;

/**
 * One message of a live feed, in the terms every feed shares: a full picture, a confirmation that the stream
 * carries on where the client left off, or a change to one item.
 *
 * @param <T> the item the feed keeps (an appointment, a bed, a result)
 */
public sealed interface FeedUpdate<T> {

  /** Every item that matches the subscription, reflecting all changes up to {@code sequence}. */
  record Snapshot<T>(long sequence, List<T> items) implements FeedUpdate<T> {
    public Snapshot {
      items = List.copyOf(items);
    }
  }

  /** The server will send exactly the changes after {@code afterSequence}. */
  record Resumed<T>(long afterSequence) implements FeedUpdate<T> {
  }

  /** The full state of one item after a change numbered {@code sequence}. */
  record Change<T>(long sequence, T item) implements FeedUpdate<T> {
  }

  /** A message this client does not understand (a newer server); it changes nothing. */
  record Unknown<T>() implements FeedUpdate<T> {
  }
}
