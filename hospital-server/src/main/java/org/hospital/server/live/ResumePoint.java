package org.hospital.server.live;

/**
 * Whether a subscriber that asks for the events after a sequence can be served from the durable log, or needs
 * a fresh snapshot. Shared by every feed so that they all resume the same way (0304).
 */
public final class ResumePoint {

  private ResumePoint() {}

  /**
   * @param afterSequence the last sequence the client applied (above 0)
   * @param latest the highest committed sequence
   * @param oldestRetained the lowest sequence the log still holds, 0 when it holds none
   * @return true when every event after {@code afterSequence} is still in the log. A sequence above the latest
   *     (the client saw another database) cannot be resumed.
   */
  public static boolean canResume(long afterSequence, long latest, long oldestRetained) {
    if (afterSequence > latest) {
      return false;
    }
    if (afterSequence == latest) {
      return true;
    }
    return oldestRetained > 0 && oldestRetained <= afterSequence + 1;
  }
}
