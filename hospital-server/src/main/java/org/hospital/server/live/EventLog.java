package org.hospital.server.live;

import java.util.List;

/** The durable log behind a hub: what a subscriber reads when the in-memory ring no longer has its events. */
public interface EventLog<E extends Sequenced> {

  /** The highest committed sequence. */
  long latest();

  /** Committed events after {@code sequence}, in order, at most {@code limit}. */
  List<E> after(long sequence, int limit);
}
