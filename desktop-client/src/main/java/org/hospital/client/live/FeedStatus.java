package org.hospital.client.live;

/** How far a live feed can be trusted right now. */
public enum FeedStatus {
  /** Waiting for the first snapshot. */
  CONNECTING,
  /** Up to date, changes arrive as they happen. */
  LIVE,
  /** The stream broke; what is shown may be out of date until it is back. */
  RECONNECTING,
  /** Back after an interruption and caught up; becomes {@link #LIVE} after a short while. */
  RESYNCED
}
