package org.hospital.client.dialogs;

/** What to do when a save failed because someone else changed the record first. */
public enum StaleSaveDecision {
  /** Discard my edits and show the record as it is now. */
  RELOAD_THEIR_VERSION,
  /** Keep my edits on screen; the next save is checked against the version I started from. */
  KEEP_EDITING
}
