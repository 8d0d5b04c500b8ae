package org.hospital.client.live;

/** How a feed tells its items apart and which of two states of the same item is newer. */
public interface FeedItems<T> {

  long key(T item);

  /** Increases with every change of the item (the record's optimistic-locking version). */
  long version(T item);
}
